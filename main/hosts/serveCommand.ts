import { defaultDataDir, resolveDataDir } from './dataDir';
import { openInChromium } from './openInChromium';
import { serveBrowserHost } from './serveBrowserHost';

export interface ServeOptions {
  data?: string | undefined;
  port: number;
  open: boolean;
}

/** `copydesk serve`: the browser host alone, for development, tests and machines without Electron. */
export async function serveCommand(options: ServeOptions): Promise<void> {
  const host = await serveBrowserHost({
    dataDir: resolveDataDir(options.data, defaultDataDir()),
    port: options.port,
    token: process.env.COPYDESK_TOKEN,
  });
  console.log(`Copydesk listening on ${host.web.url}`);
  console.log(`Open Copydesk: ${host.uiUrl}`);
  console.log(`Data: ${host.core.info.databaseFile}`);
  if (options.open) console.log(openInChromium(host.uiUrl, host.core.info.dataDir));

  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
