import Database from 'better-sqlite3';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, channelNames } from '../../shared/ipc/contract';
import { serveBrowserHost, type BrowserHost } from '../../main/hosts/serveBrowserHost';
import { tempDir } from '../support/tempDir';

const TOKEN = 'fuzz-token-0123456789abcdefghij';
let dir: ReturnType<typeof tempDir>;
let host: BrowserHost;

beforeAll(async () => {
  dir = tempDir();
  const staticDir = join(dir.path, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Copydesk</title>');
  host = await serveBrowserHost({ dataDir: join(dir.path, 'data'), port: 0, token: TOKEN, staticDir });
  await host.core.dispatch('stories:create', { headline: 'Existing story' });
  await host.core.dispatch('people:create', { name: 'Fuzz Editor', role: 'editor' });
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const HUGE = 'x'.repeat(1024 * 1024);
const LONE_SURROGATES = ['\uD800', 'a\uDC00b', 'headline \uDBFF'];
const deep = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
};
const deepObject = (depth: number): unknown => {
  let value: unknown = {};
  for (let level = 0; level < depth; level++) value = { content: [value] };
  return value;
};
const WRONG_VALUES: unknown[] = [12345, -1.5, true, null, [], {}, 'x', ['x'], { nested: 1 }];

interface Case {
  channel: string;
  input: unknown;
  kind: string;
}

/** Inputs of every kind for every channel; only those the contract must refuse are kept. */
function generate(): { cases: Case[]; accepted: Case[] } {
  const all: Case[] = [];
  for (const channel of channelNames) {
    const schema = contract[channel].input as z.ZodType;
    const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
    const push = (kind: string, input: unknown) => all.push({ channel, input, kind });
    for (const value of [42, 'text', true, [], [1, 2], deep(3)]) push('wrong type', value);
    push('extra field', { unexpectedField: 1 });
    push('extra field', { constructor: { prototype: { polluted: true } } });
    push('deep JSON', deep(3_000));
    push('deep JSON', deepObject(2_000));
    for (const key of keys) {
      for (const value of WRONG_VALUES) push(`wrong type for ${key}`, { [key]: value });
      push(`huge string in ${key}`, { [key]: HUGE });
      for (const text of LONE_SURROGATES) push(`lone surrogate in ${key}`, { [key]: text });
      push(`deep JSON in ${key}`, { [key]: deep(3_000) });
    }
    if (keys.length > 1) push('missing fields', { [keys[0]!]: undefined });
  }
  const cases: Case[] = [];
  const accepted: Case[] = [];
  for (const item of all) {
    let passes: boolean;
    try {
      passes = (contract[item.channel as keyof typeof contract].input as z.ZodType).safeParse(
        item.input,
      ).success;
    } catch {
      passes = false;
    }
    const loneSurrogate = item.kind.startsWith('lone surrogate');
    const deepJson = item.kind.startsWith('deep JSON');
    // The contract as a whole refuses lone surrogates and absurd nesting, whatever the field's schema says.
    (passes && !loneSurrogate && !deepJson ? accepted : cases).push(item);
  }
  return { cases, accepted };
}

const UNKNOWN_CHANNELS = [
  '',
  'x',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  'stories:create ',
  'STORIES:LIST',
  'stories:list\u0000',
  '../stories:list',
  'stories:list/../app:info',
  'a'.repeat(10_000),
  '\uD800',
  'shell:exec',
];

function snapshot(): { integrity: string; rows: Record<string, number> } {
  const db = new Database(host.core.info.databaseFile, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    const rows = Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
      ]),
    );
    return { integrity: String(db.pragma('integrity_check', { simple: true })), rows };
  } finally {
    db.close();
  }
}

function post(path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${host.web.url}${path}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** JSON text the way a hostile client could write it; lone surrogates stay escapes. */
const jsonText = (value: unknown) => JSON.stringify(value);
/** A channel name in a URL path; a lone surrogate goes as the bytes a hostile client would send. */
const pathOf = (channel: string) => {
  try {
    return `/rpc/${encodeURIComponent(channel)}`;
  } catch {
    return '/rpc/%ED%A0%80';
  }
};

describe('contract fuzzing', () => {
  const { cases, accepted } = generate();

  it('answers every hostile input with a clear 4xx, in process and over HTTP, the store untouched', async () => {
    const before = snapshot();
    const failures: string[] = [];
    let sent = 0;
    for (const item of cases) {
      const inProcess = await host.core.dispatch(item.channel, item.input);
      sent++;
      if (inProcess.ok || !['invalid-input', 'not-found'].includes(inProcess.error.code))
        failures.push(`in process ${item.channel} ${item.kind}: ${JSON.stringify(inProcess).slice(0, 200)}`);
      const reply = await post(pathOf(item.channel), jsonText(item.input));
      sent++;
      const answer = JSON.parse(reply.body) as { ok: boolean; error?: { code: string; message: string } };
      if (reply.status < 400 || reply.status >= 500 || answer.ok || !answer.error?.message)
        failures.push(`http ${item.channel} ${item.kind}: ${reply.status} ${reply.body.slice(0, 200)}`);
    }
    for (const channel of UNKNOWN_CHANNELS) {
      const inProcess = await host.core.dispatch(channel, {});
      const reply = await post(pathOf(channel), '{}');
      sent += 2;
      if (inProcess.ok || inProcess.error.code !== 'not-found')
        failures.push(`unknown ${channel.slice(0, 40)} in process`);
      if (reply.status !== 404) failures.push(`unknown ${channel.slice(0, 40)} over http: ${reply.status}`);
    }
    for (const raw of [
      '{',
      '{"a":1,}',
      '\u0000',
      'nul',
      '"\\ud800"',
      '{"__proto__":{"polluted":true}}',
      '['.repeat(200_000) + ']'.repeat(200_000),
    ]) {
      const reply = await post('/rpc/stories:list', raw);
      sent++;
      if (reply.status < 400 || reply.status >= 500)
        failures.push(`raw body ${raw.slice(0, 20)}: ${reply.status}`);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const after = snapshot();
    console.log(
      `contract fuzz: ${cases.length} hostile inputs over ${channelNames.length} channels, ${UNKNOWN_CHANNELS.length} unknown channels, ` +
        `${sent} requests (in process and HTTP), ${failures.length} not answered with a clear 4xx; ` +
        `${accepted.length} generated inputs the contract accepts (not sent); integrity ${after.integrity}`,
    );
    if (process.env.FUZZ_DEBUG) console.log(failures.join('\n'));
    expect(failures).toEqual([]);
    expect(after).toEqual(before);
    expect((await host.core.dispatch('app:info', {})).ok).toBe(true);
    expect((await post('/rpc/app:info', '{}')).status).toBe(200);
  }, 300_000);

  it('reports the huge strings the contract lets through, for the fields that own them', () => {
    const huge = accepted
      .filter((item) => item.kind.startsWith('huge string'))
      .map((item) => `${item.channel} ${item.kind}`);
    console.log(`contract fuzz: a 1 MiB string is accepted by ${huge.length} fields: ${huge.join('; ')}`);
    expect(cases.length).toBeGreaterThan(300);
  });

  it('never errors on random full-text-search syntax', async () => {
    const pieces = [
      '"',
      '*',
      '(',
      ')',
      ':',
      '^',
      '-',
      '+',
      'AND',
      'OR',
      'NOT',
      'NEAR(',
      'NEAR/2',
      'headline:',
      '{',
      '}',
      "'",
      '\\',
      '%',
      '_',
      'ü',
      '日本',
      '🙂',
      'story',
      'x',
      ' ',
      ' ',
      '\u0000',
      ',',
      ';',
      'MATCH',
      'rank',
      '"*"',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const failures: string[] = [];
    const QUERIES = 300;
    for (let n = 0; n < QUERIES; n++) {
      const length = 1 + Math.floor(next() * 12);
      const search = Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]).join(
        next() < 0.5 ? '' : ' ',
      );
      for (const [channel, input] of [
        ['library:query', { search }],
        ['links:search', { query: search }],
      ] as const) {
        const result = await host.core.dispatch(channel, input);
        if (!result.ok) failures.push(`${channel} ${JSON.stringify(search)}: ${result.error.message}`);
      }
    }
    console.log(
      `fts fuzz: ${QUERIES} random queries on library:query and links:search, ${failures.length} errors`,
    );
    expect(failures).toEqual([]);
  });
});
