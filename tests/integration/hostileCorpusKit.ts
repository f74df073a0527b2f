import { expect } from 'vitest';
import type { Story } from '../../shared/domain/story';
import { hasForbiddenChars } from '../../shared/domain/text';
import { cleanStoryBody, storyToHtml } from '../../shared/editor';
import { httpStatusOf } from '../../shared/ipc/errors';
import { hostileBodies, hostileFields, type HostileCase } from '../support/hostileCorpus';
import { unsafeHtmlParts } from '../support/htmlSafety';
import { importImage, type PublishingCore } from './publishTestKit';

const paragraphBody = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const stringsOf = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [key, ...stringsOf(item)]);
  return [];
};

/** What the core made of the corpus: the stories it stored (cleaned) and how many cases it refused, by code. */
export interface StoredCorpus {
  cases: number;
  /** The story that crafted story links and also-read blocks point at, published on the default target. */
  linked: Story;
  stored: Story[];
  refused: Record<string, number>;
}

/**
 * Sends every crafted body and field value of the corpus through `stories:create` and (for an existing story)
 * `stories:save`, as an API client would, and checks each answer: refused with a 4xx, or stored cleaned (no
 * forbidden character in any field, a body the schema accepts as it is, HTML with nothing that can run). Ghost's
 * and other targets' tests take the stored stories from here and publish them; story links point at a story already
 * published on the default target (publish it to yours too).
 */
export async function storeHostileCorpus(kit: PublishingCore): Promise<StoredCorpus> {
  const linked = await kit.call('stories:create', {
    headline: 'Linked story',
    sectionId: 'politics',
    body: paragraphBody('Linked.'),
  });
  await publishAll(kit, [linked]);
  const image = await importImage(kit, 1);
  const corpus: HostileCase[] = [...hostileBodies(linked.id, image), ...hostileFields()];
  const base = { headline: 'Crafted', sectionId: 'politics', body: paragraphBody('Body.') };
  const result: StoredCorpus = { cases: 0, linked, stored: [], refused: {} };
  const problems: string[] = [];
  const judge = async (name: string, answer: Awaited<ReturnType<PublishingCore['core']['dispatch']>>) => {
    result.cases++;
    if (!answer.ok) {
      const { code, message } = answer.error;
      if (httpStatusOf[code] >= 500 || code === 'internal') problems.push(`${name}: ${code} ${message}`);
      result.refused[code] = (result.refused[code] ?? 0) + 1;
      return;
    }
    const story = answer.value as Story;
    const dirty = stringsOf(story).filter(hasForbiddenChars);
    if (dirty.length) problems.push(`${name}: stored ${JSON.stringify(dirty[0]).slice(0, 80)}`);
    expect(cleanStoryBody(story.body).body, name).toEqual(story.body);
    const unsafe = unsafeHtmlParts(storyToHtml(story.body, { forPublishing: true }));
    if (unsafe.length) problems.push(`${name}: renders ${unsafe.join(', ')}`);
    result.stored.push(story);
  };
  const existing = (await kit.core.dispatch('stories:create', base)) as { ok: true; value: Story };
  let version = existing.value.version;
  for (const { name, input } of corpus) {
    await judge(`create: ${name}`, await kit.core.dispatch('stories:create', { ...base, ...input }));
    const saved = await kit.core.dispatch('stories:save', {
      id: existing.value.id,
      expectedVersion: version,
      changes: input,
    });
    if (saved.ok) version = (saved.value as Story).version;
    await judge(`save: ${name}`, saved);
  }
  expect(problems).toEqual([]);
  return result;
}

/** The stored stories, each once, as they were last stored. */
export const distinctStories = (corpus: StoredCorpus): Story[] => [
  ...new Map(corpus.stored.map((story) => [story.id, story])).values(),
];

/** Queues a publish of every story to `targetId` (the default target when left out) and sends them all. */
export async function publishAll(kit: PublishingCore, stories: Story[], targetId?: string): Promise<void> {
  const failed: string[] = [];
  for (const story of stories) {
    const answer = await kit.core.dispatch('publish:start', {
      storyId: story.id,
      ...(targetId ? { targetId } : {}),
    });
    if (!answer.ok) failed.push(`${story.headline}: ${answer.error.message}`);
  }
  await kit.runDue();
  for (const story of stories) {
    const { jobs } = await kit.call('publish:status', { storyId: story.id });
    for (const job of jobs)
      if (job.state !== 'done') failed.push(`${story.headline}: ${job.state} ${job.lastError ?? ''}`);
  }
  expect(failed).toEqual([]);
}
