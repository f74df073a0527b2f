import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { damagedDatabaseBackup } from '../db/openDatabase';
import { restoreBackup } from '../db/backups';
import { defaultDataDir, resolveDataDir } from './dataDir';
import { openInChromium } from './openInChromium';
import { serveBrowserHost, type BrowserHost } from './serveBrowserHost';

const USAGE = `Usage: copydesk serve [--data DIR] [--port N] [--no-open]

  --data DIR   where copydesk.db lives (default: $COPYDESK_DATA, else ${defaultDataDir()})
  --port N     port on 127.0.0.1 (default: 0, a free port)
  --no-open    do not open a Chromium window
  COPYDESK_TOKEN fixes the access token, at least 24 characters (default: a random one per start)`;

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
export async function serveCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '0' },
      'no-open': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || (positionals[0] ?? 'serve') !== 'serve') {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got ${values.port}`);

  const dataDir = resolveDataDir(values.data, defaultDataDir());
  const serve = () => serveBrowserHost({ dataDir, port, token: process.env.COPYDESK_TOKEN });
  const host = await serve().catch(async (error: unknown) => {
    if (!(await offerBackup(error, dataDir))) throw error;
    return serve();
  });
  console.log(`Copydesk listening on ${host.web.url}`);
  console.log(`Open Copydesk: ${host.uiUrl}`);
  console.log(`Data: ${host.core.info.databaseFile}`);
  if (!values['no-open']) console.log(openApp(host));

  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
