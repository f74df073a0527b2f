import { z } from 'zod';
import { channel, NoInput } from '../channel';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
  host: z.enum(['electron', 'web', 'test']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appChannels = {
  /** Version, data directory and schema version of the running core. */
  'app:info': channel(NoInput, AppInfo),
};
