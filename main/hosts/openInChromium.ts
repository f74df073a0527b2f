import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Opens `url` in an app-style window of `$COPYDESK_BROWSER` or the system Chromium when a display is
 * available. Other local users can read a command line: pass a one-time launch address, never the token.
 * Returns what it did, so the caller can say so.
 */
export function openInChromium(url: string, dataDir: string, env = process.env): string {
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return 'No display found: open the address above in a browser.';
  }
  const chromium = env.COPYDESK_BROWSER || CANDIDATES.find((path) => existsSync(path));
  if (!chromium) return 'No Chromium found: open the address above in a browser.';
  const child = spawn(
    chromium,
    [
      `--app=${url}`,
      `--user-data-dir=${join(dataDir, 'chromium-profile')}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    { stdio: 'ignore', detached: true },
  );
  child.on('error', () => undefined);
  child.unref();
  return `Opened in ${chromium}.`;
}
