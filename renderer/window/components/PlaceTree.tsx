// The sidebar's places: country → state → town with item counts, collapsed until opened, narrowed
// by typing (a match opens its way down). Choosing a place applies the search's place filter.
import { useState } from 'react';
import { filterPlaceTree, type PlaceTreeNode } from '../reader/placeTree';
import { glyphs } from '../reader/readerGlyphs';
import { useText } from '../i18n/useText';

interface PlaceTreeProps {
  tree: readonly PlaceTreeNode[];
  chosenPlaceId: string | null;
  onChoose: (placeId: string) => void;
}

interface BranchProps {
  nodes: readonly PlaceTreeNode[];
  openAll: boolean;
  chosenPlaceId: string | null;
  onChoose: (placeId: string) => void;
}

function Branch({ nodes, openAll, chosenPlaceId, onChoose }: BranchProps) {
  const { intl } = useText();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (placeId: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(placeId)) next.add(placeId);
      return next;
    });
  return (
    <ul className="place-tree">
      {nodes.map((node) => {
        const expanded = openAll || open.has(node.placeId);
        return (
          <li key={node.placeId}>
            <div className="sidebar-entry-row">
              {node.children.length > 0 ? (
                <button type="button" className="place-toggle" aria-expanded={expanded} aria-label={node.name} onClick={() => toggle(node.placeId)}>
                  {expanded ? glyphs.open : glyphs.closed}
                </button>
              ) : (
                <span className="place-toggle" aria-hidden="true" />
              )}
              <button type="button" className="sidebar-entry" data-place-id={node.placeId} aria-current={chosenPlaceId === node.placeId ? 'true' : undefined} onClick={() => onChoose(node.placeId)}>
                <span className="sidebar-name">{node.name}</span>
                <span className="sidebar-count">{intl.formatNumber(node.count)}</span>
              </button>
            </div>
            {expanded && node.children.length > 0 && <Branch nodes={node.children} openAll={openAll} chosenPlaceId={chosenPlaceId} onChoose={onChoose} />}
          </li>
        );
      })}
    </ul>
  );
}

export function PlaceTree({ tree, chosenPlaceId, onChoose }: PlaceTreeProps) {
  const { text } = useText();
  const [typed, setTyped] = useState('');
  const shown = filterPlaceTree(tree, typed);
  return (
    <nav aria-label={text('panes.places')}>
      <h2>{text('panes.places')}</h2>
      <input className="place-filter" type="search" aria-label={text('panes.filterPlaces')} placeholder={text('panes.filterPlaces')} value={typed} onChange={(event) => setTyped(event.target.value)} />
      <Branch nodes={shown} openAll={typed.trim() !== ''} chosenPlaceId={chosenPlaceId} onChoose={onChoose} />
    </nav>
  );
}
