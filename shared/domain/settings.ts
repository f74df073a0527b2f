import { z } from 'zod';

/** Newsroom-wide settings of this install. Add a field with a default; stored values are merged over them. */
export const Settings = z.object({
  /** Publishing needs an approved story; when false, editors may publish drafts directly. */
  requireApproval: z.boolean().default(true),
  /** The publish target stories use unless they name another; null means the built-in static site. */
  defaultTargetId: z.string().nullable().default(null),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (): Settings => Settings.parse({});
