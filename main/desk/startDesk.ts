import { Redis } from '@hocuspocus/extension-redis';
import type { Extension, Hocuspocus } from '@hocuspocus/server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { deskApi } from './deskApi';
import { openDeskDatabase } from './deskDatabase';
import { deskCorrections } from './deskCorrections';
import { deskDocuments } from './deskDocuments';
import { deskPeople } from './deskPeople';
import { deskWorkflow } from './deskWorkflow';
import { sqliteDocumentStore, type DocumentStore } from './documentStore';
import { postgresDocumentStore } from './postgresDocumentStore';

export interface DeskOptions {
  dataDir: string;
  port: number;
  host?: string;
  /** `redis://host:port`: several desk processes serve one newsroom through it. */
  redis?: string;
  /** `postgres://…`: the documents live in PostgreSQL instead of the desk's SQLite file. */
  postgres?: string;
  log?: (message: string) => void;
}

export interface RunningDesk {
  url: string;
  port: number;
  /** The first editor's invitation, on a desk's very first start only. */
  firstInvitation: string | null;
  close(): Promise<void>;
}

function redisExtension(url: string): Extension {
  const parsed = new URL(url);
  return new Redis({ host: parsed.hostname, port: Number(parsed.port || 6379), prefix: 'copydesk-desk' });
}

/** Documents unload (and compact) once their last connection closes; wait for that, at most two seconds. */
async function documentsUnloaded(hocuspocus: Hocuspocus) {
  for (let waited = 0; hocuspocus.getDocumentsCount() > 0 && waited < 2000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts a desk: Hocuspocus for the documents and the HTTP API on one port. */
export async function startDesk(options: DeskOptions): Promise<RunningDesk> {
  const log = options.log ?? (() => {});
  const db = openDeskDatabase(options.dataDir);
  const people = deskPeople(db);
  const workflow = deskWorkflow(db);
  const store: DocumentStore = options.postgres
    ? await postgresDocumentStore(options.postgres)
    : sqliteDocumentStore(db);
  const corrections = deskCorrections({ db, workflow, store, hocuspocus: () => documents.hocuspocus });
  const documents = deskDocuments({
    people,
    workflow,
    store,
    corrections,
    extensions: options.redis ? [redisExtension(options.redis)] : [],
    log,
  });
  const api = deskApi({ people, workflow, documents });
  const server = createServer((request, response) => void api(request, response));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://desk').pathname !== '/ws') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => documents.handleConnection(ws, request));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    firstInvitation: people.firstInvitation(),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const ws of sockets.clients) ws.terminate();
      await closed;
      await documentsUnloaded(documents.hocuspocus);
      await documents.hocuspocus.hooks('onDestroy', { instance: documents.hocuspocus });
      await store.close();
      db.close();
    },
  };
}
