import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { body, importImage, publishingCore, type PublishingCore } from './publishTestKit';

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);
const between = (html: string, start: string, end: string) =>
  html.slice(html.indexOf(start), html.indexOf(end, html.indexOf(start)));

describe('the built-in static site', () => {
  let kit: PublishingCore;
  let site: string;

  beforeEach(() => {
    kit = publishingCore();
    site = join(kit.dir, 'site');
  });
  afterEach(() => kit.dispose());

  const story = async (headline: string, sectionId: string, extra: Parameters<typeof body>[1] = {}) =>
    kit.call('stories:create', {
      headline,
      standfirst: `Standfirst of ${headline}`,
      credit: 'reports Yonhap',
      byline: 'By Jane Reporter',
      dateline: 'SEOUL',
      sectionId,
      body: body(`${'Word '.repeat(300)}about ${headline}.`, extra),
    });

  const publish = async (storyId: string) => {
    const job = await kit.call('publish:start', { storyId });
    await kit.runDue();
    const done = (await kit.call('publish:status', { storyId })).jobs.find((j) => j.id === job.id)!;
    expect(done.state, done.lastError ?? '').toBe('done');
    kit.tick(60_000);
    return done;
  };

  it('is the default target of a fresh install and blocks what is not ready', async () => {
    const [target] = await kit.call('targets:list', {});
    expect(target).toMatchObject({ id: 'static', kind: 'static', folder: site });
    const empty = await kit.call('stories:create', {});
    const preflight = await kit.call('publish:preflight', { storyId: empty.id });
    expect(preflight.target.id).toBe('static');
    expect(preflight.items.filter((item) => item.level === 'blocker').map((item) => item.code)).toEqual([
      'no-headline',
      'no-body',
      'no-section',
      'not-approved',
    ]);
    expect(preflight.items.filter((item) => item.level === 'warning').map((item) => item.code)).toEqual([
      'no-featured-image',
    ]);
    const refused = await kit.refuse('publish:start', { storyId: empty.id });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('has no headline');
    expect(existsSync(site)).toBe(false);
  });

  it('warns about unresolved comments and never publishes their anchors', async () => {
    await kit.call('settings:update', { requireApproval: false });
    await kit.call('people:create', { name: 'Eda Editor', role: 'editor' });
    const created = await story('Harbour fees rise', 'business');
    const comment = await kit.call('comments:create', {
      storyId: created.id,
      text: 'Source?',
      quote: 'Word',
    });
    const anchored = {
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Fees rise ' },
            {
              type: 'text',
              text: 'sharply',
              marks: [{ type: 'commentAnchor', attrs: { commentId: comment.id } }],
            },
            { type: 'text', text: ' in May.' },
          ],
        },
      ],
    };
    const current = await kit.call('stories:get', { id: created.id });
    await kit.call('stories:save', {
      id: created.id,
      expectedVersion: current.version,
      changes: { body: anchored },
    });
    const warned = await kit.call('publish:preflight', { storyId: created.id });
    expect(warned.items).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        code: 'unresolved-comments',
        message: '1 comment is unresolved.',
      }),
    );
    await publish(created.id);
    const page = read(site, 'stories/harbour-fees-rise.html');
    expect(page).toContain('<p>Fees rise sharply in May.</p>');
    expect(page).not.toContain(comment.id);
    await kit.call('comments:resolve', { commentId: comment.id, resolved: true });
    const clean = await kit.call('publish:preflight', { storyId: created.id });
    expect(clean.items.map((item) => item.code)).not.toContain('unresolved-comments');
  });

  it('writes home, story, section and tag pages, prev/next, latest, feed and sitemap', async () => {
    await kit.call('settings:update', { requireApproval: false });
    const image = await importImage(kit, 7);
    const first = await story('Parliament passes budget', 'politics', { figure: image });
    await kit.call('stories:setTags', { id: first.id, tags: ['Budget'] });
    // The block was inserted while the first story had its working headline; readers see the published one.
    const second = await story('Opposition walks out', 'politics', {
      linkTo: { storyId: first.id, headline: 'Budget vote tonight' },
    });
    await kit.call('stories:setTags', { id: second.id, tags: ['Budget', 'Protest'] });
    const third = await story('Minister resigns', 'politics');
    const abroad = await story('Summit opens in Geneva', 'world');
    for (const s of [first, second, third, abroad]) await publish(s.id);

    const files = readdirSync(site, { recursive: true }).map(String).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'style.css',
        'feed.xml',
        'sitemap.xml',
        'stories/parliament-passes-budget.html',
        'stories/opposition-walks-out.html',
        'stories/minister-resigns.html',
        'stories/summit-opens-in-geneva.html',
        'sections/politics.html',
        'sections/world.html',
        'tags/budget.html',
        'tags/protest.html',
        `${image}`,
      ]),
    );
    expect(files.some((file) => file.includes('.tmp') || file.includes('.building'))).toBe(false);

    const page = read(site, 'stories/opposition-walks-out.html');
    expect(page).toContain('<h1>Opposition walks out</h1>');
    // The credit sits beside the byline; the head carries what search engines and social networks read.
    expect(page).toContain('<p class="standfirst">Standfirst of Opposition walks out</p>');
    expect(page).toContain(
      '<span class="byline">By Jane Reporter <span class="credit">reports Yonhap</span></span>',
    );
    expect(page).toContain('<meta name="description" content="Standfirst of Opposition walks out">');
    // A site with no web address (a folder) gives search engines no file:/// canonical address.
    expect(page).not.toContain('rel="canonical"');
    expect(page).toContain('<meta property="og:type" content="article">');
    expect(page).toContain('<meta property="og:title" content="Opposition walks out">');
    expect(page).toContain('<meta property="og:description" content="Standfirst of Opposition walks out">');
    expect(page).toContain('<meta name="twitter:title" content="Opposition walks out">');
    expect(page).toMatch(/<meta name="twitter:card" content="summary(_large_image)?">/);
    expect(page).toContain('<span class="reading-time">2 min read</span>');
    expect(page).toContain('<time datetime="2026-03-01T09:01:00.000Z">1 March 2026</time>');
    expect(page).toContain(
      `<a data-story-id="${first.id}" href="parliament-passes-budget.html">the earlier story</a>`,
    );
    expect(page).toContain('ALSO READ: <a href="parliament-passes-budget.html">Parliament passes budget</a>');
    expect(page).toContain('<a class="previous" rel="prev" href="parliament-passes-budget.html">');
    expect(page).toContain('<a class="next" rel="next" href="minister-resigns.html">');
    const latest = between(page, '<section class="latest"', '</section>');
    expect(latest).toContain('<h2>Latest from Politics</h2>');
    expect(latest).toContain('<p>Standfirst of Minister resigns</p>');
    expect(latest).not.toContain('Summit opens');
    expect(page).not.toContain('data-comment');

    const firstPage = read(site, 'stories/parliament-passes-budget.html');
    expect(firstPage).not.toContain('rel="prev"');
    expect(firstPage).toContain(`<img src="../${image}" alt="A picture">`);
    for (const href of links(firstPage)) expect(existsSync(join(site, 'stories', href)), href).toBe(true);

    const home = read(site, 'index.html');
    expect(home.indexOf('Summit opens in Geneva')).toBeLessThan(home.indexOf('Parliament passes budget'));
    for (const href of links(home)) expect(existsSync(join(site, href)), href).toBe(true);
    expect(read(site, 'sections/world.html')).toContain('Summit opens in Geneva');
    expect(read(site, 'sections/world.html')).not.toContain('Minister resigns');
    const tagPage = read(site, 'tags/protest.html');
    expect(tagPage).toContain('Opposition walks out');
    expect(tagPage).not.toContain('Parliament passes budget');

    const feed = read(site, 'feed.xml');
    expect(feed.match(/<item>/g)).toHaveLength(4);
    expect(feed).toContain('<title>Opposition walks out</title>');
    expect(feed).toMatch(/<link>file:\/\/.*\/site\/stories\/opposition-walks-out\.html<\/link>/);
    const sitemap = read(site, 'sitemap.xml');
    expect(sitemap.match(/<loc>/g)!.length).toBe(files.filter((f) => f.endsWith('.html')).length);
  });

  it('gives every tag its own page that its links reach, whatever the script or punctuation', async () => {
    await kit.call('settings:update', { requireApproval: false });
    const tags = ['Москва', 'C++', 'C#', 'C', 'Αθήνα', '東京', 'New York'];
    const first = await story('Snow closes airports', 'world');
    await kit.call('stories:setTags', { id: first.id, tags });
    const second = await story('Compilers get faster', 'business');
    await kit.call('stories:setTags', { id: second.id, tags: ['C++'] });
    await publish(first.id);
    await publish(second.id);

    // Links are followed as a browser does: resolved against the page, then the path decoded to a file name.
    const { DOMParser } = new Window();
    const tagLinks = (path: string) =>
      [...new DOMParser().parseFromString(read(site, path), 'text/html').querySelectorAll('ul.tags a')].map(
        (link) => {
          const url = new URL(link.getAttribute('href')!, `http://site.test/${path}`);
          return { name: link.textContent, file: decodeURIComponent(url.pathname.slice(1)) };
        },
      );
    const linked = tagLinks('stories/snow-closes-airports.html');
    expect(linked.map((link) => link.name)).toEqual(tags);
    expect(new Set(linked.map((link) => link.file)).size).toBe(tags.length);
    for (const { name, file } of linked) {
      expect(existsSync(join(site, file)), `${name} → ${file}`).toBe(true);
      expect(file).toMatch(/^tags\/[a-z0-9-]+\.html$/);
      expect(read(site, file)).toContain(`<h1>${name}</h1>`);
    }
    expect(linked.find((link) => link.name === 'New York')!.file).toBe('tags/new-york.html');
    const cpp = tagLinks('stories/compilers-get-faster.html');
    expect(cpp).toEqual([linked.find((link) => link.name === 'C++')]);
    expect(read(site, cpp[0]!.file)).toContain('Compilers get faster');
    expect(read(site, linked.find((link) => link.name === 'C#')!.file)).not.toContain('Compilers get faster');
  });

  it('rewrites only the pages a publish changes, and puts back a page deleted by hand', async () => {
    await kit.call('settings:update', { requireApproval: false });
    const sport = await story('Cup final tonight', 'sport');
    const world = await story('Summit ends', 'world');
    await publish(sport.id);
    await publish(world.id);
    const inodes = () =>
      new Map(
        readdirSync(site, { recursive: true })
          .map(String)
          .filter((path) => statSync(join(site, path)).isFile())
          .map((path) => [path, statSync(join(site, path)).ino]),
      );
    const before = inodes();

    const current = await kit.call('stories:get', { id: world.id });
    await kit.call('stories:save', {
      id: world.id,
      expectedVersion: current.version,
      changes: { standfirst: 'Leaders agree on a text' },
    });
    await publish(world.id);
    expect(read(site, 'stories/summit-ends.html')).toContain('Leaders agree on a text');
    const after = inodes();
    const rewritten = [...after].filter(([path, ino]) => before.get(path) !== ino).map(([path]) => path);
    // Where the standfirst shows: its own page, the other story's rail, its section, the home page and the feed.
    expect(rewritten.sort()).toEqual([
      '.copydesk-site.json',
      'feed.xml',
      'index.html',
      'sections/world.html',
      'stories/cup-final-tonight.html',
      'stories/summit-ends.html',
    ]);

    // A manifest pointing outside the folder is not trusted: nothing outside is deleted.
    writeFileSync(join(kit.dir, 'victim.txt'), 'keep me');
    const manifest = JSON.parse(read(site, '.copydesk-site.json')) as Record<string, string>;
    writeFileSync(join(site, '.copydesk-site.json'), JSON.stringify({ ...manifest, '../victim.txt': 'x' }));
    await publish(world.id);
    expect(read(kit.dir, 'victim.txt')).toBe('keep me');

    rmSync(join(site, 'stories/cup-final-tonight.html'));
    await publish(world.id);
    expect(read(site, 'stories/cup-final-tonight.html')).toContain('<h1>Cup final tonight</h1>');
    expect(
      readdirSync(site, { recursive: true })
        .map(String)
        .filter((file) => file.endsWith('.tmp')),
    ).toEqual([]);
  });

  it('never writes its site over a folder holding other files', async () => {
    await kit.call('settings:update', { requireApproval: false });
    const documents = join(kit.dir, 'Documents');
    mkdirSync(documents);
    writeFileSync(join(documents, 'notes.txt'), 'my notes');
    const refused = await kit.refuse('targets:save', { id: 'static', kind: 'static', folder: documents });
    expect(refused).toMatchObject({ code: 'invalid-input' });
    expect(refused.message).toContain('"notes.txt"');

    // A folder that was empty when chosen and gained other files before the first publish.
    const chosen = join(kit.dir, 'chosen');
    await kit.call('targets:save', { id: 'static', kind: 'static', folder: chosen });
    mkdirSync(chosen);
    writeFileSync(join(chosen, 'notes.txt'), 'my notes');
    const job = await kit.call('publish:start', { storyId: (await story('Tide tables', 'sport')).id });
    await kit.runDue();
    const failed = (await kit.call('publish:status', { storyId: job.storyId })).jobs[0]!;
    expect(failed).toMatchObject({ state: 'failed', errorKind: 'rejected' });
    expect(failed.lastError).toContain('"notes.txt"');
    expect(readdirSync(chosen)).toEqual(['notes.txt']);
    expect(read(chosen, 'notes.txt')).toBe('my notes');

    // The failed job stays what the story shows (toolbar, reopened dialog) until a new one replaces it.
    expect((await kit.call('publish:preflight', { storyId: job.storyId })).pendingJob).toEqual(failed);
    rmSync(join(chosen, 'notes.txt'));
    const again = await kit.call('publish:start', { storyId: job.storyId });
    expect((await kit.call('publish:preflight', { storyId: job.storyId })).pendingJob?.id).toBe(again.id);
    await kit.runDue();
    expect((await kit.call('publish:preflight', { storyId: job.storyId })).pendingJob).toBeNull();
  });

  it('updates in place, takes an unpublished story off the site, and uses a changed folder and address', async () => {
    await kit.call('settings:update', { requireApproval: false });
    const one = await story('First story', 'sport');
    const two = await story('Second story', 'sport');
    await publish(one.id);
    await publish(two.id);
    const current = await kit.call('stories:get', { id: one.id });
    await kit.call('stories:save', {
      id: one.id,
      expectedVersion: current.version,
      changes: { standfirst: 'Changed standfirst' },
    });
    expect((await kit.call('publish:preflight', { storyId: one.id })).publication?.changedSince).toBe(true);
    const changedInList = async () =>
      (await kit.call('library:query', {})).items.map((row) => [row.headline, row.changedSincePublished]);
    expect(await changedInList()).toEqual([
      ['First story', true],
      ['Second story', false],
    ]);
    await publish(one.id);
    expect(await changedInList()).toEqual([
      ['First story', false],
      ['Second story', false],
    ]);
    expect(read(site, 'stories/first-story.html')).toContain('Changed standfirst');

    const job = await kit.call('publish:start', { storyId: two.id, action: 'unpublish' });
    await kit.runDue();
    expect((await kit.call('publish:status', { storyId: two.id })).jobs[0]).toMatchObject({
      id: job.id,
      state: 'done',
    });
    expect(existsSync(join(site, 'stories/second-story.html'))).toBe(false);
    expect(read(site, 'index.html')).not.toContain('Second story');

    const elsewhere = join(kit.dir, 'public-site');
    await kit.call('targets:save', {
      id: 'static',
      kind: 'static',
      folder: elsewhere,
      url: 'https://news.example.org',
    });
    const done = await publish(one.id);
    expect(done.resultUrl).toBe('https://news.example.org/stories/first-story.html');
    expect(read(elsewhere, 'sitemap.xml')).toContain(
      '<loc>https://news.example.org/stories/first-story.html</loc>',
    );
    const onWeb = read(elsewhere, 'stories/first-story.html');
    expect(onWeb).toContain(
      '<link rel="canonical" href="https://news.example.org/stories/first-story.html">',
    );
    expect(onWeb).toContain(
      '<meta property="og:url" content="https://news.example.org/stories/first-story.html">',
    );
    expect(await kit.call('targets:viewSite', { id: 'static' })).toEqual({
      url: 'site/index.html',
      folder: elsewhere,
    });
  });
});
