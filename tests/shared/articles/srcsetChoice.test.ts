// Which address of a srcset a picture is saved from: the reader shows src only, so a picture known
// only by its srcset gets the candidate that fits the reader, not the largest the site offers.
import { describe, expect, it } from 'vitest';
import { chooseSrcsetUrl, preferredPictureWidth, srcsetCandidates } from '../../../shared/articles/srcsetChoice';

describe('srcsetCandidates', () => {
  it('splits candidates as the HTML standard does: commas inside an address belong to it', () => {
    expect(srcsetCandidates('https://cdn.example.org/w_400,h_300/a.jpg 400w, https://cdn.example.org/w_800,h_600/a.jpg 800w')).toEqual([
      { url: 'https://cdn.example.org/w_400,h_300/a.jpg', width: 400, density: 1 },
      { url: 'https://cdn.example.org/w_800,h_600/a.jpg', width: 800, density: 1 },
    ]);
    expect(srcsetCandidates(' a.jpg, b.jpg 2x,c.jpg 1.5x ')).toEqual([
      { url: 'a.jpg', width: null, density: 1 },
      { url: 'b.jpg', width: null, density: 2 },
      { url: 'c.jpg', width: null, density: 1.5 },
    ]);
  });

  it('reads nothing out of an empty or broken srcset', () => {
    expect(srcsetCandidates('')).toEqual([]);
    expect(srcsetCandidates(' , ,, ')).toEqual([]);
    expect(srcsetCandidates('a.jpg nonsense, b.jpg -5w')).toEqual([
      { url: 'a.jpg', width: null, density: 1 },
      { url: 'b.jpg', width: null, density: 1 },
    ]);
  });
});

describe('chooseSrcsetUrl', () => {
  it('takes the widest candidate that fits the reader, else the narrowest', () => {
    expect(chooseSrcsetUrl(`s.jpg 320w, m.jpg 800w, l.jpg ${preferredPictureWidth}w, xl.jpg 2400w`)).toBe('l.jpg');
    expect(chooseSrcsetUrl('xl.jpg 2400w, l.jpg 1600w')).toBe('l.jpg');
  });

  it('takes the candidate nearest 1x when they name densities', () => {
    expect(chooseSrcsetUrl('big.jpg 3x, small.jpg 1x, mid.jpg 2x')).toBe('small.jpg');
    expect(chooseSrcsetUrl('only.jpg')).toBe('only.jpg');
    expect(chooseSrcsetUrl('  ')).toBeNull();
  });
});
