import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames, type Channel } from '../../../shared/ipc/contract';

/**
 * Channels that only the command line calls, by a name it builds or reads from its arguments; the
 * check below cannot see those callers. Keep this list short and say for each which command uses it.
 */
const COMMAND_LINE_CHANNELS: readonly Channel[] = [
  // `copydesk check` reports the schema version and data folder.
  'app:info',
  // `copydesk import` gives imported stories their tags in one call.
  'stories:setTags',
];

const root = join(import.meta.dirname, '../../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Where a channel is named as a string outside tests: anywhere in renderer/, and in main/ anywhere but as
 * the key of a handler map (`'stories:get': (input) => …`), which is the channel's own definition.
 */
function calledChannels(): Set<string> {
  const called = new Set<string>();
  const quoted = /(['"`])([a-z]+:[a-zA-Z]+)\1(\s*:)?/g;
  for (const folder of ['renderer', 'main']) {
    for (const file of sourceFiles(folder)) {
      for (const match of readFileSync(file, 'utf8').matchAll(quoted)) {
        const isKey = match[3] !== undefined;
        if (folder === 'renderer' || !isKey) called.add(match[2]!);
      }
    }
  }
  return called;
}

describe('the contract', () => {
  it('has no channel without a caller in the app (renderer/ or main/), except those the command line uses', () => {
    const called = calledChannels();
    const unused = channelNames.filter((name) => !called.has(name) && !COMMAND_LINE_CHANNELS.includes(name));
    expect(unused, 'channels nothing outside tests calls: remove them or list them').toEqual([]);
  });

  it('lists only real channels as used by the command line', () => {
    expect(COMMAND_LINE_CHANNELS.filter((name) => !channelNames.includes(name))).toEqual([]);
  });
});
