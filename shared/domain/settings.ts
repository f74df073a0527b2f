import { z } from 'zod';

const fields = {
  /** Publishing needs an approved story; when false, editors may publish drafts directly. */
  requireApproval: z.boolean(),
  /** The publish target stories use unless they name another; null means the built-in static site. */
  defaultTargetId: z.string().nullable(),
};

/** Newsroom-wide settings of this install. Add a field with a default; stored values are merged over them. */
export const Settings = z.object({
  requireApproval: fields.requireApproval.default(true),
  defaultTargetId: fields.defaultTargetId.default(null),
});
export type Settings = z.infer<typeof Settings>;

/** Some settings to change; what is left out keeps its stored value. */
export const SettingsChanges = z.object(fields).partial().strict();

export const defaultSettings = (): Settings => Settings.parse({});
