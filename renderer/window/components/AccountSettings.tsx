// Settings → Accounts: connect a team's aggregator (FreshRSS, Miniflux, any Google Reader API server)
// with its address, user name and API password; see each account's last sync (news, read elsewhere,
// bytes), the changes waiting to be sent, add a feed to it, or disconnect it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { formatStoredMessage } from '../../../shared/i18n/formatMessages';
import type { AccountRecord } from '../../db/fieldNewsDb';
import { addFeedToAccount, connectAccount, disconnectAccount } from '../accounts/accountService';
import { isWebMode } from '../bridge';
import { db } from '../database';
import { timeAgo } from '../sync/syncStatusText';

const kilobytes = (locale: string, bytes: number): string =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: bytes >= 1e6 ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(bytes >= 1e6 ? bytes / 1e6 : bytes / 1e3);

function AccountEntry({ account, nowMs }: { account: AccountRecord; nowMs: number }) {
  const intl = useIntl();
  const [feedAddress, setFeedAddress] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const feedCount = useLiveQuery(() => db.feeds.filter((feed) => feed.account === account.id).count(), [account.id]) ?? 0;
  const waiting = useLiveQuery(() => db.readerChanges.where('accountId').equals(account.id).count(), [account.id]) ?? 0;
  const service = account.service;

  const addFeed = async (event: FormEvent) => {
    event.preventDefault();
    const added = await addFeedToAccount(account.id, feedAddress);
    setMessage(added.ok ? intl.formatMessage({ id: 'accounts.feedAdded' }, { service }) : formatStoredMessage(intl, added.error));
    if (added.ok) setFeedAddress('');
  };
  const disconnect = () => {
    if (window.confirm(intl.formatMessage({ id: 'accounts.disconnectConfirm' }, { service, count: feedCount }))) void disconnectAccount(account.id);
  };
  const last = account.lastSync;
  return (
    <li className="account-entry" data-account-id={account.id}>
      <p>{intl.formatMessage({ id: 'accounts.entry' }, { service, user: account.userName, server: account.serverAddress })}</p>
      <p>
        {account.lastSyncAt === null || last === null
          ? intl.formatMessage({ id: 'accounts.neverSynced' })
          : intl.formatMessage(
              { id: 'accounts.lastSync' },
              { ago: timeAgo(intl, Date.parse(account.lastSyncAt), nowMs), fresh: last.newItems, readElsewhere: last.readElsewhere, bytes: kilobytes(intl.locale, last.bytes) },
            )}
      </p>
      {account.serverAddress.startsWith('http:') && <p className="account-insecure">{intl.formatMessage({ id: 'accounts.insecure' })}</p>}
      {account.lastError !== null && <p role="alert">{formatStoredMessage(intl, account.lastError)}</p>}
      {waiting > 0 && <p>{intl.formatMessage({ id: 'accounts.pending' }, { count: waiting })}</p>}
      <form className="feed-form" onSubmit={(event) => void addFeed(event)}>
        <label>
          {intl.formatMessage({ id: 'accounts.addFeedLabel' }, { service })}
          <input type="url" inputMode="url" value={feedAddress} onChange={(event) => setFeedAddress(event.target.value)} />
        </label>
        <button type="submit">{intl.formatMessage({ id: 'accounts.addFeed' }, { service })}</button>
        <button type="button" onClick={disconnect}>
          {intl.formatMessage({ id: 'accounts.disconnect' }, { service })}
        </button>
      </form>
      {message !== null && <p aria-live="polite">{message}</p>}
    </li>
  );
}

export function AccountSettings({ nowMs }: { nowMs: number }) {
  const intl = useIntl();
  const accounts = useLiveQuery(() => db.accounts.toArray());
  const [serverAddress, setServerAddress] = useState('');
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    try {
      const connected = await connectAccount({ serverAddress, userName, password, remember });
      if (!connected.ok) {
        setMessage(formatStoredMessage(intl, connected.error));
        return;
      }
      // Connected: the form is empty again, for another account (the account is listed above it).
      setServerAddress('');
      setUserName('');
      setPassword('');
      setRemember(false);
      const said = intl.formatMessage({ id: 'accounts.connected' }, { service: connected.value.service, user: connected.value.userName });
      setMessage(isWebMode() && !remember ? `${said} ${intl.formatMessage({ id: 'accounts.sessionOnly' })}` : said);
    } finally {
      setWorking(false);
    }
  };

  return (
    <section className="account-settings" aria-labelledby="account-settings-title">
      <h2 id="account-settings-title">
        <FormattedMessage id="accounts.title" />
      </h2>
      <p>
        <FormattedMessage id="accounts.intro" />
      </p>
      {accounts !== undefined && accounts.length > 0 && (
        <ul>
          {accounts.map((account) => (
            <AccountEntry key={account.id} account={account} nowMs={nowMs} />
          ))}
        </ul>
      )}
      <form className="account-form" onSubmit={(event) => void connect(event)}>
        <label>
          <FormattedMessage id="accounts.serverAddress" />
          <input type="url" inputMode="url" required placeholder={intl.formatMessage({ id: 'accounts.serverPlaceholder' })} value={serverAddress} onChange={(event) => setServerAddress(event.target.value)} />
        </label>
        <label>
          <FormattedMessage id="accounts.userName" />
          <input type="text" required autoComplete="username" value={userName} onChange={(event) => setUserName(event.target.value)} />
        </label>
        <label>
          <FormattedMessage id="accounts.apiPassword" />
          <input type="password" required autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
        {/* The desktop app keeps the password with the system's key store; a browser only if asked. */}
        {isWebMode() && (
          <label>
            <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
            <FormattedMessage id="accounts.remember" />
          </label>
        )}
        <button type="submit" disabled={working}>
          <FormattedMessage id="accounts.connect" />
        </button>
      </form>
      <p className="account-message" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
