import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

/** What the last write put in the folder: each file's path and content hash. Written last, so it never lies ahead. */
export const MANIFEST = '.copydesk-site.json';

type Manifest = Record<string, string>;

const SITE_ENTRIES = new Set([
  'index.html',
  'style.css',
  'feed.xml',
  'sitemap.xml',
  'stories',
  'sections',
  'tags',
  'media',
  MANIFEST,
]);

/**
 * Why the site may not be written to `folder`: it holds something Copydesk did not put there (the whole
 * folder is replaced on a full write, so pointing the site at, say, Documents must not empty it). Null
 * when the folder is missing, empty or a Copydesk site.
 */
export function foreignContentIn(folder: string): string | null {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const foreign = names.find((name) => !SITE_ENTRIES.has(name) && !name.endsWith('.tmp'));
  return foreign === undefined
    ? null
    : `The folder ${folder} holds files that are not part of a Copydesk site (such as "${foreign}"); choose an empty or new folder for the site.`;
}

const SITE_PATH = /^[\w.%-]+(\/[\w.%-]+)*$/u;
const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url');
// Media files are named after their content, so the name is their hash.
const MEDIA_HASH = 'content-addressed';

async function readManifest(folder: string): Promise<Manifest | null> {
  try {
    const parsed = JSON.parse(await readFile(join(folder, MANIFEST), 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    // Its paths are deleted when they leave the site: only plain paths inside the folder are trusted.
    const inside = Object.keys(parsed).every(
      (path) => SITE_PATH.test(path) && !path.split('/').includes('..'),
    );
    return inside ? (parsed as Manifest) : null;
  } catch {
    return null;
  }
}

/** Puts a file in place with one rename, written by `fill` under a temporary name first. */
async function replaceFile(path: string, fill: (temp: string) => Promise<void>) {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fill(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Brings the site folder to exactly `files` plus `media`. Every file is replaced by a rename, so readers see
 * a whole old page or a whole new one, never half of one. With a manifest from the last write, only what
 * changed is written: media and story pages first, then the pages linking to them, then removals, so no
 * page links to one that is not there yet. Without one (first publish, a moved folder, files edited by hand
 * and the manifest lost) the whole site is built beside the folder and swapped in.
 */
export async function writeSite(
  folder: string,
  files: Map<string, string>,
  media: Iterable<string>,
  mediaDir: string,
): Promise<void> {
  const next: Manifest = {};
  for (const [path, text] of files) next[path] = hashOf(text);
  for (const src of media) next[src] = MEDIA_HASH;

  const previous = await readManifest(folder);
  if (!previous) {
    const refusal = foreignContentIn(folder);
    if (refusal) throw new Error(refusal);
    return swapInWholeSite(folder, files, next, mediaDir);
  }

  const present = new Set(
    (await readdir(folder, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/')),
  );
  const stale = (path: string) => previous[path] !== next[path] || !present.has(path);
  const changed = Object.keys(next).filter(stale);
  const rank = (path: string) => (path.startsWith('media/') ? 0 : path.startsWith('stories/') ? 1 : 2);
  changed.sort((a, b) => rank(a) - rank(b));
  for (const path of changed) {
    await replaceFile(join(folder, path), (temp) =>
      next[path] === MEDIA_HASH
        ? copyFile(join(mediaDir, basename(path)), temp)
        : writeFile(temp, files.get(path)!),
    );
  }
  for (const path of Object.keys(previous))
    if (!(path in next)) await rm(join(folder, path), { force: true });
  await replaceFile(join(folder, MANIFEST), (temp) => writeFile(temp, JSON.stringify(next)));
}

/** Writes the whole site into a fresh sibling folder and swaps it in with renames. */
async function swapInWholeSite(
  folder: string,
  files: Map<string, string>,
  manifest: Manifest,
  mediaDir: string,
): Promise<void> {
  const parent = dirname(folder);
  await mkdir(parent, { recursive: true });
  const suffix = randomBytes(4).toString('hex');
  const building = join(parent, `.${basename(folder)}.building-${suffix}`);
  const old = join(parent, `.${basename(folder)}.old-${suffix}`);
  try {
    for (const [path, text] of files) {
      const target = join(building, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    }
    for (const [path, hash] of Object.entries(manifest)) {
      if (hash !== MEDIA_HASH) continue;
      await mkdir(join(building, 'media'), { recursive: true });
      await copyFile(join(mediaDir, basename(path)), join(building, path));
    }
    await writeFile(join(building, MANIFEST), JSON.stringify(manifest));
    let hadOld = true;
    try {
      await rename(folder, old);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      hadOld = false;
    }
    await rename(building, folder);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  }
}
