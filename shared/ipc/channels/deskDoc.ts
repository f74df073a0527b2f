import { z } from 'zod';
import { StoryId } from '../../domain/story';
import { channel } from '../channel';

/** Base64 of a Yjs update, state vector or awareness update: 16 MiB of text is 12 MiB of update, under the desk's 16 MiB message limit. */
export const MAX_YJS_BASE64 = 16 * 1024 * 1024;

export const YjsBytes = z
  .string()
  .max(MAX_YJS_BASE64, 'The update is too large')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64');

/** One open editor (window or browser tab), so it can ignore the echo of its own updates. */
export const EditorTag = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'Not an editor tag');

const ByStory = { storyId: StoryId, from: EditorTag };

export const DeskDocSyncAnswer = z.object({
  /** What this machine's copy holds beyond the asked state vector. */
  update: YjsBytes,
  /** This machine's state vector: the asker sends what it holds beyond it. */
  stateVector: YjsBytes,
  /** Everyone on the story now (Yjs awareness). */
  awareness: YjsBytes,
  /** Published or spiked on the desk: edits become a correction draft. */
  readOnly: z.boolean(),
});
export type DeskDocSyncAnswer = z.infer<typeof DeskDocSyncAnswer>;

export const deskDocChannels = {
  /** A live editor joins (or catches up with) a desk story's document on this machine: Yjs sync step 1. */
  'desk:docSync': channel(z.object({ ...ByStory, stateVector: YjsBytes }).strict(), DeskDocSyncAnswer),
  /**
   * A live editor's Yjs update to a desk story's body; applied here, sent to the desk, projected onto the story.
   * On a published or spiked story it starts (or continues) a correction draft instead: its id is answered.
   * `awareness` is the editor's caret with it, in the same request.
   */
  'desk:docUpdate': channel(
    z.object({ ...ByStory, update: YjsBytes, awareness: YjsBytes.optional() }).strict(),
    z.object({ correctionId: StoryId.nullable() }),
  ),
  /** A live editor's awareness (name, colour, caret) on a desk story, relayed to the desk. */
  'desk:awareness': channel(z.object({ ...ByStory, update: YjsBytes }).strict(), z.object({})),
};

export const deskDocEvents = {
  /** A desk story's document changed on this machine; `from` is the editor whose update it was, if any. */
  'deskDoc:changed': z.object({ storyId: StoryId, update: YjsBytes, from: EditorTag.nullable() }),
  /** Someone's presence on a desk story changed. */
  'deskPresence:changed': z.object({ storyId: StoryId, update: YjsBytes, from: EditorTag.nullable() }),
};
