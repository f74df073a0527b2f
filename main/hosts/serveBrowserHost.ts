import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createCore, type Core } from '../core/createCore';
import { acquireDataLock } from './dataLock';
import { startWebHost, type WebHost } from './webHost';
import { mediaDirOf } from '../services/media/mediaFiles';
import { fileSecretBox } from '../publish/secrets/fileSecretBox';
import packageJson from '../../package.json';

export interface BrowserHost {
  core: Core;
  web: WebHost;
  token: string;
  /** The UI address, token included in the fragment (never sent over the wire). */
  uiUrl: string;
  close(): Promise<void>;
}

/** Opens the core in `dataDir` and serves it with the built renderer on 127.0.0.1. */
export async function serveBrowserHost(options: {
  dataDir: string;
  port: number;
  token?: string | undefined;
  staticDir?: string;
}): Promise<BrowserHost> {
  const token = options.token || randomBytes(24).toString('base64url');
  const releaseLock = acquireDataLock(options.dataDir, 'the Copydesk browser host');
  let core: Core;
  try {
    core = createCore({
      dataDir: options.dataDir,
      appVersion: packageJson.version,
      host: 'web',
      publishing: { secrets: fileSecretBox(options.dataDir) },
    });
  } catch (error) {
    releaseLock();
    throw error;
  }
  let web: WebHost;
  try {
    web = await startWebHost({
      dispatch: core.dispatch,
      events: core.events,
      token,
      port: options.port,
      staticDir: options.staticDir ?? join(__dirname, '..', 'renderer'),
      mediaDir: mediaDirOf(options.dataDir),
      siteDir: () => core.publishing.siteFolder(),
    });
  } catch (error) {
    core.close();
    releaseLock();
    throw error;
  }
  return {
    core,
    web,
    token,
    uiUrl: `${web.url}/#token=${token}`,
    close: async () => {
      await web.close();
      core.close();
      releaseLock();
    },
  };
}
