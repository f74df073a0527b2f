import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcRenderer, Session, WebContents } from 'electron';
import { contract } from '../../shared/ipc/contract';
import { createBridge } from '../../main/preloadBridge';
import { isTrustedFrame, registerIpc } from '../../main/ipc/registerIpc';
import {
  APP_ORIGIN,
  denyAllPermissions,
  hardenWebContents,
  isSafeExternalUrl,
  secureWebPreferences,
} from '../../main/security';
import { mainWindowOptions } from '../../main/window';
import { CONTENT_SECURITY_POLICY } from '../../main/hosts/contentSecurityPolicy';
import { NO_KEYRING_MESSAGE, safeStorageSecretBox } from '../../main/publish/secrets/safeStorageSecretBox';
import { AppError } from '../../shared/ipc/errors';
import { createCore } from '../../main/core/createCore';
import { tempDir } from '../support/tempDir';
import { FakeContents } from './fakeElectron';

function hardened() {
  const contents = new FakeContents();
  const openExternal = vi.fn(async () => undefined);
  hardenWebContents(contents as unknown as WebContents, openExternal);
  return { contents, openExternal };
}

describe('window settings', () => {
  it('follow the Electron security checklist', () => {
    const options = mainWindowOptions('/app/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(secureWebPreferences('x').spellcheck).toBe(true);
  });

  it('use a strict Content-Security-Policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });
});

describe('navigation guards', () => {
  it('keep navigation inside the app', () => {
    const { contents, openExternal } = hardened();
    expect(contents.navigate('will-navigate', `${APP_ORIGIN}/index.html`)).toBe(false);
    expect(contents.navigate('will-navigate', 'https://news.example/story')).toBe(true);
    expect(contents.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-attach-webview', 'https://x.example')).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://news.example/story']]);
  });

  it('deny every window.open, sending only http(s) links to the system browser', () => {
    const { contents, openExternal } = hardened();
    for (const url of [
      'https://example.com/a',
      'http://example.com/b',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
    ]) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://example.com/a'], ['http://example.com/b']]);
  });

  it('treat only http and https as external links', () => {
    expect(['https://a.b', 'http://a.b'].every(isSafeExternalUrl)).toBe(true);
    expect(
      ['javascript:alert(1)', 'file:///x', 'data:text/html,x', 'not a url', 'copydesk://app/x'].some(
        isSafeExternalUrl,
      ),
    ).toBe(false);
  });

  it('grant no permissions', () => {
    let requestHandler: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | null = null;
    let checkHandler: (() => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
    };
    denyAllPermissions(session as unknown as Session);
    const granted = vi.fn();
    requestHandler!(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(checkHandler!()).toBe(false);
  });
});

describe('IPC registration', () => {
  function registered() {
    const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
    const ipcMain = {
      handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) =>
        handlers.set(channel, handler),
    };
    const dispatch = vi.fn(async (channel: string, input: unknown) => ({
      ok: true as const,
      value: { channel, input },
    }));
    registerIpc(ipcMain as unknown as IpcMain, dispatch);
    return { handlers, dispatch };
  }

  it('registers exactly the contract channels', () => {
    expect([...registered().handlers.keys()].sort()).toEqual(Object.keys(contract).sort());
  });

  it('dispatches calls from the app frame and refuses any other frame', async () => {
    const { handlers, dispatch } = registered();
    const call = handlers.get('app:info')!;
    const appFrame = { url: `${APP_ORIGIN}/index.html`, parent: null };
    expect(await call({ senderFrame: appFrame }, {})).toEqual({
      ok: true,
      value: { channel: 'app:info', input: {} },
    });
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: `${APP_ORIGIN}/index.html`, parent: appFrame },
      null,
    ]) {
      expect(await call({ senderFrame }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('trusts only the top-level app page', () => {
    expect(isTrustedFrame({ url: 'copydesk://app/index.html', parent: null })).toBe(true);
    expect(isTrustedFrame({ url: 'copydesk://app.evil/index.html', parent: null })).toBe(false);
    expect(isTrustedFrame(undefined)).toBe(false);
  });
});

describe('preload bridge', () => {
  function bridge() {
    const ipc = new EventEmitter();
    const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
    const ipcRenderer = { invoke, on: ipc.on.bind(ipc), removeListener: ipc.removeListener.bind(ipc) };
    return { ipc, invoke, api: createBridge(ipcRenderer as unknown as IpcRenderer) };
  }

  it('forwards contract channels and refuses others without touching IPC', async () => {
    const { invoke, api } = bridge();
    expect(await api.invoke('app:info', {})).toEqual({ ok: true, value: 1 });
    expect(await api.invoke('shell:exec', { cmd: 'rm -rf /' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(invoke.mock.calls).toEqual([['app:info', {}]]);
  });

  it('subscribes only to contract events, hiding the IPC event object', () => {
    const { ipc, api } = bridge();
    const seen: unknown[] = [];
    const off = api.on('stories:changed', (payload) => seen.push(payload));
    ipc.emit('stories:changed', { sender: 'secret' }, { id: 'x' });
    off();
    ipc.emit('stories:changed', {}, { id: 'y' });
    expect(seen).toEqual([{ id: 'x' }]);
    expect(() => api.on('app:quit', () => undefined)).toThrow(/Unknown event/);
  });
});

describe('safeStorage secrets', () => {
  function storage(backend: string) {
    const encryptString = vi.fn((text: string) => Buffer.from(text).reverse());
    return {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => backend,
      encryptString,
      decryptString: (data: Buffer) => Buffer.from(data).reverse().toString(),
    };
  }

  it('refuse to store a password under Linux’s hard-coded basic_text key', () => {
    const safeStorage = storage('basic_text');
    const box = safeStorageSecretBox(safeStorage, 'linux');
    expect(() => box.seal('app password')).toThrow(AppError);
    expect(() => box.seal('app password')).toThrow(/No system keyring/);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
  });

  it('seal and open with a real keyring', () => {
    const box = safeStorageSecretBox(storage('gnome_libsecret'), 'linux');
    const sealed = box.seal('app password');
    expect(sealed).toMatch(/^ss:/);
    expect(box.open(sealed)).toBe('app password');
  });

  it('save no WordPress target when the keyring is missing, with a clear unavailable error', async () => {
    const dir = tempDir();
    const core = createCore({
      dataDir: dir.path,
      appVersion: 'test',
      host: 'test',
      publishing: { secrets: safeStorageSecretBox(storage('basic_text'), 'linux') },
    });
    try {
      const result = await core.dispatch('targets:save', {
        kind: 'wordpress',
        url: 'https://news.example',
        userName: 'ana',
        password: 'abcd efgh ijkl',
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: NO_KEYRING_MESSAGE },
      });
      const list = await core.dispatch('targets:list', {});
      expect(list.ok && (list.value as { kind: string }[]).map((target) => target.kind)).toEqual(['static']);
    } finally {
      core.close();
      dir.remove();
    }
  });
});
