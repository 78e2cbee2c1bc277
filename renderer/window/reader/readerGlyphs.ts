// Signs of the reader's panes that are no words, so no catalog message: arrows, stars, the close
// cross and the warning mark (their meaning is in each control's catalog label).
export const glyphs = { open: '▾', closed: '▸', close: '×', warning: '⚠', back: '←', starOn: '★', starOff: '☆' } as const;
