// Which address of a picture's srcset to save. The reader shows a picture's src only (srcset is
// dropped there, and the picture pipeline saves one address per picture), so a picture known only
// by its srcset gets the candidate that fits the reader: wide enough, not the largest the site has.

export interface SrcsetCandidate {
  url: string;
  /** The "w" descriptor, in pixels; null when the candidate names none. */
  width: number | null;
  /** The "x" descriptor; 1 when the candidate names neither. */
  density: number;
}

/** Pictures are shown at most about this wide (the reader pane on a large screen). */
export const preferredPictureWidth = 1_200;

const descriptorOf = (text: string): { width: number | null; density: number } => {
  let width: number | null = null;
  let density = 1;
  for (const descriptor of text.trim().split(/\s+/)) {
    const value = Number.parseFloat(descriptor);
    if (!Number.isFinite(value) || value <= 0) continue;
    if (descriptor.endsWith('w')) width = value;
    else if (descriptor.endsWith('x')) density = value;
  }
  return { width, density };
};

/**
 * The candidates of a srcset, as the HTML standard splits them: an address runs to whitespace (so an
 * address may hold commas, as CDN addresses do), a comma that ends it closes the candidate, else its
 * descriptors run to the next comma. One pass; nothing backtracks.
 */
export const srcsetCandidates = (srcset: string): SrcsetCandidate[] => {
  const candidates: SrcsetCandidate[] = [];
  let index = 0;
  while (index < srcset.length) {
    while (index < srcset.length && /[\s,]/.test(srcset.charAt(index))) index += 1;
    const urlStart = index;
    while (index < srcset.length && !/\s/.test(srcset.charAt(index))) index += 1;
    let url = srcset.slice(urlStart, index);
    let descriptors = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const comma = srcset.indexOf(',', index);
      const end = comma === -1 ? srcset.length : comma;
      descriptors = srcset.slice(index, end);
      index = end + 1;
    }
    if (url.length > 0) candidates.push({ url, ...descriptorOf(descriptors) });
  }
  return candidates;
};

/** The widest candidate no wider than the preferred width (else the narrowest); by density, the one nearest 1x. */
export const chooseSrcsetUrl = (srcset: string): string | null => {
  const candidates = srcsetCandidates(srcset);
  const byWidth = candidates.filter((candidate) => candidate.width !== null);
  if (byWidth.length > 0) {
    const width = (candidate: SrcsetCandidate): number => candidate.width ?? 0;
    const fitting = byWidth.filter((candidate) => width(candidate) <= preferredPictureWidth);
    const pool = fitting.length > 0 ? fitting : byWidth;
    const best = pool.reduce((chosen, candidate) =>
      fitting.length > 0 ? (width(candidate) > width(chosen) ? candidate : chosen) : width(candidate) < width(chosen) ? candidate : chosen,
    );
    return best.url;
  }
  if (candidates.length === 0) return null;
  return candidates.reduce((chosen, candidate) => (Math.abs(candidate.density - 1) < Math.abs(chosen.density - 1) ? candidate : chosen)).url;
};
