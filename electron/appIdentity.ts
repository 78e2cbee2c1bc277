// Fixes the app's name and data folder before anything reads them, so every version of
// Field News, however it was installed, opens the same stored news.
import { app } from 'electron';
import path from 'node:path';
import { appName } from '../shared/appIdentity';

export const fixAppIdentity = (): string => {
  app.setName(appName);
  const userData = path.join(app.getPath('appData'), appName);
  app.setPath('userData', userData);
  return userData;
};
