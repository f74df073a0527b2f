import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The few members of the `electron` module that main/index.ts touches, each recording what it was
 * given. Electron's runtime cannot be downloaded here; this is the thinnest stand-in that lets the
 * real main/index.ts run and be looked at.
 */
export function fakeElectron(userData: string, answers: { messageBox?: number } = {}) {
  const exits: number[] = [];
  let relaunched = 0;
  const app = Object.assign(new EventEmitter(), {
    whenReady: () => Promise.resolve(),
    getPath: () => userData,
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: () => true,
    quit: () => undefined,
    exit: (code: number) => void exits.push(code),
    relaunch: () => void relaunched++,
  });

  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    loadedUrls: string[] = [];
    loadedFiles: string[] = [];
    webContents = { send: () => undefined };
    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
      super();
      windows.push(this);
    }
    loadURL(url: string) {
      this.loadedUrls.push(url);
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loadedFiles.push(file);
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = () => undefined;
    focus = () => undefined;
    show = () => undefined;
    static getAllWindows = () => windows;
  }

  const schemes: Electron.CustomScheme[][] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: (list: Electron.CustomScheme[]) => schemes.push(list),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      protocolHandlers.set(scheme, handler),
  };
  // Electron's net.fetch reads file:// URLs; Node's fetch does not.
  const net = {
    fetch: async (url: string) => new Response(readFileSync(fileURLToPath(url))),
  };

  const permissions: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (...args: unknown[]) => boolean;
  } = {};
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof permissions.request) => (permissions.request = handler),
      setPermissionCheckHandler: (handler: typeof permissions.check) => (permissions.check = handler),
    },
  };

  const ipcHandlers = new Map<string, unknown>();
  const errorBoxes: string[][] = [];
  const messageBoxes: Electron.MessageBoxSyncOptions[] = [];
  const opened: string[] = [];
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    protocol,
    net,
    session,
    ipcMain: { handle: (channel: string, handler: unknown) => ipcHandlers.set(channel, handler) },
    dialog: {
      showErrorBox: (...args: string[]) => errorBoxes.push(args),
      showMessageBoxSync: (options: Electron.MessageBoxSyncOptions) => {
        messageBoxes.push(options);
        return answers.messageBox ?? 1;
      },
    },
    shell: {
      openExternal: async (url: string) => void opened.push(url),
      openPath: async () => '',
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(text).reverse(),
      decryptString: (data: Buffer) => Buffer.from(data).reverse().toString(),
    },
  };
  return {
    electron,
    windows,
    schemes,
    protocolHandlers,
    permissions,
    ipcHandlers,
    errorBoxes,
    messageBoxes,
    opened,
    exits,
    relaunches: () => relaunched,
  };
}

export type FakeElectron = ReturnType<typeof fakeElectron>;

/** The few WebContents members our guards use: records the window-open handler, replays navigations. */
export class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits `event` for `url`; true when a guard prevented it. */
  navigate(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}
