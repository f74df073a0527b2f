import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { body, publishingCore, type PublishingCore } from './publishTestKit';

/** A generated page as a reader's browser (or a social network's crawler) parses it. */
function parse(html: string): Document {
  const window = new Window();
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('a static story page, parsed', () => {
  let kit: PublishingCore;
  const folder = () => join(kit.dir, 'public-site');
  const page = (key: string) => parse(readFileSync(join(folder(), 'stories', `${key}.html`), 'utf8'));
  const content = (doc: Document, selector: string) => doc.querySelector(selector)?.getAttribute('content');

  beforeEach(async () => {
    kit = publishingCore();
    await kit.call('settings:update', { requireApproval: false });
    await kit.call('targets:save', {
      id: 'static',
      kind: 'static',
      folder: folder(),
      url: 'https://news.example.org',
    });
  });
  afterEach(() => kit.dispose());

  const publish = async (storyId: string) => {
    await kit.call('publish:start', { storyId });
    await kit.runDue();
    expect((await kit.call('publish:status', { storyId })).jobs[0]?.state).toBe('done');
  };

  it('carries description, canonical link, Open Graph and Twitter cards, typographic quotes, time, credit by the byline', async () => {
    const story = await kit.call('stories:create', {
      headline: `Mayor says "we won't wait" on the harbour`,
      slug: 'mayor-harbour',
      standfirst: `The city's plan starts in May.`,
      byline: 'By Jane Reporter',
      credit: 'reports Yonhap',
      sectionId: 'politics',
      body: body('Work begins at dawn.'),
    });
    await publish(story.id);
    const doc = page('mayor-harbour');

    expect(doc.querySelector('h1')?.textContent).toBe('Mayor says “we won’t wait” on the harbour');
    expect(doc.querySelector('title')?.textContent).toMatch(/^Mayor says “we won’t wait” on the harbour — /);
    expect(content(doc, 'meta[name="description"]')).toBe('The city’s plan starts in May.');
    const url = 'https://news.example.org/stories/mayor-harbour.html';
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    expect(content(doc, 'meta[property="og:url"]')).toBe(url);
    expect(content(doc, 'meta[property="og:type"]')).toBe('article');
    expect(content(doc, 'meta[property="og:title"]')).toBe('Mayor says “we won’t wait” on the harbour');
    expect(content(doc, 'meta[property="og:description"]')).toBe('The city’s plan starts in May.');
    expect(content(doc, 'meta[name="twitter:card"]')).toBe('summary');
    expect(content(doc, 'meta[name="twitter:title"]')).toBe('Mayor says “we won’t wait” on the harbour');
    expect(content(doc, 'meta[property="article:published_time"]')).toBe('2026-03-01T09:00:00.000Z');

    const byline = doc.querySelector('.meta .byline');
    expect(byline?.textContent).toBe('By Jane Reporter reports Yonhap');
    expect(byline?.querySelector('.credit')?.textContent).toBe('reports Yonhap');
    const times = doc.querySelectorAll('.meta time');
    expect([...times].map((time) => [time.getAttribute('datetime'), time.textContent])).toEqual([
      ['2026-03-01T09:00:00.000Z', '1 March 2026'],
    ]);
    expect(doc.querySelector('.meta .updated')).toBeNull();
    expect(doc.querySelector('meta[property="article:modified_time"]')).toBeNull();
  });

  it('says "Updated" once it is republished with changes, never for a republish of the same text', async () => {
    const story = await kit.call('stories:create', {
      headline: 'Harbour bridge reopens',
      standfirst: 'Commuters return.',
      sectionId: 'politics',
      body: body('Cars cross again.'),
    });
    await publish(story.id);
    kit.tick(2 * 86_400_000);
    await kit.call('publish:start', { storyId: story.id });
    await kit.runDue();
    expect(page('harbour-bridge-reopens').querySelector('.meta .updated')).toBeNull();

    const current = await kit.call('stories:get', { id: story.id });
    await kit.call('stories:save', {
      id: story.id,
      expectedVersion: current.version,
      changes: { standfirst: 'Commuters return after three weeks.' },
    });
    await publish(story.id);
    const doc = page('harbour-bridge-reopens');
    const updated = doc.querySelector('.meta .updated');
    expect(updated?.textContent).toBe('Updated 3 March 2026');
    expect(updated?.querySelector('time')?.getAttribute('datetime')).toMatch(/^2026-03-03T09:/);
    expect(doc.querySelector('.meta time')?.textContent).toBe('1 March 2026');
    expect(content(doc, 'meta[property="article:modified_time"]')).toMatch(/^2026-03-03T09:/);

    // Publishing another story rebuilds this page from what is stored: the line stays.
    const other = await kit.call('stories:create', {
      headline: 'Other',
      sectionId: 'politics',
      body: body('x'),
    });
    await publish(other.id);
    expect(page('harbour-bridge-reopens').querySelector('.meta .updated')?.textContent).toBe(
      'Updated 3 March 2026',
    );
  });
});
