// The OPML worker's entry, started by the window for one import (window/feeds/opmlReader.ts) and
// ended when it answers or runs out of time: a hostile file costs this thread, never the window's.
import { workerScope } from '../../threads/workerScope';
import { installWorkerErrorLog, workerLog } from '../../log/workerLog';
import { serveOpmlCalls } from './serveOpmlCalls';

installWorkerErrorLog('opml');
serveOpmlCalls(workerScope, (name, thrown) => workerLog.error('opml', `${name} threw`, thrown));
