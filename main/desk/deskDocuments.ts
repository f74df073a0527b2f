import { Hocuspocus, type Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { isFrozen, type DeskCorrections } from './deskCorrections';
import { DeskAccessError, type DeskPeople, type DeskPerson } from './deskPeople';
import { DeskConflictError, type DeskStoryState, type DeskWorkflow } from './deskWorkflow';
import type { DocumentStore } from './documentStore';

const STORY_DOCUMENT = /^story\/([0-9A-HJKMNP-TV-Z]{26})$/;
export const storyDocumentName = (storyId: string) => `story/${storyId}`;
export const storyIdOfDocument = (name: string) => STORY_DOCUMENT.exec(name)?.[1] ?? null;

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const SYNC = 0;
const SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The Yjs update a client message carries (sync step 2 or update), or null for every other message. */
export function updateInMessage(data: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== SYNC && type !== SYNC_REPLY) return null;
  const syncType = decoding.readVarUint(decoder);
  return syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE ? decoding.readVarUint8Array(decoder) : null;
}

interface DeskContext {
  person: DeskPerson;
  socket: WebSocket;
}

export interface DeskDocumentsOptions {
  people: DeskPeople;
  workflow: DeskWorkflow;
  store: DocumentStore;
  corrections: DeskCorrections;
  extensions?: Extension[];
  log: (message: string) => void;
}

/**
 * Hocuspocus for the story documents: every connection is one person's token and one registered
 * story; an update is stored durably before Hocuspocus applies and acknowledges it.
 */
export function deskDocuments(options: DeskDocumentsOptions) {
  const { people, workflow, store, corrections } = options;
  const socketsOf = new Map<string, Set<WebSocket>>();

  function broadcastWorkflow(hocuspocus: Hocuspocus, state: DeskStoryState) {
    hocuspocus.documents
      .get(storyDocumentName(state.id))
      ?.broadcastStateless(JSON.stringify({ workflow: state }));
  }

  const hocuspocus = new Hocuspocus({
    name: 'copydesk-desk',
    quiet: true,
    // Compaction only: durability comes from appending each update before it is acknowledged.
    debounce: 5_000,
    maxDebounce: 30_000,
    extensions: options.extensions ?? [],
    async onAuthenticate({ token, documentName, context, connectionConfig }) {
      const person = people.authenticate(token);
      if (!person) throw new DeskAccessError('unauthorized', 'Unknown or revoked token.');
      const storyId = storyIdOfDocument(documentName);
      const story = storyId ? workflow.get(storyId) : null;
      if (!story) throw new DeskAccessError('not-found', 'No such story on this desk.');
      connectionConfig.readOnly = isFrozen(story.status);
      const socket = (context as Partial<DeskContext>).socket;
      if (socket) {
        const sockets = socketsOf.get(person.id) ?? new Set();
        sockets.add(socket);
        socketsOf.set(person.id, sockets);
        socket.once('close', () => sockets.delete(socket));
      }
      return { person };
    },
    async onLoadDocument({ document, documentName }) {
      const stored = await store.load(documentName);
      if (stored) Y.applyUpdate(document, stored);
    },
    async beforeHandleMessage({ update: message, connection, document, documentName, context }) {
      const storyId = storyIdOfDocument(documentName)!;
      // Also for a connection opened before the story was published (or after it was restored).
      const frozen = isFrozen(workflow.get(storyId)?.status);
      connection.readOnly = frozen;
      const update = updateInMessage(message);
      if (!update) return;
      const isNew = !Y.snapshotContainsUpdate(Y.snapshot(document), update);
      if (!isNew) return;
      if (frozen) {
        try {
          const person = (context as DeskContext).person;
          const { correctionId, snapshot } = await corrections.divert(storyId, document, update, person);
          // The sender may now go back to the desk's copy of the story: its edits are in the correction.
          connection.sendStateless(
            JSON.stringify({
              correction: {
                storyId,
                correctionId,
                story: toBase64(Y.encodeStateAsUpdate(document)),
                correction: toBase64(snapshot),
              },
            }),
          );
        } catch (error) {
          options.log(`correction of ${storyId} failed: ${String(error)}`);
        }
        return;
      }
      await store.append(documentName, update);
      if (workflow.get(storyId)?.status === 'approved' && workflow.voidApproval(storyId)) {
        broadcastWorkflow(hocuspocus, workflow.get(storyId)!);
      }
    },
    async onStoreDocument({ documentName }) {
      await store.compact(documentName);
    },
  });

  return {
    hocuspocus,
    handleConnection: (socket: WebSocket, request: IncomingMessage) =>
      hocuspocus.handleConnection(socket, request, { socket } satisfies Partial<DeskContext>),
    broadcastWorkflow: (state: DeskStoryState) => broadcastWorkflow(hocuspocus, state),
    /** The live state vector of a story (loaded here or read from the store), recorded at approval. */
    async stateVectorOf(storyId: string): Promise<Uint8Array> {
      const name = storyDocumentName(storyId);
      const live = hocuspocus.documents.get(name);
      if (live) return Y.encodeStateVector(live);
      const stored = await store.load(name);
      return stored ? Y.encodeStateVectorFromUpdate(stored) : Y.encodeStateVector(new Y.Doc());
    },
    /**
     * An edit made on `storyId` by `person` (who saw it published or spiked) into its correction draft, whose id
     * is answered. A story that takes edits again refuses, so the edit goes to the story itself instead.
     */
    async correct(storyId: string, update: Uint8Array, person: DeskPerson): Promise<string> {
      const story = workflow.get(storyId);
      if (!story) throw new DeskAccessError('not-found', 'No such story on this desk.');
      if (!isFrozen(story.status))
        throw new DeskConflictError('This story takes edits again; reload it.', story);
      const direct = await hocuspocus.openDirectConnection(storyDocumentName(storyId), {});
      try {
        return (await corrections.divert(storyId, direct.document!, update, person)).correctionId;
      } finally {
        await direct.disconnect();
      }
    },
    /** Ends every open connection of a removed person at once. */
    disconnect(personId: string) {
      for (const socket of socketsOf.get(personId) ?? []) socket.terminate();
      socketsOf.delete(personId);
    },
  };
}

export type DeskDocuments = ReturnType<typeof deskDocuments>;
