import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { z } from 'zod';
import { Role } from '../../shared/domain/person';
import { StoryId } from '../../shared/domain/story';
import { WorkflowAction } from '../../shared/domain/workflow';
import type { DeskDocuments } from './deskDocuments';
import { DeskAccessError, type DeskPeople, type DeskPerson } from './deskPeople';
import { DeskConflictError, type DeskWorkflow } from './deskWorkflow';

const MAX_BODY = 64 * 1024;

export const JoinInput = z
  .object({ code: z.string().trim().min(1).max(100), name: z.string().trim().max(120).optional() })
  .strict();
export const InviteInput = z.object({ name: z.string().trim().min(1).max(120), role: Role }).strict();
export const RegisterInput = z.object({ id: StoryId }).strict();
export const TransitionInput = z
  .object({
    action: z.union([WorkflowAction, z.literal('publish')]),
    baseVersion: z.number().int().positive(),
    note: z.string().max(4000).optional(),
  })
  .strict();
export const CorrectionInput = z.object({ update: z.string().min(1).max(MAX_BODY) }).strict();

function yjsUpdate(base64: string): Uint8Array {
  const update = new Uint8Array(Buffer.from(base64, 'base64'));
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new HttpError(400, 'invalid-input', 'Not a Yjs update.');
  }
  return update;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const STATUS_OF_ACCESS: Record<DeskAccessError['code'], number> = {
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'invalid-input': 400,
};

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, 'invalid-input', 'The request is too large.');
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid-input', 'The request body is not JSON.');
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, 'invalid-input', z.prettifyError(result.error));
  return result.data;
}

function send(response: ServerResponse, status: number, body?: unknown) {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}

/** The desk's HTTP API beside Hocuspocus: join, people, invitations, story registration and transitions. */
export function deskApi(deps: { people: DeskPeople; workflow: DeskWorkflow; documents: DeskDocuments }) {
  const { people, workflow, documents } = deps;

  function personOf(request: IncomingMessage): DeskPerson {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const person = people.authenticate(token);
    if (!person) throw new HttpError(401, 'unauthorized', 'Unknown or revoked token.');
    return person;
  }
  const editorOf = (request: IncomingMessage) => {
    const person = personOf(request);
    if (person.role !== 'editor') throw new HttpError(403, 'forbidden', 'Only an editor can do this.');
    return person;
  };

  async function route(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://desk');
    const method = request.method ?? 'GET';
    const path = url.pathname;
    if (method === 'GET' && path === '/api/health') return send(response, 200, { ok: true });
    if (method === 'POST' && path === '/api/join') {
      const input = parse(JoinInput, await readJson(request));
      return send(response, 200, people.join(input.code, input.name));
    }
    if (method === 'GET' && path === '/api/me') return send(response, 200, personOf(request));
    if (method === 'GET' && path === '/api/people') {
      personOf(request);
      return send(response, 200, people.list());
    }
    if (method === 'POST' && path === '/api/invitations') {
      const editor = editorOf(request);
      const input = parse(InviteInput, await readJson(request));
      const code = people.invite({ ...input, createdBy: editor.id });
      return send(response, 201, { code, name: input.name, role: input.role });
    }
    const person = /^\/api\/people\/([^/]+)$/.exec(path);
    if (method === 'DELETE' && person) {
      editorOf(request);
      const id = person[1] ?? '';
      people.remove(id);
      documents.disconnect(id);
      return send(response, 204);
    }
    if (method === 'GET' && path === '/api/stories') {
      personOf(request);
      return send(response, 200, workflow.list());
    }
    if (method === 'POST' && path === '/api/stories') {
      const by = personOf(request);
      const input = parse(RegisterInput, await readJson(request));
      return send(response, 201, workflow.register(input.id, by));
    }
    const transition = /^\/api\/stories\/([^/]+)\/transitions$/.exec(path);
    if (method === 'POST' && transition) {
      const by = personOf(request);
      const id = parse(StoryId, transition[1] ?? '');
      const input = parse(TransitionInput, await readJson(request));
      const approvedState = input.action === 'approve' ? await documents.stateVectorOf(id) : undefined;
      const state = workflow.transition({ id, ...input, person: by, approvedState });
      documents.broadcastWorkflow(state);
      return send(response, 200, state);
    }
    const correction = /^\/api\/stories\/([^/]+)\/correction$/.exec(path);
    if (method === 'POST' && correction) {
      const by = personOf(request);
      const id = parse(StoryId, correction[1] ?? '');
      const update = yjsUpdate(parse(CorrectionInput, await readJson(request)).update);
      return send(response, 200, { correctionId: await documents.correct(id, update, by) });
    }
    throw new HttpError(404, 'not-found', 'No such desk endpoint.');
  }

  return async (request: IncomingMessage, response: ServerResponse) => {
    try {
      await route(request, response);
    } catch (error) {
      if (error instanceof HttpError) {
        return send(response, error.status, { code: error.code, message: error.message, ...error.extra });
      }
      if (error instanceof DeskAccessError) {
        return send(response, STATUS_OF_ACCESS[error.code], { code: error.code, message: error.message });
      }
      if (error instanceof DeskConflictError) {
        return send(response, 409, { code: 'conflict', message: error.message, current: error.current });
      }
      send(response, 500, { code: 'internal', message: 'The desk failed to answer.' });
      console.error('desk:', error);
    }
  };
}
