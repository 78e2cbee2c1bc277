// Web mode opened over plain http from another computer: the page is not a secure context, so the
// browser withholds Web Locks and the other APIs the sync and the log stand on. Rather than start an
// app that breaks silently, the window says why and what to do.
import { useEffect, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { log } from '../log';

/** The same page on this computer's own address, which browsers count as secure even over http. */
export const loopbackAddress = ({ port, pathname }: Pick<Location, 'port' | 'pathname'>): string =>
  `http://127.0.0.1${port === '' ? '' : `:${port}`}${pathname}`;

export function InsecureContextNotice() {
  const { origin } = window.location;
  useEffect(() => {
    log.warn('app', `Opened at ${origin}, which is not a secure context: the app does not start, a notice says why`);
  }, [origin]);
  return (
    <main className="insecure-context" aria-labelledby="insecure-context-title" style={{ maxWidth: '42rem', margin: '3rem auto', padding: '0 1.5rem', lineHeight: 1.5 }}>
      <h1 id="insecure-context-title">
        <FormattedMessage id="app.insecureTitle" />
      </h1>
      <p>
        <FormattedMessage id="app.insecureExplanation" values={{ origin }} />
      </p>
      <p>
        <FormattedMessage id="app.insecureWhatToDo" />
      </p>
      <ul>
        <li>
          <FormattedMessage id="app.insecureUseDesktopApp" />
        </li>
        <li>
          <FormattedMessage id="app.insecureUseSecureAddress" values={{ localAddress: loopbackAddress(window.location) }} />
        </li>
      </ul>
    </main>
  );
}

/** The app where the page is a secure context (https, 127.0.0.1, localhost, app://); the notice anywhere else. */
export function SecureContextGate({ children }: { children: ReactNode }) {
  return window.isSecureContext ? children : <InsecureContextNotice />;
}
