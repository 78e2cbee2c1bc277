// Whether the browser believes it has a network, kept current by the online and offline events.
import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
};

export const useOnlineStatus = (): boolean => useSyncExternalStore(subscribe, () => navigator.onLine);
