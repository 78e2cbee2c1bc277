// Pictures that a page's scripts would load (lazy loading) given a real src before the article is
// read off the page: the address in data-src and its kin, a srcset or a <picture>'s sources when
// the src is missing or a placeholder, and the <noscript> copy a page keeps for browsers without
// scripts. Readability repeats some of this (only for addresses ending in .jpg/.png/.webp); this
// pass takes any address, and the reader, which shows src only, gets a picture either way.
import { chooseSrcsetUrl } from '../../../shared/articles/srcsetChoice';

/** Attributes that hold the real address of a lazy picture, most common first. */
const lazySourceAttributes = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-echo'];
const lazySrcsetAttributes = ['data-srcset', 'data-lazy-srcset'];

const firstValue = (element: Element, names: readonly string[]): string | null => {
  for (const name of names) {
    const value = element.getAttribute(name)?.trim();
    if (value) return value;
  }
  return null;
};

/** A src that only holds a picture's place: none, blank, about:blank, or a data: address (a blank or blurred preview). */
const isPlaceholder = (src: string | null): boolean => {
  const value = src?.trim().toLowerCase() ?? '';
  return value === '' || value === 'about:blank' || value.startsWith('data:');
};

/** The address a <picture>'s sources offer, for an <img> inside it that has none. */
const pictureSourceUrl = (image: Element): string | null => {
  const picture = image.parentElement;
  if (picture?.localName !== 'picture') return null;
  for (const source of picture.querySelectorAll('source')) {
    const srcset = firstValue(source, ['srcset', ...lazySrcsetAttributes]);
    const chosen = srcset === null ? null : chooseSrcsetUrl(srcset);
    if (chosen !== null) return chosen;
  }
  return null;
};

const resolveLazyImage = (image: Element): void => {
  const lazySrcset = firstValue(image, lazySrcsetAttributes);
  if (lazySrcset !== null) image.setAttribute('srcset', lazySrcset);
  // The lazy address is the picture itself; the src is at best a small preview of it.
  const lazySrc = firstValue(image, lazySourceAttributes);
  if (lazySrc !== null && !isPlaceholder(lazySrc)) {
    image.setAttribute('src', lazySrc);
    return;
  }
  if (!isPlaceholder(image.getAttribute('src'))) return;
  const srcset = image.getAttribute('srcset');
  const chosen = (srcset === null ? null : chooseSrcsetUrl(srcset)) ?? pictureSourceUrl(image);
  if (chosen !== null) image.setAttribute('src', chosen);
};

/** Whether `element` is a picture and nothing else: an <img>, or an element holding one picture and no text. */
const isLonePicture = (element: Element | null): boolean => {
  if (element === null) return false;
  if (element.localName === 'img') return true;
  if ((element.textContent ?? '').trim() !== '' || element.children.length !== 1) return false;
  return isLonePicture(element.firstElementChild);
};

/**
 * A <noscript> that holds one picture stands for a picture the page's scripts would add. Where a
 * placeholder <img> sits just before it, Readability swaps the two; where none does, the picture is
 * taken out of the <noscript> here, since Readability drops every <noscript>.
 */
const unwrapLoneNoscriptPicture = (noscript: Element): void => {
  if (!isLonePicture(noscript) || isLonePicture(noscript.previousElementSibling)) return;
  const picture = noscript.firstElementChild;
  if (picture !== null) noscript.replaceWith(picture);
};

/** Gives every lazy picture of the page a src it can be saved from (still relative: links are resolved later). */
export const resolveLazyPictures = (document: Document): void => {
  for (const image of document.querySelectorAll('img')) resolveLazyImage(image);
  for (const noscript of document.querySelectorAll('noscript')) unwrapLoneNoscriptPicture(noscript);
};
