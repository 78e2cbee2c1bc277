import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evictionOrder, fittedSize, maxPictureSide, picturesOverBudget, type SavedPictureFacts } from '../../../shared/pictures/pictureBudget';
import { isPictureOf, pictureKey } from '../../../shared/pictures/pictureKey';
import { isMeteredOrSlow, parsePictureBudget, parsePictureMode, picturesToSave } from '../../../shared/pictures/pictureSettings';

const urls = ['https://a/1.jpg', 'https://a/2.jpg', 'https://a/3.jpg'];

describe('the picture key', () => {
  it('is the same for the same address and differs between addresses', () => {
    expect(pictureKey('https://a/1.jpg')).toBe(pictureKey('https://a/1.jpg'));
    expect(pictureKey('https://a/1.jpg')).not.toBe(pictureKey('https://a/2.jpg'));
    fc.assert(
      fc.property(fc.webUrl(), fc.webUrl(), (a, b) => {
        fc.pre(a !== b);
        return pictureKey(a) !== pictureKey(b);
      }),
    );
  });

  it('belongs to its own address only, so a hash collision shows no wrong picture', () => {
    expect(isPictureOf({ url: 'https://a/1.jpg' }, 'https://a/1.jpg')).toBe(true);
    expect(isPictureOf({ url: 'https://a/1.jpg' }, 'https://a/2.jpg')).toBe(false);
    expect(isPictureOf(undefined, 'https://a/1.jpg')).toBe(false);
  });
});

describe('the picture settings', () => {
  it('read the first picture as the default, and a budget of 500 MB', () => {
    expect(parsePictureMode(undefined)).toBe('first');
    expect(parsePictureMode('everything')).toBe('first');
    expect(parsePictureMode('all')).toBe('all');
    expect(parsePictureBudget(undefined)).toBe(500);
    expect(parsePictureBudget('2000')).toBe(2000);
    expect(parsePictureBudget('-5')).toBe(500);
    expect(parsePictureBudget('lots')).toBe(500);
  });

  it('save all, the first or none', () => {
    expect(picturesToSave(urls, 'all', undefined)).toEqual(urls);
    expect(picturesToSave(urls, 'first', undefined)).toEqual(['https://a/1.jpg']);
    expect(picturesToSave(urls, 'none', undefined)).toEqual([]);
    expect(picturesToSave([], 'first', undefined)).toEqual([]);
  });

  it('save only the first picture on a metered or slow link', () => {
    for (const connection of [{ saveData: true }, { effectiveType: '2g' }, { effectiveType: 'slow-2g' }, { effectiveType: '3g' }]) {
      expect(isMeteredOrSlow(connection)).toBe(true);
      expect(picturesToSave(urls, 'all', connection)).toEqual(['https://a/1.jpg']);
    }
    expect(isMeteredOrSlow({ effectiveType: '4g', saveData: false })).toBe(false);
    expect(picturesToSave(urls, 'all', { effectiveType: '4g' })).toEqual(urls);
    expect(picturesToSave(urls, 'none', { saveData: true })).toEqual([]);
  });
});

describe('the budget', () => {
  const picture = (key: string, bytes: number, savedAt: number, starred = false): SavedPictureFacts => ({ key, bytes, savedAt, starred });

  it('drops the oldest unstarred pictures first and starred ones last', () => {
    const pictures = [picture('new', 10, 300), picture('old-starred', 10, 100, true), picture('old', 10, 200), picture('newest-starred', 10, 400, true)];
    expect(evictionOrder(pictures).map((p) => p.key)).toEqual(['old', 'new', 'old-starred', 'newest-starred']);
    expect(picturesOverBudget(pictures, 40)).toEqual([]);
    expect(picturesOverBudget(pictures, 25)).toEqual(['old', 'new']);
    expect(picturesOverBudget(pictures, 15)).toEqual(['old', 'new', 'old-starred']);
  });

  it('always leaves what fits, and drops no more than it must', () => {
    const pictureArb = fc.record({ key: fc.uuid(), bytes: fc.nat(1000), savedAt: fc.nat(1e6), starred: fc.boolean() });
    fc.assert(
      fc.property(fc.uniqueArray(pictureArb, { selector: (p) => p.key, maxLength: 40 }), fc.nat(20_000), (pictures, budget) => {
        const dropped = new Set(picturesOverBudget(pictures, budget));
        const kept = pictures.filter((p) => !dropped.has(p.key));
        const keptBytes = kept.reduce((sum, p) => sum + p.bytes, 0);
        expect(keptBytes).toBeLessThanOrEqual(budget);
        // The last one dropped was needed: without dropping it the rest would not fit.
        const order = picturesOverBudget(pictures, budget);
        const last = pictures.find((p) => p.key === order.at(-1));
        if (last !== undefined) expect(keptBytes + last.bytes).toBeGreaterThan(budget);
        // No starred picture goes while an unstarred one stays.
        if (kept.some((p) => !p.starred)) expect(pictures.filter((p) => dropped.has(p.key)).every((p) => !p.starred)).toBe(true);
      }),
    );
  });
});

describe('the size a picture is saved at', () => {
  it('keeps a picture that fits, and scales a larger one to 1,600 px on its longest side, aspect kept', () => {
    expect(fittedSize(800, 600)).toEqual({ width: 800, height: 600, scaled: false });
    expect(fittedSize(3200, 2400)).toEqual({ width: maxPictureSide, height: 1200, scaled: true });
    expect(fittedSize(1000, 4000)).toEqual({ width: 400, height: 1600, scaled: true });
    expect(fittedSize(20000, 1)).toEqual({ width: 1600, height: 1, scaled: true });
  });
});
