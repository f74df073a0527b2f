import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasForbiddenChars } from '../../shared/domain/text';
import { unsafeHtmlParts } from '../support/htmlSafety';
import { distinctStories, publishAll, storeHostileCorpus, type StoredCorpus } from './hostileCorpusKit';
import { publishingCore, type PublishingCore } from './publishTestKit';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => problems.push(error.message));
  parser.on('text', (text) => {
    if (/^\s*(javascript|vbscript|data):/i.test(text)) problems.push(`URL ${text.slice(0, 40)}`);
  });
  parser.write(xml).close();
  return problems;
}

describe('crafted stories sent through the API, then published to the static site', () => {
  let kit: PublishingCore;
  let corpus: StoredCorpus;
  beforeAll(async () => {
    kit = publishingCore();
    await kit.call('settings:update', { requireApproval: false });
    corpus = await storeHostileCorpus(kit);
  }, 600_000);
  afterAll(() => kit?.dispose());

  it('refuses each crafted body and field with a 4xx or stores it cleaned', () => {
    expect(corpus.cases).toBeGreaterThan(600);
    expect(corpus.stored.length).toBeGreaterThan(100);
    expect(Object.keys(corpus.refused).sort()).toEqual(['invalid-input', 'not-found']);
    console.log(
      `hostile corpus: ${corpus.cases} cases, ${corpus.stored.length} stored cleaned, refused ${JSON.stringify(corpus.refused)}`,
    );
  });

  it('writes pages, feed and sitemap that parse and carry no script, handler or dangerous URL', async () => {
    const started = Date.now();
    const stories = distinctStories(corpus);
    await publishAll(kit, stories);
    console.log(
      `published ${stories.length} crafted stories to the static site in ${Date.now() - started} ms`,
    );
    const site = join(kit.dir, 'site');
    const files = filesUnder(site);
    const pages = files.filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const file of files) {
      const name = relative(site, file);
      if (!/\.(html|xml)$/.test(name)) continue;
      const content = readFileSync(file, 'utf8');
      if (hasForbiddenChars(content)) problems.push(`${name}: a character HTML/XML forbid`);
      if (name.endsWith('.xml'))
        problems.push(...xmlProblems(content).map((problem) => `${name}: ${problem}`));
      else {
        if (!content.startsWith('<!doctype html>')) problems.push(`${name}: not an HTML page`);
        problems.push(
          ...unsafeHtmlParts(content, { allow: ['meta'] }).map((problem) => `${name}: ${problem}`),
        );
      }
    }
    expect(problems).toEqual([]);
    expect(files.map((file) => relative(site, file))).toEqual(
      expect.arrayContaining(['feed.xml', 'sitemap.xml']),
    );
  }, 600_000);
});
