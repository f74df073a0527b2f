import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The platform's per-user app-data folder for Copydesk when run outside Electron. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Copydesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Copydesk');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'copydesk');
}

/** `--data DIR` wins, then COPYDESK_DATA, then the given fallback. */
export function resolveDataDir(flag: string | undefined, fallback: string, env = process.env): string {
  return resolve(flag || env.COPYDESK_DATA || fallback);
}
