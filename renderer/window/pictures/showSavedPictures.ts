// Rewrites the reader's sanitized fragment so that it names no remote picture: each <img> shows its
// saved copy (a blob: URL) or becomes a quiet placeholder with its alt text. The fragment keeps
// sanitizeNewsHtml's contract (resolved, http(s) addresses); this runs on a copy before insertion.

/** The http(s) address of each <img> in the fragment, in order, each once. */
export const pictureAddressesIn = (fragment: DocumentFragment): string[] => [
  ...new Set([...fragment.querySelectorAll('img')].map((image) => image.getAttribute('src') ?? '').filter((src) => /^https?:/i.test(src))),
];

/**
 * A copy of `fragment` whose pictures come from storage only. `savedSrc` gives the blob: URL of a
 * saved address (or null); `notSaved` words the placeholder from the picture's alt text.
 */
export const showSavedPictures = (fragment: DocumentFragment, savedSrc: (url: string) => string | null, notSaved: (alt: string) => string): DocumentFragment => {
  const copy = fragment.cloneNode(true) as DocumentFragment;
  for (const image of copy.querySelectorAll('img')) {
    const src = savedSrc(image.getAttribute('src') ?? '');
    if (src !== null) {
      image.setAttribute('src', src);
      image.setAttribute('loading', 'lazy');
      continue;
    }
    const placeholder = image.ownerDocument.createElement('span');
    // Data attributes, not a class: the reader's HTML carries no class at all, so none can pose as the app's.
    placeholder.dataset.picture = 'not-saved';
    // Where the picture would have come from, as text only: nothing loads it.
    placeholder.dataset.pictureSrc = image.getAttribute('src') ?? '';
    placeholder.setAttribute('role', 'img');
    const words = notSaved((image.getAttribute('alt') ?? '').trim());
    placeholder.setAttribute('aria-label', words);
    placeholder.textContent = words;
    image.replaceWith(placeholder);
  }
  return copy;
};
