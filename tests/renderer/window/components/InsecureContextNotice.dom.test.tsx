// Web mode opened over plain http from another computer is not a secure context (no Web Locks): the
// window shows a notice in the interface language saying why and what to do, and does not start the app.
import { render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { intlLocale, messagesFor } from '../../../../shared/i18n/interfaceLanguage';
import { loopbackAddress, SecureContextGate } from '../../../../renderer/window/components/InsecureContextNotice';
const warn = vi.hoisted(() => vi.fn());
vi.mock('../../../../renderer/window/log', () => ({ log: { warn } }));

const setSecureContext = (secure: boolean) => Object.defineProperty(window, 'isSecureContext', { value: secure, configurable: true });
afterEach(() => {
  Reflect.deleteProperty(window, 'isSecureContext');
  warn.mockClear();
});

const renderGate = (language: 'en' | 'es') =>
  render(
    <IntlProvider locale={intlLocale(language)} defaultLocale="en" messages={messagesFor(language)}>
      <SecureContextGate>
        <p>The app</p>
      </SecureContextGate>
    </IntlProvider>,
  );

describe('the start-up on a page that is not a secure context', () => {
  it('shows a notice with the address, why, and what to do, instead of the app', () => {
    setSecureContext(false);
    renderGate('en');
    expect(screen.getByRole('heading', { level: 1, name: 'Field News needs a secure address in a browser' })).toBeTruthy();
    const notice = screen.getByRole('main').textContent;
    expect(notice).toContain(`This page was opened at ${window.location.origin}, over plain http.`);
    expect(notice).toContain('Use the Field News desktop app.');
    expect(notice).toContain(`at ${loopbackAddress(window.location)}.`);
    expect(screen.queryByText('The app')).toBeNull();
    expect(warn).toHaveBeenCalledWith('app', expect.stringContaining('not a secure context'));
  });

  it('says it in Spanish when the interface is in Spanish', () => {
    setSecureContext(false);
    renderGate('es');
    expect(screen.getByRole('heading', { level: 1, name: 'En un navegador, Field News necesita una dirección segura' })).toBeTruthy();
    expect(screen.getByRole('main').textContent).toContain('Use la aplicación de escritorio de Field News.');
  });

  it('starts the app on a secure page (https, 127.0.0.1, localhost, app://)', () => {
    setSecureContext(true);
    renderGate('en');
    expect(screen.getByText('The app')).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('the loopback address the notice offers', () => {
  it('keeps the port and the path the page was opened on', () => {
    expect(loopbackAddress({ port: '5173', pathname: '/' })).toBe('http://127.0.0.1:5173/');
    expect(loopbackAddress({ port: '', pathname: '/field-news/' })).toBe('http://127.0.0.1/field-news/');
  });
});
