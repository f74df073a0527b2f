import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../main/hosts/contentSecurityPolicy';
import { FakeContents, type FakeElectron } from './fakeElectron';
import type { tempDir } from '../support/tempDir';

// The real main/index.ts, run against a recording stand-in for the `electron` module.
const fake = vi.hoisted(() => ({
  current: null as FakeElectron | null,
  dir: null as ReturnType<typeof tempDir> | null,
}));
vi.mock('electron', async () => {
  const { tempDir: makeTempDir } = await import('../support/tempDir');
  const { fakeElectron: make } = await import('./fakeElectron');
  fake.dir = makeTempDir();
  fake.current = make(fake.dir.path);
  return { default: fake.current.electron, ...fake.current.electron };
});

let electron: FakeElectron;

beforeAll(async () => {
  await import('../../main/index');
  electron = fake.current!;
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1), { timeout: 10_000 });
});
afterAll(() => {
  electron.electron.app.emit('will-quit');
  fake.dir?.remove();
});

describe('main/index.ts wiring', () => {
  it('starts without an error box', () => {
    expect(electron.errorBoxes).toEqual([]);
  });

  it('opens the window with exactly the hardened web preferences', () => {
    const prefs = electron.windows[0]!.options.webPreferences!;
    expect(prefs.preload).toMatch(/preload\.cjs$/);
    // Exact: a new key (enableBlinkFeatures, experimentalFeatures: true, …) fails here.
    expect({ ...prefs, preload: 'x' }).toEqual({
      preload: 'x',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    });
  });

  it('loads the renderer from the app protocol, never from a file', () => {
    const window = electron.windows[0]!;
    expect(window.loadedFiles).toEqual([]);
    expect(window.loadedUrls).toEqual(['copydesk://app/index.html']);
  });

  it('registers the app scheme as standard and secure, without bypassCSP or other privileges', () => {
    expect(electron.schemes).toEqual([
      [{ scheme: 'copydesk', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
    ]);
  });

  it('serves the renderer with the Content-Security-Policy header', async () => {
    const handler = electron.protocolHandlers.get('copydesk')!;
    const page = await handler(new Request('copydesk://app/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<div id="root">');
    expect((await handler(new Request('copydesk://other/index.html'))).status).toBe(404);
    expect((await handler(new Request('copydesk://app/..%2F..%2Fpackage.json'))).status).toBe(404);
  });

  it('denies every permission in the default session', () => {
    const granted: boolean[] = [];
    electron.permissions.request!(null, 'media', (answer) => granted.push(answer));
    electron.permissions.request!(null, 'notifications', (answer) => granted.push(answer));
    expect(granted).toEqual([false, false]);
    expect(electron.permissions.check!(null, 'geolocation', 'copydesk://app', {})).toBe(false);
  });

  it('hardens every web contents the app creates', () => {
    const contents = new FakeContents();
    electron.electron.app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-attach-webview', 'https://x.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'copydesk://app/index.html')).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'https://news.example/' })).toEqual({ action: 'deny' });
    expect(electron.opened).toEqual(['https://evil.example/', 'https://news.example/']);
  });

  it('answers exactly the contract channels over IPC, refusing foreign frames', async () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(Object.keys(contract).sort());
    const call = electron.ipcHandlers.get('app:info') as (event: unknown, input: unknown) => Promise<unknown>;
    expect(await call({ senderFrame: { url: 'copydesk://app/index.html', parent: null } }, {})).toMatchObject(
      {
        ok: true,
        value: { host: 'electron' },
      },
    );
    expect(await call({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
