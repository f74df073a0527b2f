import { afterAll, beforeAll, bench, describe } from 'vitest';
import { renderSite, type SiteStory } from '../../main/publish/targets/static/renderSite';
import { body, publishingCore, type PublishingCore } from '../integration/publishTestKit';

const SECTIONS = ['politics', 'world', 'business', 'sport'].map((id) => ({ id, name: id }));
const stories: SiteStory[] = Array.from({ length: 500 }, (_, i) => ({
  storyId: `01J00000000000000000000${String(i).padStart(3, '0')}`,
  key: `story-${i}`,
  publishedAt: Date.UTC(2026, 0, 1) + i * 60_000,
  updatedAt: null,
  snapshot: {
    headline: `Story number ${i}`,
    standfirst: 'A standfirst of a sentence or two.',
    byline: 'By Jane Reporter',
    dateline: 'SEOUL',
    credit: 'reports Yonhap',
    slug: `story-${i}`,
    sectionId: SECTIONS[i % SECTIONS.length]!.id,
    featuredImage: null,
    body: body(`${'word '.repeat(600)}end.`),
    wordCount: 601,
    tags: [`tag-${i % 20}`],
  },
})).reverse();

let kit: PublishingCore;
let storyId: string;

beforeAll(async () => {
  kit = publishingCore();
  await kit.call('settings:update', { requireApproval: false });
  for (let i = 0; i < 200; i++) {
    const created = await kit.call('stories:create', {
      headline: `Archive ${i}`,
      sectionId: 'world',
      body: body(`${'word '.repeat(600)}end.`),
    });
    await kit.call('publish:start', { storyId: created.id });
    await kit.runDue();
    storyId = created.id;
  }
});
afterAll(() => kit.dispose());

describe('static site', () => {
  bench('render a 500-story site to HTML (no disk)', () => {
    renderSite({ title: 'Bench', baseUrl: 'https://example.org/', sections: SECTIONS, stories });
  });
  bench('republish one story on a 200-story site: job, render, atomic write', async () => {
    await kit.call('publish:start', { storyId });
    await kit.runDue();
  });
});
