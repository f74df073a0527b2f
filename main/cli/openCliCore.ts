import { createCore, DATABASE_FILE, type Core } from '../core/createCore';
import { acquireDataLock, DataFolderLockedError } from '../hosts/dataLock';
import { defaultDataDir, resolveDataDir } from '../hosts/dataDir';
import { fileSecretBox } from '../publish/secrets/fileSecretBox';
import { coreCaller, type CallCore } from '../import/coreCaller';
import { CliError } from './cliError';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import packageJson from '../../package.json';

export interface CliCore {
  core: Core;
  call: CallCore;
  dataDir: string;
  close(): void;
}

/** The data folder of `--data`, else COPYDESK_DATA, else the platform's default. */
export const cliDataDir = (flag: string | undefined) => resolveDataDir(flag, defaultDataDir());

/**
 * Opens the core for one command. A command that writes takes the data folder's lock first, so it
 * never writes under a running app; one that only reads may run beside it (SQLite's WAL allows that).
 * A read-only command never creates a store that is not there.
 */
export function openCliCore(
  dataFlag: string | undefined,
  mode: { writes: boolean; command: string },
): CliCore {
  const dataDir = cliDataDir(dataFlag);
  if (!mode.writes && !existsSync(join(dataDir, DATABASE_FILE)))
    throw new CliError(`No Copydesk data in ${dataDir} (give --data DIR or set COPYDESK_DATA).`);
  let release = () => {};
  if (mode.writes) {
    try {
      release = acquireDataLock(dataDir, `copydesk ${mode.command}`);
    } catch (error) {
      if (error instanceof DataFolderLockedError) throw new CliError(error.message);
      throw error;
    }
  }
  let core: Core;
  try {
    core = createCore({
      dataDir,
      appVersion: packageJson.version,
      host: 'web',
      log: () => undefined,
      publishing: { secrets: fileSecretBox(dataDir), startWorker: false },
    });
  } catch (error) {
    release();
    throw new CliError(
      `Cannot open ${join(dataDir, DATABASE_FILE)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    core,
    call: coreCaller(core),
    dataDir,
    close: () => {
      core.close();
      release();
    },
  };
}
