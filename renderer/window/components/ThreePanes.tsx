// The window's body: sidebar | list | reader with draggable dividers (arrow keys move them too), or,
// below 760 pixels, the one pane the reader is on with a Back button.
import { useEffect, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { clampPaneWidths, isNarrow, paneBehind, type NarrowPane, type PaneWidths } from '../reader/paneLayout';
import { glyphs } from '../reader/readerGlyphs';
import { useText } from '../i18n/useText';
import '../reader/readerPanes.css';

interface ThreePanesProps {
  sidebar: ReactNode;
  list: ReactNode;
  reader: ReactNode;
  widths: PaneWidths;
  onWidths: (widths: PaneWidths) => void;
  /** In the narrow layout, the pane shown. */
  narrowPane: NarrowPane;
  onNarrowPane: (pane: NarrowPane) => void;
  /** In the narrow layout, under the pane: the phone's bar. */
  narrowBar?: ReactNode;
}

const useWindowWidth = (): number => {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const measure = () => setWidth(window.innerWidth);
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  return width;
};

const keyStep = 16;

export function ThreePanes({ sidebar, list, reader, widths, onWidths, narrowPane, onNarrowPane, narrowBar }: ThreePanesProps) {
  const { text } = useText();
  const windowWidth = useWindowWidth();
  if (isNarrow(windowWidth)) {
    const behind = paneBehind(narrowPane);
    const shown = { sidebar, list, reader }[narrowPane];
    return (
      <div className="three-panes three-panes--narrow" data-pane={narrowPane}>
        {behind !== null ? (
          <button type="button" className="pane-back" onClick={() => onNarrowPane(behind)}>
            {glyphs.back} {text('panes.back')}
          </button>
        ) : (
          <span />
        )}
        <div className={`pane pane--${narrowPane}`}>{shown}</div>
        {narrowBar}
      </div>
    );
  }
  const clamped = clampPaneWidths(widths, windowWidth);
  const drag = (which: keyof PaneWidths) => (event: PointerEvent<HTMLDivElement>) => {
    const startX = event.clientX;
    const start = clamped[which];
    const move = (moved: globalThis.PointerEvent) => onWidths(clampPaneWidths({ ...clamped, [which]: start + moved.clientX - startX }, windowWidth));
    const stop = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', stop);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', stop);
  };
  const nudge = (which: keyof PaneWidths) => (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowLeft' ? -keyStep : event.key === 'ArrowRight' ? keyStep : 0;
    if (step === 0) return;
    event.preventDefault();
    onWidths(clampPaneWidths({ ...clamped, [which]: clamped[which] + step }, windowWidth));
  };
  const divider = (which: keyof PaneWidths, label: string) => (
    <div
      className="pane-divider"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={clamped[which]}
      tabIndex={0}
      onPointerDown={drag(which)}
      onKeyDown={nudge(which)}
    />
  );
  return (
    <div className="three-panes three-panes--wide" style={{ ['--sidebar-width' as string]: `${clamped.sidebar}px`, ['--list-width' as string]: `${clamped.list}px` }}>
      <div className="pane pane--sidebar">{sidebar}</div>
      {divider('sidebar', text('panes.resizeSidebar'))}
      <div className="pane pane--list">{list}</div>
      {divider('list', text('panes.resizeList'))}
      <div className="pane pane--reader">{reader}</div>
    </div>
  );
}
