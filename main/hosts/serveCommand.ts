import { createInterface } from 'node:readline/promises';
import { damagedDatabaseBackup } from '../db/openDatabase';
import { restoreBackup } from '../db/backups';
import { defaultDataDir, resolveDataDir } from './dataDir';
import { openInChromium } from './openInChromium';
import { serveBrowserHost, type BrowserHost } from './serveBrowserHost';

export interface ServeOptions {
  data?: string | undefined;
  port: number;
  open: boolean;
}

/** A damaged database: asks in the terminal whether to restore the latest good backup; true when it did. */
async function offerBackup(error: unknown, dataDir: string): Promise<boolean> {
  const backup = damagedDatabaseBackup(error);
  if (!backup) return false;
  console.error(`copydesk: ${(error as Error).message}`);
  if (!process.stdin.isTTY) {
    console.error(`copydesk: to restore it, run: copydesk restore ${backup} --data ${dataDir}`);
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await prompt.question(`Restore ${backup} now? The damaged file is kept. [y/N] `);
  prompt.close();
  if (!/^y(es)?$/i.test(answer.trim())) return false;
  restoreBackup(dataDir, backup);
  return true;
}

/** Opens the app in a browser window through a one-time launch address. */
export const openApp = (host: BrowserHost, env = process.env): string =>
  openInChromium(host.web.launchUrl(), host.core.info.dataDir, env);

/** `copydesk serve`: the browser host alone, for development, tests and machines without Electron. */
export async function serveCommand(options: ServeOptions): Promise<void> {
  const dataDir = resolveDataDir(options.data, defaultDataDir());
  const serve = () => serveBrowserHost({ dataDir, port: options.port, token: process.env.COPYDESK_TOKEN });
  const host = await serve().catch(async (error: unknown) => {
    if (!(await offerBackup(error, dataDir))) throw error;
    return serve();
  });
  console.log(`Copydesk listening on ${host.web.url}`);
  console.log(`Open Copydesk: ${host.uiUrl}`);
  console.log(`Data: ${host.core.info.databaseFile}`);
  if (options.open) console.log(openApp(host));

  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
