// The news that ships inside the app, so that a new installation shows something with no network at all.
/** The key under which the bundled sample is stored; it is not a web address, so sync never fetches it. */
export const sampleFeedKey = 'bundled:iom-regional-news-2021';
/** Where the renderer finds the file, relative to its index.html (app:// in Electron, any static server on the web). */
export const sampleFeedPath = 'feeds/iom-regional-news-2021.json';
