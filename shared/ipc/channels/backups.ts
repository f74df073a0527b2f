import { z } from 'zod';
import { channel, NoInput } from '../channel';

export const Backup = z.object({
  name: z.string(),
  createdAt: z.string(),
  bytes: z.number(),
});
export type Backup = z.infer<typeof Backup>;

export const BackupByName = z
  .object({
    name: z
      .string()
      .regex(/^copydesk-[\w.-]+\.db$/, 'Name one of the listed backups')
      .max(200),
  })
  .strict();

export const backupChannels = {
  /** The verified backups of the database, newest first. */
  'backups:list': channel(NoInput, z.array(Backup)),
  /** Backs the database up now (SQLite's online backup, verified). */
  'backups:create': channel(NoInput, Backup),
  /** Restores a backup when Copydesk next starts; the current database is kept beside it. */
  'backups:restore': channel(BackupByName, z.object({ backup: Backup, restartRequired: z.literal(true) })),
};
