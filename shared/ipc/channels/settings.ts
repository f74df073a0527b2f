import { Settings, SettingsChanges } from '../../domain/settings';
import { channel, NoInput } from '../channel';

export const settingsChannels = {
  /** The install's settings, defaults filled in. */
  'settings:get': channel(NoInput, Settings),
  /** Changes some settings; returns all of them. */
  'settings:update': channel(SettingsChanges, Settings),
};
