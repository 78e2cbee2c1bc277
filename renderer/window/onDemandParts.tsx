// The window's parts that are not on its first screen, the dialogs and the map, loaded when first shown
// (issue 24: their code is not evaluated before the first rows). index.html preloads their chunks without
// running them (vite.config.ts), so they open without a wait, offline in web mode too.
import { lazy, Suspense, type ComponentProps } from 'react';

const LazyDialogs = lazy(() => import('./AppDialogs').then((module) => ({ default: module.AppDialogs })));
const LazyMap = lazy(() => import('./map/MapView').then((module) => ({ default: module.MapView })));

/** Settings, the shortcuts and About; nothing is drawn for the moment their code takes to run. */
export const AppDialogs = (props: ComponentProps<typeof LazyDialogs>) => (
  <Suspense fallback={null}>
    <LazyDialogs {...props} />
  </Suspense>
);

/** The map in the reader's place. */
export const MapView = (props: ComponentProps<typeof LazyMap>) => (
  <Suspense fallback={null}>
    <LazyMap {...props} />
  </Suspense>
);
