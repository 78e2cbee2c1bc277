// The middle pane: the list's name and "Mark all read" (with its undo), the search's summary above
// the rows, and the virtual list itself.
import { useState, type ReactNode } from 'react';
import type { NewsItemKey } from '../../../shared/feed/newsItem';
import { newsRepository } from '../database';
import { useText } from '../i18n/useText';
import { VirtualNewsList, type VirtualNewsListProps } from './VirtualNewsList';

interface ListPaneProps extends Omit<VirtualNewsListProps, 'label'> {
  /** The list's name: its heading, and the list's label for screen readers. */
  name: string;
  header: ReactNode;
  /** Counts the views chosen: an undo offered for the view before is withdrawn. */
  viewChoice: number;
}

export function ListPane({ name, list, header, emptyText, viewChoice, ...rows }: ListPaneProps) {
  const { text } = useText();
  const [undo, setUndo] = useState<{ keys: NewsItemKey[]; viewChoice: number } | null>(null);
  const markAllRead = async () => {
    const changed = await newsRepository.markAllRead(list.keys ?? []);
    setUndo({ keys: changed, viewChoice });
  };
  const shownUndo = undo?.viewChoice === viewChoice ? undo : null;
  return (
    <div className="list-pane" id="news-list">
      <div className="list-pane-header">
        <h2>{name}</h2>
        <button type="button" onClick={() => void markAllRead()} disabled={!list.complete || !list.keys?.length}>
          {text('panes.markAllRead')}
        </button>
      </div>
      {header}
      {shownUndo && (
        <div className="undo-bar" aria-live="polite">
          <span>{text('panes.markedAllRead', { count: shownUndo.keys.length })}</span>
          <button type="button" onClick={() => void newsRepository.undoMarkAllRead(shownUndo.keys).then(() => setUndo(null))}>
            {text('panes.undo')}
          </button>
        </div>
      )}
      <VirtualNewsList list={list} label={name} emptyText={emptyText} {...rows} />
    </div>
  );
}
