// Marks place names inside already-sanitized reader HTML, by splitting its text nodes: no markup
// is ever built from strings, so highlighting cannot open a way around the sanitizer.
import { findNameRanges } from '../../../shared/places/findNameRanges';

export const markNames = (root: HTMLElement, names: readonly string[]): void => {
  if (names.length === 0) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text && node.parentElement?.tagName !== 'MARK') textNodes.push(node);
  }
  for (const node of textNodes) {
    const text = node.data;
    const ranges = findNameRanges(text, names);
    if (ranges.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let position = 0;
    for (const { start, end } of ranges) {
      if (start > position) fragment.append(text.slice(position, start));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(start, end);
      fragment.append(mark);
      position = end;
    }
    if (position < text.length) fragment.append(text.slice(position));
    node.replaceWith(fragment);
  }
};
