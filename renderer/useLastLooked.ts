// When the user last looked at the news: items first seen after that are marked new. The time is
// read once at start-up and written whenever the window is hidden or closed.
import { useEffect, useState } from 'react';
import { newsRepository } from './database';

const lastLookedSetting = 'lastLookedAt';

export const useLastLooked = (): string | null => {
  const [lastLooked, setLastLooked] = useState<string | null>(null);
  useEffect(() => {
    void newsRepository.readSetting(lastLookedSetting).then((value) => setLastLooked(value ?? new Date().toISOString()));
    const remember = () => void newsRepository.writeSetting(lastLookedSetting, new Date().toISOString());
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') remember();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', remember);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', remember);
    };
  }, []);
  return lastLooked;
};
