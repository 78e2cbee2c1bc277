// An installed web app asks the browser to keep its news under storage pressure (a phone short of
// space clears the data of sites first, not of installed apps that asked). Settings → Storage says
// whether the browser granted it.
import { log } from '../log';
import { askPersistentStorage } from '../reader/storageStatus';

/** Whether the app runs installed (its own window, from the home screen or the app list). */
export const runsInstalled = (): boolean =>
  window.matchMedia('(display-mode: standalone)').matches || (navigator as Navigator & { standalone?: boolean }).standalone === true;

export const keepNewsWhenInstalled = (): void => {
  const ask = () =>
    void askPersistentStorage(navigator.storage).then((granted) =>
      log.info('storage', granted ? 'The browser keeps the news (persistent storage granted)' : 'The browser did not grant persistent storage'),
    );
  if (runsInstalled()) ask();
  window.addEventListener('appinstalled', ask);
};
