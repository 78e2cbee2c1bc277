import { describe, expect, it } from 'vitest';
import { nextUpdateStep } from '../../../../renderer/window/webApp/updateRule';

describe('when a new version of the web app takes over', () => {
  it('does nothing while no new version waits, whatever else holds', () => {
    for (const agreed of [false, true]) for (const syncing of [false, true]) expect(nextUpdateStep({ waiting: false, agreed, syncing })).toBe('none');
  });

  it('only announces a waiting version until the person agrees, syncing or not', () => {
    expect(nextUpdateStep({ waiting: true, agreed: false, syncing: false })).toBe('announce');
    expect(nextUpdateStep({ waiting: true, agreed: false, syncing: true })).toBe('announce');
  });

  it('after Reload, waits for a running sync to end before it takes over', () => {
    expect(nextUpdateStep({ waiting: true, agreed: true, syncing: true })).toBe('waitForSync');
    expect(nextUpdateStep({ waiting: true, agreed: true, syncing: false })).toBe('apply');
  });
});
