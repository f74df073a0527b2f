import { HocuspocusProvider, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { DeskQueries } from './deskQueries';

/** Transaction origins: updates replayed from the local store, and edits made on this machine. */
export const FROM_STORE = Symbol('desk:from-store');
export const FROM_THIS_MACHINE = Symbol('desk:from-this-machine');

const COMPACT_AFTER = 200;

export interface StoryDocSync {
  storyId: string;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  destroy(): void;
}

/**
 * One story's Y.Doc: replayed from the local SQLite, every later update (local or from the desk)
 * appended there before the provider sends it, and kept in step with the desk through `socket`.
 */
export function openStoryDoc(args: {
  storyId: string;
  queries: DeskQueries;
  socket: HocuspocusProviderWebsocket;
  token: () => string;
  /** A change that did not come from this machine's row (the desk's, or a live editor's), with its origin. */
  onRemoteChange: (origin: unknown) => void;
  onSynced: () => void;
  onStateless: (payload: string) => void;
}): StoryDocSync {
  const { storyId, queries } = args;
  const doc = new Y.Doc();
  const stored = queries.updates(storyId);
  if (stored.length > 0) {
    const merged = Y.mergeUpdates(stored.map((row) => row.data));
    if (stored.length > COMPACT_AFTER) queries.compact(storyId, merged, stored.at(-1)!.seq);
    Y.applyUpdate(doc, merged, FROM_STORE);
  }
  // Registered before the provider's own listener, so an update is stored before it is sent.
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_STORE) return;
    queries.appendUpdate(storyId, update);
    if (origin !== FROM_THIS_MACHINE) args.onRemoteChange(origin);
  });
  const provider = new HocuspocusProvider({
    websocketProvider: args.socket,
    name: `story/${storyId}`,
    document: doc,
    token: args.token,
    onSynced: args.onSynced,
    onStateless: ({ payload }) => args.onStateless(payload),
  });
  provider.attach();
  return {
    storyId,
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
