import type Database from 'better-sqlite3';
import type { HandlersFor } from '../ipc/dispatch';
import type { backupChannels } from '../../shared/ipc/channels/backups';
import { backupDatabase, listBackups, scheduleRestore, type BackupInfo } from './backups';

export const BACKUP_INTERVAL_MS = 30 * 60_000;

const toBackup = ({ name, createdAt, bytes }: BackupInfo) => ({ name, createdAt, bytes });

/**
 * Backs the open database up every `intervalMs` (and soon after start when the newest backup is
 * older than that), and answers the backups channels.
 */
export function createBackupSchedule(options: {
  db: Database.Database;
  dataDir: string;
  now: () => Date;
  intervalMs?: number;
  log?: ((error: unknown) => void) | undefined;
}) {
  const intervalMs = options.intervalMs ?? BACKUP_INTERVAL_MS;
  let running: Promise<BackupInfo> | null = null;
  let stopped = false;
  const backUp = (): Promise<BackupInfo> =>
    (running ??= backupDatabase(options.db, options.dataDir, { now: options.now() }).finally(
      () => (running = null),
    ));
  const tick = () => {
    if (stopped) return;
    backUp().catch((error: unknown) => {
      if (!stopped) options.log?.(error);
    });
  };
  const newest = listBackups(options.dataDir)[0];
  const due = !newest || options.now().getTime() - Date.parse(newest.createdAt) >= intervalMs;
  const first = due ? setTimeout(tick, Math.min(intervalMs, 10_000)) : undefined;
  const timer = intervalMs > 0 ? setInterval(tick, intervalMs) : undefined;
  first?.unref();
  timer?.unref();

  const handlers: HandlersFor<typeof backupChannels> = {
    'backups:list': () => listBackups(options.dataDir).map(toBackup),
    'backups:create': async () => toBackup(await backUp()),
    'backups:restore': ({ name }) => ({
      backup: toBackup(scheduleRestore(options.dataDir, name)),
      restartRequired: true as const,
    }),
  };

  return {
    handlers,
    /** Stops the timers; a backup under way fails quietly when the database closes. */
    stop(): void {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
