// Around the whole app: a render error, or a storage failure nobody caught (a rejected live query,
// a write refused by a full disk), becomes a screen in words with the data folder, "Reload" and
// "Copy diagnostics", instead of a blank window.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { bridge } from '../bridge';
import { isDiskFullError, isStorageError } from '../../db/storageErrors';
import { collectDiagnostics } from '../diagnostics/collectDiagnostics';
import { log } from '../log';
import { formatStoredMessage, intlFor } from '../../../shared/i18n/formatMessages';
import { errorScreenLanguage, errorScreenWords } from './errorScreenWords';

interface ErrorBoundaryProps {
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: unknown;
  failed: boolean;
  dataFolder: string | null;
  diagnostics: { state: 'idle' | 'copied' } | { state: 'shown'; text: string };
}

// The screen's own words come from a small two-language table, not the i18n provider: the screen
// must show when the interface language (its provider, its catalog) is what failed.
const screenLanguage = () => errorScreenLanguage(document.documentElement.lang);
const screenWords = () => errorScreenWords(screenLanguage());

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failed: false, dataFolder: null, diagnostics: { state: 'idle' } };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error, failed: true };
  }

  /** A storage failure outside rendering (an event handler's write, a background query) ends up here. */
  private readonly onUnhandledRejection = (event: PromiseRejectionEvent) => {
    if (!isStorageError(event.reason) || this.state.failed) return;
    log.error('storage', 'A storage failure reached the window', event.reason);
    this.setState({ error: event.reason, failed: true });
  };

  override componentDidMount(): void {
    window.addEventListener('unhandledrejection', this.onUnhandledRejection);
    // Asked once at start, not after a failure: an error in the first render mounts the error screen directly.
    void bridge
      .getAppInfo()
      .then((info) =>
        this.setState({
          dataFolder: info.ok ? (info.value.dataFolder ?? screenWords().dataFolderWeb(window.location.origin)) : formatStoredMessage(intlFor(screenLanguage()), info.error),
        }),
      )
      .catch((error: unknown) => this.setState({ dataFolder: describe(error) }));
  }

  override componentWillUnmount(): void {
    window.removeEventListener('unhandledrejection', this.onUnhandledRejection);
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Component names only (never props or text): which part of the window failed, for support.
    const where = (info.componentStack ?? '').split('\n').map((line) => line.trim()).filter((line) => line !== '').slice(0, 5).join(' < ');
    log.error('ui', `The window could not render${where === '' ? '' : ` (in ${where})`}`, error);
  }

  private readonly copyDiagnostics = async () => {
    let text: string;
    try {
      // The crash's own log line goes out first, so the diagnostics' log lines hold it.
      await log.flush();
      text = await collectDiagnostics();
    } catch (error) {
      text = `Diagnostics could not be collected: ${describe(error)}`;
    }
    text = `${text}\nError shown: ${describe(this.state.error)}`;
    try {
      await navigator.clipboard.writeText(text);
      this.setState({ diagnostics: { state: 'copied' } });
    } catch (error) {
      // The clipboard may be refused (no user permission, an unfocused window): show the text to copy by hand.
      log.warn('ui', 'The clipboard refused the diagnostics; they are shown to copy by hand', error);
      this.setState({ diagnostics: { state: 'shown', text } });
    }
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { error, dataFolder, diagnostics } = this.state;
    const screen = screenWords();
    const explanation = isDiskFullError(error) ? screen.diskFull : isStorageError(error) ? screen.storage : screen.explanation;
    return (
      <main className="error-screen" role="alert" aria-labelledby="error-screen-title" style={{ maxWidth: '42rem', margin: '3rem auto', padding: '0 1.5rem', lineHeight: 1.5 }}>
        <h1 id="error-screen-title">{screen.title}</h1>
        <p>{explanation}</p>
        <p>
          <strong>{screen.dataFolder}</strong> <span className="error-screen-folder">{dataFolder}</span>
        </p>
        <p style={{ display: 'flex', gap: '0.75rem' }}>
          <button type="button" onClick={() => window.location.reload()}>
            {screen.reload}
          </button>
          <button type="button" onClick={() => void this.copyDiagnostics()}>
            {screen.copyDiagnostics}
          </button>
          {diagnostics.state === 'copied' && <span role="status">{screen.copied}</span>}
        </p>
        {diagnostics.state === 'shown' && (
          <>
            <p>{screen.diagnosticsNotCopied}</p>
            <textarea readOnly value={diagnostics.text} rows={12} style={{ width: '100%' }} aria-label={screen.diagnostics} />
          </>
        )}
        <details>
          <summary>{screen.technicalDetails}</summary>
          <pre style={{ whiteSpace: 'pre-wrap' }}>{describe(error)}</pre>
        </details>
      </main>
    );
  }
}
