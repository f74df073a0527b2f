import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN, secureWebPreferences } from './security';

/** The options of the main window, kept apart so tests can check them without Electron. */
export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Copydesk',
    backgroundColor: '#f6f5f1',
    webPreferences: secureWebPreferences(preload),
  };
}

export function createMainWindow(
  BrowserWindowClass: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  preload: string,
): BrowserWindow {
  const window = new BrowserWindowClass(mainWindowOptions(preload));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
