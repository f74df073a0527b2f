import { Settings } from '../../../shared/domain/settings';
import type { settingsChannels } from '../../../shared/ipc/channels/settings';
import type { settingsQueries } from '../../db/queries/settingsQueries';
import type { HandlersFor } from '../../ipc/dispatch';
import type { RequireEditor } from '../people/requireEditor';

/** Settings stored as one row per key; unknown or invalid stored keys fall back to their defaults. */
export function createSettingsService(queries: ReturnType<typeof settingsQueries>) {
  const get = (): Settings => {
    const stored = queries.all();
    const defaults = Settings.parse({});
    const valid = Object.fromEntries(
      Object.entries(stored).filter(
        ([key, value]) => Settings.shape[key as keyof Settings]?.safeParse(value).success,
      ),
    );
    return { ...defaults, ...valid };
  };
  return {
    get,
    update(changes: Partial<Settings>): Settings {
      queries.set(changes);
      return get();
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;

export const settingsHandlers = (
  settings: SettingsService,
  requireEditor: RequireEditor,
): HandlersFor<typeof settingsChannels> => ({
  'settings:get': () => settings.get(),
  'settings:update': (changes) => {
    requireEditor('the newsroom settings');
    return settings.update(changes);
  },
});
