import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWindowState, writeWindowState } from '../../electron/windowState';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };
const file = () => path.join(mkdtempSync(path.join(tmpdir(), 'field-news-state-')), 'window-state.json');

describe('window state', () => {
  it('round-trips a visible window', () => {
    const target = file();
    writeWindowState(target, { x: 100, y: 80, width: 1000, height: 700, maximized: true });
    expect(readWindowState(target, [screen])).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: true });
  });

  it('ignores a place that is on no screen any more (monitor unplugged)', () => {
    const target = file();
    writeWindowState(target, { x: 3000, y: 80, width: 1000, height: 700, maximized: false });
    expect(readWindowState(target, [screen])).toBeNull();
  });

  it.each([['not JSON', '{'], ['the wrong shape', '{"x":"1"}'], ['an absurd size', '{"x":0,"y":0,"width":5,"height":5,"maximized":false}'], ['null', 'null']])(
    'ignores a file holding %s',
    (_name, text) => {
      const target = file();
      writeFileSync(target, text);
      expect(readWindowState(target, [screen])).toBeNull();
    },
  );

  it('ignores a missing file', () => {
    expect(readWindowState(file(), [screen])).toBeNull();
  });
});
