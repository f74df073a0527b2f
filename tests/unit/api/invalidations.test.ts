import { expect, it } from 'vitest';
import { eventInvalidations, type Known } from '../../../renderer/api/invalidations';

const known = (over: Partial<Known> = {}): Known => ({
  holdsVersion: false,
  savedHere: false,
  linksChanged: true,
  liveHere: false,
  ...over,
});
const storyId = '01J00000000000000000000000';
const changed = (fromDoc?: true) => ({
  id: storyId,
  version: 7,
  change: 'saved' as const,
  ...(fromDoc ? { fromDoc } : {}),
});
const keysOf = (event: ReturnType<typeof changed>, k: Known) =>
  eventInvalidations['stories:changed'](event, k).map(
    ({ key, refetch }) => `${key[0]}${refetch === false ? ' (marked)' : ''}`,
  );

it('a row written from the desk doc this window edits live reloads what the text changes, not the story or its workflow', () => {
  const live = keysOf(changed(true), known({ liveHere: true }));
  expect(live).toContain('stories:get (marked)');
  expect(live).not.toContain('stories:get');
  expect(live).not.toContain('workflow:history');
  expect(live).toEqual(expect.arrayContaining(['library:query', 'publish:preflight', 'links:forStory']));
});

it('the same change reloads the story in a window not editing its doc, and any other save everywhere', () => {
  for (const [event, k] of [
    [changed(true), known()],
    [changed(), known({ liveHere: true })],
  ] as const) {
    const keys = keysOf(event, k);
    expect(keys).toContain('stories:get');
    expect(keys).toContain('workflow:history');
  }
});
