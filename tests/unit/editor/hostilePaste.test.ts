import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsafeHtmlParts } from '../../support/htmlSafety';
import { pasteInChromium } from '../../support/pasteInChromium';
import { sharedFixture } from '../../support/sharedFixtures';

let chromium: Awaited<ReturnType<typeof pasteInChromium>>;
beforeAll(async () => {
  chromium = await pasteInChromium();
});
afterAll(() => chromium.close());

const hostile = `<html><head><meta charset="utf-8"><title>Doc title</title><style>p{color:red}</style>
<script>alert('head')</script><link rel="stylesheet" href="https://evil.example/x.css"></head><body>
<!--StartFragment--><meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234-abcd">
<h1 dir="ltr" style="line-height:1.38"><span style="font-size:20pt;font-weight:400">Title</span></h1>
<p dir="ltr" style="line-height:1.38" onclick="alert(1)"><span style="font-weight:400">Plain </span><span style="font-weight:700">bold</span><span style="font-weight:400;font-style:italic"> italic</span> <a href="javascript:alert(2)" onmouseover="alert(3)">bad link</a> <a href="https://example.com/" class="x" rel="opener" style="color:red"><span style="text-decoration:underline;font-weight:400">good link</span></a></p>
<ul><li dir="ltr" style="list-style-type:disc"><p dir="ltr"><span>one</span></p></li><li><p>two</p></li></ul>
<img src="x" onerror="alert(4)"><img src="data:image/png;base64,AAAA">
<iframe src="https://evil.example/"></iframe><object data="x.swf"><embed src="x.swf"></object>
<table><tbody><tr><td>Cell A</td><td><p>Cell B</p></td></tr><tr><td>Cell C</td><td><table><tr><td>Nested D</td><th>Nested E</th></tr></table></td></tr></tbody></table>
<script>document.write('x')</script><style>.a{}</style>
</b>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Word item<o:p>&nbsp;</o:p></p>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
<p class=MsoNormal><b>Word bold</b><o:p></o:p></p>
<a href=" JavaScript:alert(5)">x</a><a href="vbscript:msgbox">y</a><a href="data:text/html,<script>alert(6)</script>">z</a>
<svg onload="alert(7)"><script>alert(8)</script><text>svg text</text></svg><form><input value="hi"><button onclick="x()">Btn</button></form>
<!--EndFragment--></body></html>`;

const STORY_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'strong',
  'em',
  'u',
  's',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'br',
  'aside',
  'figure',
  'img',
  'figcaption',
  'span',
]);
const tagsOf = (html: string) => new Set([...html.matchAll(/<([a-z0-9]+)/g)].map((match) => match[1]!));

it('keeps only headings, lists, links, bold, italic and paragraph text of a hostile paste', async () => {
  const [html] = await chromium.paste([hostile]);
  expect(unsafeHtmlParts(html!)).toEqual([]);
  expect([...tagsOf(html!)].sort()).toEqual(['a', 'em', 'h2', 'li', 'p', 'strong', 'ul']);
  expect(html).toBe(
    [
      '<h2>Title</h2>',
      '<p>Plain <strong>bold</strong><em> italic</em> bad link ' +
        '<a href="https://example.com/" rel="noopener noreferrer">good link</a></p>',
      '<ul><li><p>one</p></li><li><p>two</p></li></ul>',
      '<p>Cell A</p>',
      '<p>Cell B</p>',
      '<p>Cell C</p>',
      '<p>Nested D</p>',
      '<p>Nested E</p>',
      '<p>Word item</p>',
      '<p><strong>Word bold</strong></p>',
      '<p>xyz</p>',
    ].join('\n'),
  );
});

// Public corpora (see ../shared/fixtures/xss/README.md): DOMPurify's test payloads and the HTML5 Security Cheatsheet.
const corpus = (file: string): { name: string; payload: string }[] =>
  (
    JSON.parse(readFileSync(sharedFixture(`xss/${file}`), 'utf8')) as {
      index?: number;
      id?: number;
      title?: string | null;
      name?: string;
      payload: string;
    }[]
  ).map((item) => ({
    name: `${file}#${item.index ?? item.id}: ${item.title ?? item.name ?? ''}`,
    payload: item.payload,
  }));

describe.each(['dompurify-expect-payloads.json', 'h5sc-items-payloads.json'])(
  'the XSS corpus %s, pasted',
  (file) => {
    const vectors = corpus(file);

    it(`has its vectors (${vectors.length})`, () => {
      expect(vectors.length).toBeGreaterThan(100);
    });

    it('leaves no element, attribute or URL that could run script, and only story elements', async () => {
      const outputs = await chromium.paste(vectors.map((vector) => vector.payload));
      const problems = outputs.flatMap((html, index) => {
        const found = unsafeHtmlParts(html);
        const foreign = [...tagsOf(html)].filter((tag) => !STORY_TAGS.has(tag)).map((tag) => `<${tag}> kept`);
        return [...found, ...foreign].map((problem) => `${vectors[index]!.name}: ${problem}`);
      });
      expect(problems).toEqual([]);
    });
  },
);
