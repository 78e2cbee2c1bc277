// The About information inside the window (web mode has no Help menu): version, where the news is
// stored, and the licences of what ships, GeoNames' CC BY 4.0 first among the data.
import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { AppInfo } from '../../../shared/bridge';
import { bridge } from '../bridge';
import { log } from '../log';
import { ModalDialog } from './ModalDialog';

export function AboutPanel({ onClose }: { onClose: () => void }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void bridge.getAppInfo().then((answer) => {
      if (answer.ok) setInfo(answer.value);
      else log.warn('about', 'The app information could not be read');
    });
  }, []);
  return (
    <ModalDialog className="about-panel" titleId="about.title" closeId="about.close" onClose={onClose}>
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
    </ModalDialog>
  );
}
