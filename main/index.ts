import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, type Core } from './core/createCore';
import { mediaDirOf } from './services/media/mediaFiles';
import { acquireDataLock } from './hosts/dataLock';
import { resolveDataDir } from './hosts/dataDir';
import { forwardEvents, registerIpc } from './ipc/registerIpc';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { createMainWindow } from './window';
import { safeStorageSecretBox } from './publish/secrets/safeStorageSecretBox';
import { damagedDatabaseBackup } from './db/openDatabase';
import { restoreBackup } from './db/backups';

registerAppScheme(protocol);
app.on('web-contents-created', (_event, contents) =>
  hardenWebContents(contents, (url) => shell.openExternal(url)),
);

let core: Core | null = null;

function dataDirOf(): string {
  const { values } = parseArgs({
    args: process.argv.slice(1),
    options: { data: { type: 'string' } },
    strict: false,
  });
  return resolveDataDir(typeof values.data === 'string' ? values.data : undefined, app.getPath('userData'));
}
let mainWindow: BrowserWindow | null = null;

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(BrowserWindow, join(__dirname, 'preload.cjs'));
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function ready(): Promise<void> {
  await app.whenReady();
  const dataDir = dataDirOf();
  // The command line refuses to write to a folder an app holds (and the app to open one it writes to).
  acquireDataLock(dataDir, 'the Copydesk app');
  core = createCore({
    dataDir,
    appVersion: app.getVersion(),
    host: 'electron',
    publishing: {
      secrets: safeStorageSecretBox(safeStorage),
      openSite: async (folder) => {
        const failure = await shell.openPath(join(folder, 'index.html'));
        if (failure) throw new Error(failure);
      },
    },
  });
  serveRenderer(protocol, net, join(__dirname, '..', 'renderer'), mediaDirOf(core.info.dataDir));
  denyAllPermissions(session.defaultSession);
  registerIpc(ipcMain, core.dispatch);
  forwardEvents(core.events, (name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(name, payload);
  });
  showMainWindow();
  app.on('activate', showMainWindow);
}

/** A damaged database: offers the latest good backup, restores it and starts again. True when it did. */
function offerBackup(error: unknown): boolean {
  const backup = damagedDatabaseBackup(error);
  if (!backup) return false;
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: 'Copydesk',
    message: 'The Copydesk database is damaged',
    detail: `${(error as Error).message}\n\nThe damaged file is kept beside the restored one.`,
    buttons: [`Restore ${backup}`, 'Quit'],
    defaultId: 0,
    cancelId: 1,
  });
  if (choice !== 0) return false;
  restoreBackup(dataDirOf(), backup);
  app.relaunch();
  app.exit(0);
  return true;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => core?.close());
  ready().catch((error: unknown) => {
    console.error(error);
    if (offerBackup(error)) return;
    // Without a window the app would just vanish: say why (a database from a newer Copydesk, a full disk…).
    dialog.showErrorBox('Copydesk cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
