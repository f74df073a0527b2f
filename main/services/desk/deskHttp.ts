import { z } from 'zod';
import { StoryStatus } from '../../../shared/domain/story';
import { DeskPerson } from '../../../shared/ipc/channels/desk';
import { AppError } from '../../../shared/ipc/errors';

export const DeskStoryWire = z.object({
  id: z.string(),
  status: StoryStatus,
  version: z.number().int(),
  note: z.string().nullable(),
  changedAfterApproval: z.boolean(),
  /** Who made the change to this version (absent from a desk older than this field). */
  actedBy: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  correctionId: z.string().nullable().optional(),
});
export type DeskStoryWire = z.infer<typeof DeskStoryWire>;

/** The desk answered with a refusal (4xx): `status` and its `{code, message}`. */
export class DeskRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ErrorBody = z.object({ code: z.string(), message: z.string() });

/** The desk's HTTP API, answers checked with zod; a network failure is `unavailable`, a 4xx a DeskRefusal. */
export function deskHttp(address: string, token: () => string | null, fetchImpl: typeof fetch = fetch) {
  async function call<T>(schema: z.ZodType<T>, path: string, body?: unknown, method?: string): Promise<T> {
    let response: Response;
    try {
      const bearer = token();
      response = await fetchImpl(`${address.replace(/\/$/, '')}${path}`, {
        method: method ?? (body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
        redirect: 'error',
      });
    } catch (error) {
      throw new AppError(
        'unavailable',
        `The desk at ${address} does not answer (${(error as Error).message}).`,
      );
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new AppError('unavailable', `The desk at ${address} answered something that is not JSON.`);
    }
    if (response.status >= 400) {
      const error = ErrorBody.safeParse(json);
      const message = error.success ? error.data.message : `The desk refused (HTTP ${response.status}).`;
      if (response.status >= 500) throw new AppError('unavailable', message);
      throw new DeskRefusal(response.status, error.success ? error.data.code : 'refused', message);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new AppError(
        'unavailable',
        `The desk at ${address} gave an answer this app does not understand.`,
      );
    return parsed.data;
  }
  return {
    join: (code: string, name?: string) =>
      call(z.object({ token: z.string(), person: DeskPerson }), '/api/join', {
        code,
        ...(name ? { name } : {}),
      }),
    people: () => call(z.array(DeskPerson), '/api/people'),
    invite: (name: string, role: string) =>
      call(
        z.object({ code: z.string(), name: z.string(), role: DeskPerson.shape.role }),
        '/api/invitations',
        {
          name,
          role,
        },
      ),
    remove: (personId: string) =>
      call(z.null(), `/api/people/${encodeURIComponent(personId)}`, undefined, 'DELETE'),
    stories: () => call(z.array(DeskStoryWire), '/api/stories'),
    register: (id: string) => call(DeskStoryWire, '/api/stories', { id }),
    transition: (id: string, body: { action: string; baseVersion: number; note?: string }) =>
      call(DeskStoryWire, `/api/stories/${id}/transitions`, body),
    /** Puts an edit made on a published or spiked story into its correction draft; answers the draft's id. */
    correct: (id: string, update: Uint8Array) =>
      call(z.object({ correctionId: z.string() }), `/api/stories/${id}/correction`, {
        update: Buffer.from(update).toString('base64'),
      }),
  };
}

export type DeskHttp = ReturnType<typeof deskHttp>;
