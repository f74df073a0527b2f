import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { emptyBody, storyFieldsOf, type StoryBody } from '../../../shared/domain/story';
import type { DeskDocSyncAnswer } from '../../../shared/ipc/channels/deskDoc';
import { AppError } from '../../../shared/ipc/errors';
import type { CoreEvents } from '../../core/coreEvents';
import type { StoryService } from '../stories/storyService';
import type { DeskSync } from './deskSync';
import { BODY_FIELD } from './storyDoc';

/** Transaction origin of a live editor's update: which editor sent it, so its echo can be told apart. */
export class FromEditor {
  constructor(readonly tag: string) {}
}

const READ_ONLY = new Set(['published', 'spiked']);

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** Decodes a Yjs update fully before it touches a story's doc, so a malformed one is refused, never half-applied. */
function checkedUpdate(text: string): Uint8Array {
  const update = fromBase64(text);
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new AppError('invalid-input', 'Not a Yjs update.');
  }
  return update;
}

/**
 * Live editors' side of a desk story: the renderer holds its own Y.Doc and awareness, kept in step with this
 * machine's (which alone talks to the desk) over the contract. Edits arriving for a published or spiked story
 * go into a correction draft (a new desk story made from it) rather than into the story.
 */
export function createStoryDocRelay(deps: {
  desk: Pick<DeskSync, 'docOf' | 'awarenessOf' | 'noteEditorEdit' | 'storyState' | 'share' | 'status'>;
  stories: StoryService;
  events: CoreEvents;
  log?: (error: unknown) => void;
}) {
  const { desk, events, stories } = deps;
  const log = deps.log ?? (() => {});
  const followed = new Map<string, () => void>();
  /** Published story → its correction draft here, and the edits made to it so far. */
  const corrections = new Map<string, { id: string; draft: Y.Doc }>();

  const mustDoc = (storyId: string) => {
    const doc = desk.docOf(storyId);
    const awareness = desk.awarenessOf(storyId);
    if (!doc || !awareness) throw new AppError('not-found', 'This story is not on the desk.');
    return { doc, awareness };
  };

  const readOnly = (storyId: string) => READ_ONLY.has(desk.storyState(storyId).status ?? '');

  /** From the first sync on, every change of the doc and of who is on it goes out as an event. */
  function follow(storyId: string, doc: Y.Doc, awareness: Awareness) {
    if (followed.has(storyId)) return;
    const onUpdate = (update: Uint8Array, origin: unknown) =>
      events.emit('deskDoc:changed', {
        storyId,
        update: toBase64(update),
        from: origin instanceof FromEditor ? origin.tag : null,
      });
    const onAwareness = (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) =>
      events.emit('deskPresence:changed', {
        storyId,
        update: toBase64(encodeAwarenessUpdate(awareness, [...added, ...updated, ...removed])),
        from: origin instanceof FromEditor ? origin.tag : null,
      });
    doc.on('update', onUpdate);
    awareness.on('update', onAwareness);
    const stop = () => {
      doc.off('update', onUpdate);
      awareness.off('update', onAwareness);
    };
    doc.once('destroy', () => {
      stop();
      followed.delete(storyId);
    });
    followed.set(storyId, stop);
  }

  async function correct(storyId: string, doc: Y.Doc, update: Uint8Array): Promise<string> {
    let correction = corrections.get(storyId);
    if (!correction) {
      const draft = new Y.Doc();
      Y.applyUpdate(draft, Y.encodeStateAsUpdate(doc));
      const original = stories.get(storyId);
      const created = stories.create({
        ...storyFieldsOf(original),
        headline: `Correction: ${original.headline}`.slice(0, 300),
        slug: '',
      });
      correction = { id: created.id, draft };
      corrections.set(storyId, correction);
    }
    Y.applyUpdate(correction.draft, update);
    const body = yXmlFragmentToProsemirrorJSON(correction.draft.getXmlFragment(BODY_FIELD)) as StoryBody;
    const current = stories.get(correction.id);
    stories.save({
      id: current.id,
      expectedVersion: current.version,
      changes: { body: body ?? emptyBody() },
    });
    if (!desk.storyState(correction.id).onDesk && desk.status().joined)
      await desk.share(correction.id).catch(log); // offline: it stays a local draft until shared
    return correction.id;
  }

  return {
    sync({ storyId, stateVector }: { storyId: string; stateVector: string }): DeskDocSyncAnswer {
      const { doc, awareness } = mustDoc(storyId);
      follow(storyId, doc, awareness);
      let diff: Uint8Array;
      try {
        diff = Y.encodeStateAsUpdate(doc, fromBase64(stateVector));
      } catch {
        throw new AppError('invalid-input', 'Not a Yjs state vector.');
      }
      return {
        update: toBase64(diff),
        stateVector: toBase64(Y.encodeStateVector(doc)),
        awareness: toBase64(encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()])),
        readOnly: readOnly(storyId),
      };
    },

    async update({ storyId, from, update }: { storyId: string; from: string; update: string }) {
      const { doc } = mustDoc(storyId);
      const bytes = checkedUpdate(update);
      if (readOnly(storyId)) return { correctionId: await correct(storyId, doc, bytes) };
      Y.applyUpdate(doc, bytes, new FromEditor(from));
      desk.noteEditorEdit(storyId);
      return { correctionId: null };
    },

    awareness({ storyId, from, update }: { storyId: string; from: string; update: string }) {
      const { awareness } = mustDoc(storyId);
      try {
        applyAwarenessUpdate(awareness, fromBase64(update), new FromEditor(from));
      } catch {
        throw new AppError('invalid-input', 'Not an awareness update.');
      }
      return {};
    },

    close() {
      for (const stop of followed.values()) stop();
      followed.clear();
      for (const { draft } of corrections.values()) draft.destroy();
      corrections.clear();
    },
  };
}

export type StoryDocRelay = ReturnType<typeof createStoryDocRelay>;
