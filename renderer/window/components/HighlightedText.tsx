// Text with the given place names marked, ignoring case and accents.
import { findNameRanges } from '../../../shared/places/findNameRanges';

interface HighlightedTextProps {
  text: string;
  names: readonly string[];
}

export function HighlightedText({ text, names }: HighlightedTextProps) {
  const ranges = names.length === 0 ? [] : findNameRanges(text, names);
  if (ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let position = 0;
  for (const { start, end } of ranges) {
    if (start > position) parts.push(text.slice(position, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    position = end;
  }
  if (position < text.length) parts.push(text.slice(position));
  return <>{parts}</>;
}
