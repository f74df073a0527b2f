import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DeskDocSyncAnswer } from '../../../shared/ipc/channels/deskDoc';
import { AppError } from '../../../shared/ipc/errors';
import type { CoreEvents } from '../../core/coreEvents';
import type { DeskSync } from './deskSync';

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
 * go into its correction draft (deskSync.correct) rather than into the story.
 */
export function createStoryDocRelay(deps: {
  desk: Pick<DeskSync, 'docOf' | 'awarenessOf' | 'noteEditorEdit' | 'storyState' | 'correct'>;
  events: CoreEvents;
}) {
  const { desk, events } = deps;
  const followed = new Map<string, () => void>();

  const mustDoc = (storyId: string) => {
    const doc = desk.docOf(storyId);
    const awareness = desk.awarenessOf(storyId);
    if (!doc || !awareness) throw new AppError('not-found', 'This story is not on the desk.');
    return { doc, awareness };
  };

  function applyAwareness(storyId: string, from: string, update: string) {
    const { awareness } = mustDoc(storyId);
    try {
      applyAwarenessUpdate(awareness, fromBase64(update), new FromEditor(from));
    } catch {
      throw new AppError('invalid-input', 'Not an awareness update.');
    }
  }

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

    async update(input: { storyId: string; from: string; update: string; awareness?: string }) {
      const { storyId, from } = input;
      const { doc } = mustDoc(storyId);
      const bytes = checkedUpdate(input.update);
      let correctionId: string | null = null;
      if (readOnly(storyId)) correctionId = await desk.correct(storyId, bytes, new FromEditor(from));
      else {
        Y.applyUpdate(doc, bytes, new FromEditor(from));
        desk.noteEditorEdit(storyId);
      }
      // After the edit, so that the caret it carries is never ahead of the text.
      if (input.awareness !== undefined) applyAwareness(storyId, from, input.awareness);
      return { correctionId };
    },

    awareness({ storyId, from, update }: { storyId: string; from: string; update: string }) {
      applyAwareness(storyId, from, update);
      return {};
    },

    close() {
      for (const stop of followed.values()) stop();
      followed.clear();
    },
  };
}

export type StoryDocRelay = ReturnType<typeof createStoryDocRelay>;
