import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/createCore';
import type { Story } from '../../shared/domain/story';
import { png } from '../support/png';
import { FIXTURES, runCli, useCliScratch } from './cliRunner';

const newDir = useCliScratch();

/** A store with what a newsroom accumulates: tags, story links, also-read, comments, revisions, workflow, an image. */
async function newsroomStore(): Promise<string> {
  const data = newDir();
  const core = createCore({
    dataDir: data,
    appVersion: 'test',
    host: 'test',
    log: () => undefined,
    publishing: { startWorker: false },
  });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  try {
    await call('people:create', { name: 'Mina Park', role: 'editor' });
    const image = await call<{ src: string }>('media:import', {
      fileName: 'harbour.png',
      dataBase64: png(4, 3).toString('base64'),
    });
    const first = await call<Story>('stories:create', {
      headline: 'Harbour bridge reopens',
      standfirst: 'After two years of repairs.',
      sectionId: 'world',
      featuredImage: image.src,
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The bridge reopened today.' }] }],
      },
    });
    await call('stories:setTags', { id: first.id, tags: ['Transport', 'Busan'] });
    await call('comments:create', { storyId: first.id, text: 'Check the date', quote: '' });
    await call('revisions:create', { storyId: first.id, label: 'First cut' });
    const second = await call<Story>('stories:create', {
      headline: 'Traffic returns to the bridge',
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'As ' },
              {
                type: 'text',
                text: 'we reported',
                marks: [{ type: 'storyLink', attrs: { storyId: first.id } }],
              },
              { type: 'text', text: ', it is open.' },
            ],
          },
          {
            type: 'figure',
            attrs: { src: image.src, alt: 'The bridge', caption: 'Open again', credit: 'Yonhap' },
          },
          { type: 'alsoRead', attrs: { storyId: first.id, headline: first.headline } },
        ],
      },
    });
    await call('stories:setTags', { id: second.id, tags: ['Transport'] });
    await call('workflow:transition', {
      storyId: second.id,
      action: 'submit',
      expectedVersion: second.version,
    });
  } finally {
    core.close();
  }
  expect(
    (await runCli(['import', join(FIXTURES, 'small-export.xml'), '--data', data, '--no-images', '-q'])).code,
  ).toBe(0);
  return data;
}

const stories = (exported: string) => exported.split('\n').slice(1).join('\n');

describe('copydesk export → import', { timeout: 120_000 }, () => {
  it('gives identical stories, tags, links, comments, revisions and history, and importing again changes nothing', async () => {
    const source = await newsroomStore();
    const file = join(newDir(), 'archive.json');
    expect((await runCli(['export', '--out', file, '--data', source, '-q'])).code).toBe(0);
    const exported = readFileSync(file, 'utf8');

    const target = newDir();
    const imported = await runCli(['import', file, '--data', target, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ created: 8, updated: 0 });
    const again = await runCli(['export', '--data', target]);
    expect(stories(again.stdout)).toBe(stories(exported));

    const db = new Database(join(target, 'copydesk.db'), { readonly: true });
    const count = (sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0;
    expect(count("SELECT count(*) FROM story_links WHERE kind = 'inline'")).toBe(1);
    expect(count("SELECT count(*) FROM story_links WHERE kind = 'also_read'")).toBe(1);
    expect(count("SELECT count(*) FROM comments WHERE text = 'Check the date'")).toBe(1);
    expect(count("SELECT count(*) FROM revisions WHERE label = 'First cut'")).toBe(1);
    expect(count('SELECT count(*) FROM status_changes')).toBe(1);
    expect(count('SELECT count(*) FROM media')).toBe(1);
    db.close();
    const found = JSON.parse(
      (await runCli(['search', 'bridge', '--data', target, '--json'])).stdout,
    ) as unknown[];
    expect(found).toHaveLength(2);

    const twice = await runCli(['import', file, '--data', target, '--json']);
    expect(JSON.parse(twice.stdout)).toMatchObject({ created: 0, updated: 8 });
    expect(stories((await runCli(['export', '--data', target])).stdout)).toBe(stories(exported));
    expect((await runCli(['check', '--data', target])).code).toBe(0);
  });

  it('refuses a truncated or altered export and keeps nothing of it', async () => {
    const source = await newsroomStore();
    const exported = (await runCli(['export', '--data', source])).stdout;
    const target = newDir();
    const truncated = join(newDir(), 'truncated.json');
    const lines = exported.split('\n');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(truncated, lines.slice(0, 4).join('\n'));
    const cut = await runCli(['import', truncated, '--data', target]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/truncated.*Nothing was imported/);
    const hostile = join(newDir(), 'hostile.json');
    writeFileSync(hostile, exported.replace('The bridge reopened today.', '"},{"type":"script","text":"x'));
    const bad = await runCli(['import', hostile, '--data', target]);
    expect(bad.code).toBe(1);
    const stats = await runCli(['stats', '--data', target, '--json']);
    expect(JSON.parse(stats.stdout).stories).toBe(0);
  });
});
