// The app's fixed identity. A later version must find the same name, origin and database,
// or it would open an empty profile and the field officer's saved news would seem lost.
export const appName = 'Field News';
export const appId = 'org.fieldnews.app';
/** The custom scheme and host the renderer loads from in Electron: its origin keys IndexedDB. */
export const appScheme = 'app';
export const appHost = 'field-news';
export const appOrigin = `${appScheme}://${appHost}`;
export const databaseName = 'field-news';
