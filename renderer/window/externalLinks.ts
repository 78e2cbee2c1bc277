// One handler for every link the page shows — <a> and <area> alike, clicked or middle-clicked:
// the app itself never navigates; a web link opens in the system browser through the bridge.

/** Whether a link only points inside the page it is on (a fragment), which needs no browser. */
const isSamePageFragment = (href: string, page: string): boolean => {
  const target = new URL(href);
  const current = new URL(page);
  return target.hash !== '' && target.origin === current.origin && target.pathname === current.pathname && target.search === current.search;
};

export const installLinkHandler = (root: Document, openExternal: (url: string) => void): (() => void) => {
  const follow = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest('a[href], area[href]') : null;
    if (!(link instanceof HTMLAnchorElement || link instanceof HTMLAreaElement)) return;
    event.preventDefault();
    if (link.href && !isSamePageFragment(link.href, root.location.href)) openExternal(link.href);
  };
  root.addEventListener('click', follow, true);
  root.addEventListener('auxclick', follow, true);
  return () => {
    root.removeEventListener('click', follow, true);
    root.removeEventListener('auxclick', follow, true);
  };
};
