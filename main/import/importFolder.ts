import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { marked } from 'marked';
import { emptyCounts, countSkipped, type ImportCounts } from './importCounts';
import { ImportError } from './importError';
import type { ImportedStory, StoryWriter } from './storyWriter';
import { plainText } from './wordpressPost';

const EXTENSIONS = new Set(['.html', '.htm', '.md', '.markdown']);

function filesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

/** An HTML page's headline (its `<h1>`, else `<title>`) and its body without that `<h1>`. */
function fromHtml(html: string): { headline: string; html: string } {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(body);
  if (h1) return { headline: plainText(h1[1]!), html: body.replace(h1[0], '') };
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  if (title) return { headline: plainText(title), html: body };
  return fromFirstLine(body);
}

/** Markdown's headline: a leading `# …`, else the first line. */
function fromMarkdown(markdown: string): { headline: string; html: string } {
  let lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() === '---') lines = lines.slice(lines.indexOf('---', 1) + 1);
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0) return { headline: '', html: '' };
  const headline = lines[first]!.replace(/^#+\s*/, '').trim();
  const rest = lines.slice(first + 1).join('\n');
  return { headline: plainText(headline), html: marked.parse(rest, { async: false }) };
}

function fromFirstLine(html: string): { headline: string; html: string } {
  const text =
    html
      .replace(/<[^>]*>/g, '\n')
      .split('\n')
      .find((line) => line.trim() !== '') ?? '';
  return { headline: plainText(text), html };
}

/** Imports every `.html`/`.md` file under `dir` as a draft; the path inside the folder is its remote id. */
export async function importFolder(
  dir: string,
  options: {
    writer: (source: string) => StoryWriter;
    maxBytes: number;
    onStory?: (done: number, total: number) => void;
  },
): Promise<ImportCounts> {
  const root = resolve(dir);
  const writer = options.writer(`folder:${root}`);
  const counts = emptyCounts();
  const files = filesUnder(root);
  for (const [index, file] of files.entries()) {
    const extension = extname(file).toLowerCase();
    if (!EXTENSIONS.has(extension)) {
      countSkipped(counts, `file${extension || ''}`);
      continue;
    }
    const info = statSync(file);
    if (info.size > options.maxBytes) throw new ImportError(`${file} is over the import limit.`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
    } catch {
      throw new ImportError(`${file} is not valid UTF-8; only UTF-8 files can be imported.`);
    }
    const parts = extension.startsWith('.htm') ? fromHtml(text) : fromMarkdown(text);
    const story: ImportedStory = {
      remoteId: relative(root, file),
      headline: parts.headline,
      standfirst: '',
      byline: '',
      slug: '',
      status: 'draft',
      createdAt: info.birthtimeMs > 0 ? info.birthtime : info.mtime,
      updatedAt: info.mtime,
      embargoUntil: null,
      sectionPath: [],
      tags: [],
      html: parts.html,
      featuredImageUrl: null,
      notes: [],
    };
    const written = await writer.write(story);
    if (written.created) counts.created++;
    else counts.updated++;
    options.onStory?.(index + 1, files.length);
  }
  return counts;
}
