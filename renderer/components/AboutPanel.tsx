// The About information inside the window (web mode has no Help menu): version, where the news is
// stored, and the licences of what ships, GeoNames' CC BY 4.0 first among the data.
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { AppInfo } from '../../shared/bridge';
import { bridge } from '../bridge';
import { log } from '../log/log';

export function AboutPanel({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    const shown = dialog.current;
    if (shown && !shown.open) shown.showModal();
    void bridge.getAppInfo().then((answer) => {
      if (answer.ok) setInfo(answer.value);
      else log.warn('about', 'The app information could not be read');
    });
    return () => shown?.close();
  }, []);
  return (
    <dialog ref={dialog} className="about-panel" aria-labelledby="about-title" onClose={onClose}>
      <h2 id="about-title">
        <FormattedMessage id="about.title" />
      </h2>
      {info && (
        <>
          <p>
            <FormattedMessage id="about.version" values={{ version: info.version }} />
          </p>
          <p>
            {info.dataFolder !== null ? (
              <FormattedMessage id="about.dataFolder" values={{ folder: info.dataFolder }} />
            ) : (
              <FormattedMessage id="about.dataFolderWeb" values={{ origin: window.location.origin }} />
            )}
          </p>
        </>
      )}
      <h3>
        <FormattedMessage id="about.licences" />
      </h3>
      <ul>
        <li>
          <FormattedMessage id="about.licenceApp" />
        </li>
        <li>
          <FormattedMessage id="about.licenceGeoNames" />
        </li>
        <li>
          <FormattedMessage id="about.licenceNaturalEarth" />
        </li>
      </ul>
      <button type="button" onClick={() => dialog.current?.close()} autoFocus>
        <FormattedMessage id="about.close" />
      </button>
    </dialog>
  );
}
