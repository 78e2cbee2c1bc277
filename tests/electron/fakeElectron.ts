// A stand-in for the `electron` module, recording what the main process asks of it.
// Main-process tests mock `electron` with this; the code under test is real.
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { fakeNetRequest } from './fakeNetRequest';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcHandlers = new Map<string, Handler>();
/** One-way messages the main process listens to (ipcMain.on), by channel. */
export const ipcListeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();

/** Electron's MessagePortMain over a real Node MessagePort: 'message' events carry `{ data, ports }`. */
export class FakeMessagePortMain extends EventEmitter {
  constructor(readonly port: MessagePort) {
    super();
    port.addEventListener('message', (event: MessageEvent) => this.emit('message', { data: event.data as unknown, ports: [] }));
  }
  postMessage(message: unknown) {
    this.port.postMessage(message);
  }
  start() {
    this.port.start();
  }
  close() {
    this.port.close();
  }
}

export class FakeMessageChannelMain {
  readonly port1: FakeMessagePortMain;
  readonly port2: FakeMessagePortMain;
  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port1 = new FakeMessagePortMain(port1);
    this.port2 = new FakeMessagePortMain(port2);
  }
}
export const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();

export class FakeWebContents extends EventEmitter {
  readonly send = vi.fn();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  static getAllWindows = () => FakeBrowserWindow.created;
  static fromWebContents = (contents: unknown) => FakeBrowserWindow.created.find((window) => window.webContents === contents) ?? null;
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  maximized = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
    // As real Electron does: every web contents, a window's own included, is announced to the app.
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 900, height: 700 };
  }
  show() {}
  minimized = false;
  focused = false;
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  focus() {
    this.focused = true;
  }
}

/** The app's events ('ready' work, 'second-instance', 'web-contents-created', …), for tests to emit. */
export const appEvents = new EventEmitter();
export const powerMonitor = new EventEmitter();
export const permissionHandlers: { request: ((...args: unknown[]) => void) | null; check: ((...args: unknown[]) => boolean) | null } = {
  request: null,
  check: null,
};

export const fakeElectron = {
  app: {
    name: 'electron',
    paths: new Map<string, string>([['appData', '/home/officer/.config']]),
    getVersion: vi.fn(() => '1.2.3'),
    getPreferredSystemLanguages: vi.fn(() => ['es-MX', 'en-US']),
    getPath(name: string) {
      return this.paths.get(name) ?? `/fake/${name}`;
    },
    setPath(name: string, value: string) {
      this.paths.set(name, value);
    },
    setName(name: string) {
      this.name = name;
    },
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    on(event: string, listener: (...args: unknown[]) => void) {
      appEvents.on(event, listener);
      return this;
    },
  },
  powerMonitor,
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (permissionHandlers.request = handler),
      setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (permissionHandlers.check = handler),
      // No proxy: the app's downloads go direct, through the checked lookup.
      resolveProxy: vi.fn(() => Promise.resolve('DIRECT')),
    },
  },
  ipcMain: {
    handle: vi.fn((channel: string, handler: Handler) => {
      ipcHandlers.set(channel, handler);
    }),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      ipcListeners.set(channel, listener);
    }),
  },
  MessageChannelMain: FakeMessageChannelMain,
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  // net.request over Node's http client (fakeNetRequest.ts): main's downloads go over real HTTP.
  net: { request: vi.fn(fakeNetRequest) },
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      protocolHandlers.set(scheme, handler);
    }),
  },
  screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) },
  BrowserWindow: FakeBrowserWindow,
  Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
  dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })), showMessageBoxSync: vi.fn(() => 0) },
};

/** An IPC event as Electron would deliver it from a frame at `url`. */
export const ipcEventFrom = (url: string | null, options: { subframe?: boolean } = {}) => ({
  senderFrame: url === null ? null : { url, parent: options.subframe ? {} : null },
  sender: Object.assign(new FakeWebContents(), { postMessage: vi.fn() }),
});

/** A navigation event that records whether it was prevented. */
export const navigationEvent = (url: string) => {
  const event = { url, prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
};

/**
 * Gives the fake app a fresh data folder whose list of feeds allowed inside the network holds
 * `feeds`, as the person's "Allow" would have left it: call before the first download of a test file.
 */
export const allowInsideNetwork = (...feeds: string[]): string => {
  const folder = mkdtempSync(path.join(tmpdir(), 'field-news-data-'));
  fakeElectron.app.setPath('userData', folder);
  writeFileSync(path.join(folder, 'feeds-inside-network.json'), JSON.stringify({ version: 1, feeds }));
  return folder;
};
