import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createCore, type Core } from '../../main/core/createCore';
import type { PublishingPorts } from '../../main/publish/createPublishing';
import type { PublishJob } from '../../shared/domain/publication';
import type { ChannelInput, ChannelOutput, Channel } from '../../shared/ipc/contract';
import { png } from '../support/png';
import { tempDir } from '../support/tempDir';
import { testClock } from '../support/testClock';

/**
 * A real core with a clock the test moves. Its outbox worker only runs when the test calls `runDue()`,
 * unless `startWorker` is set: then it runs on its own, its timers firing as the test moves the clock.
 */
export function publishingCore(start = new Date('2026-03-01T09:00:00Z'), ports: PublishingPorts = {}) {
  const dir = tempDir('copydesk-publish-');
  const clock = testClock(start);
  const open = () =>
    createCore({
      dataDir: dir.path,
      appVersion: '9.9.9-test',
      host: 'test',
      now: clock.now,
      log: () => undefined,
      publishing: { startWorker: false, timers: clock.timers, ...ports },
    });
  let core: Core = open();
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as ChannelOutput<C>;
  };
  return {
    dir: dir.path,
    get core() {
      return core;
    },
    call,
    /** Calls a channel expecting it to fail; resolves with the error. */
    async refuse<C extends Channel>(channel: C, input: ChannelInput<C>) {
      const result = await core.dispatch(channel, input);
      if (result.ok) throw new Error(`${channel} succeeded`);
      return result.error;
    },
    /** Moves the clock on, firing the worker's timers that come due (when it was started). */
    tick(ms: number) {
      clock.advance(ms);
    },
    clock,
    runDue: () => core.publishing.runDue(),
    /** Closes the core and opens a new one on the same data directory, as an app restart does. */
    restart() {
      core.close();
      core = open();
    },
    dispose() {
      core.close();
      dir.remove();
    },
  };
}

export type PublishingCore = ReturnType<typeof publishingCore>;

/** Approval switched off, an editor, and a story in Business ready to publish. */
export async function storyReadyToPublish(kit: PublishingCore) {
  await kit.call('settings:update', { requireApproval: false });
  await kit.call('people:create', { name: 'Eda Editor', role: 'editor' });
  return kit.call('stories:create', {
    headline: 'Harbour fees rise',
    sectionId: 'business',
    body: body('Fees rise in May.'),
  });
}

/** The steps the WordPress and Ghost suites share, on the kit the running test opened. */
export function publishSteps(kit: () => PublishingCore) {
  const jobOf = async (id: string, storyId: string): Promise<PublishJob> =>
    (await kit().call('publish:status', { storyId })).jobs.find((job) => job.id === id)!;
  return {
    jobOf,
    /** A headline no earlier run left on the shared site. */
    unique: (text: string) => `${text} ${randomBytes(3).toString('hex')}`,
    async story(headline: string, extra: Parameters<typeof body>[1] = {}, tags: string[] = []) {
      const created = await kit().call('stories:create', {
        headline,
        standfirst: `What happened: ${headline}`,
        sectionId: 'politics',
        body: body(`The council voted on ${headline}.`, extra),
      });
      if (tags.length) await kit().call('stories:setTags', { id: created.id, tags });
      return created;
    },
    async edit(id: string, changes: Record<string, unknown>) {
      const current = await kit().call('stories:get', { id });
      return kit().call('stories:save', { id, expectedVersion: current.version, changes });
    },
    async publish(
      storyId: string,
      targetId: string,
      extra: { action?: 'publish' | 'schedule' | 'unpublish'; at?: string } = {},
    ) {
      const job = await kit().call('publish:start', { storyId, targetId, ...extra });
      await kit().runDue();
      return jobOf(job.id, storyId);
    },
  };
}

/** A paragraph doc, optionally with a figure and links to other stories. */
export function body(
  text: string,
  extra: { figure?: string; linkTo?: { storyId: string; headline: string } } = {},
) {
  const content: Record<string, unknown>[] = [{ type: 'paragraph', content: [{ type: 'text', text }] }];
  if (extra.linkTo) {
    content.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'As we reported, ' },
        {
          type: 'text',
          text: 'the earlier story',
          marks: [{ type: 'storyLink', attrs: { storyId: extra.linkTo.storyId } }],
        },
        { type: 'text', text: ' said so.' },
      ],
    });
    content.push({
      type: 'alsoRead',
      attrs: { storyId: extra.linkTo.storyId, headline: extra.linkTo.headline },
    });
  }
  if (extra.figure)
    content.push({
      type: 'figure',
      attrs: { src: extra.figure, alt: 'A picture', caption: 'The scene', credit: 'Photo: Desk' },
    });
  return { type: 'doc' as const, content };
}

/** Imports a distinct PNG into the media store and returns its `media/…` src. */
export async function importImage(kit: PublishingCore, seed: number): Promise<string> {
  const ref = await kit.call('media:import', {
    fileName: `image-${seed}.png`,
    mimeType: 'image/png',
    dataBase64: png(8, 6, seed).toString('base64'),
  });
  return ref.src;
}

/**
 * Forward, refuse the connection, forward and drop the answer, 301 to the same path upstream, never
 * answer ('hang'), answer with this HTTP status itself (optionally with headers), or forward and
 * hold the answer back for `slowMs`.
 */
export type ProxyMode =
  | 'forward'
  | 'refuse'
  | 'drop-response'
  | 'redirect'
  | 'hang'
  | number
  | { status: number; headers: Record<string, string> }
  | { slowMs: number };

/**
 * A loopback proxy in front of the real site, so a test can refuse a request or forward it and then
 * drop the response (the site did the work; the app never hears about it).
 */
export async function startProxy(
  upstream: string,
  decide: (req: IncomingMessage) => ProxyMode | Promise<ProxyMode>,
) {
  const target = new URL(upstream);
  const seen: { method: string; url: string; mode: ProxyMode; authorized: boolean }[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const mode = await decide(req);
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        mode,
        authorized: req.headers.authorization !== undefined,
      });
      if (mode === 'refuse') {
        req.socket.destroy();
        return;
      }
      if (mode === 'redirect') {
        req.resume();
        res.writeHead(301, { location: `${target.origin}${req.url ?? '/'}` });
        res.end();
        return;
      }
      if (mode === 'hang') {
        req.resume();
        return;
      }
      if (typeof mode === 'number' || (typeof mode === 'object' && 'status' in mode)) {
        const status = typeof mode === 'number' ? mode : mode.status;
        req.resume();
        res.writeHead(status, {
          'content-type': 'application/json',
          ...(typeof mode === 'number' ? {} : mode.headers),
        });
        res.end(JSON.stringify({ code: 'proxy', message: `Proxy answered ${status}` }));
        return;
      }
      const forwarded = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          if (mode === 'drop-response') {
            answer.resume();
            answer.on('end', () => req.socket.destroy());
            return;
          }
          const pass = () => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          };
          if (typeof mode === 'object' && 'slowMs' in mode) setTimeout(pass, mode.slowMs);
          else pass();
        },
      );
      forwarded.on('error', () => req.socket.destroy());
      req.pipe(forwarded);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
