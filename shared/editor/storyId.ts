import { StoryId } from '../domain/story';

/** Whether `value` is a story id (a ULID), as stored in story links and also-read blocks. */
export function isStoryId(value: unknown): value is string {
  return StoryId.safeParse(value).success;
}

export function assertStoryId(value: unknown): void {
  if (!isStoryId(value)) throw new RangeError(`Expected a story id (ULID), got ${JSON.stringify(value)}`);
}
