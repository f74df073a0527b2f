import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ImageType } from '../../../shared/domain/media';

export const EXTENSION_OF: Record<ImageType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

const TYPE_OF: Record<string, ImageType> = Object.fromEntries(
  Object.entries(EXTENSION_OF).map(([type, ext]) => [ext, type as ImageType]),
);

const MEDIA_URL_PATH = /^\/media\/([0-9a-f]{64})\.(jpg|png|gif|webp)$/;

/** Where the media store of the data directory `dataDir` keeps its files. */
export function mediaDirOf(dataDir: string): string {
  return join(dataDir, 'media');
}

/** A stored image found for a URL path. */
export interface MediaFile {
  path: string;
  size: number;
  type: ImageType;
}

/**
 * The stored image for a URL path `/media/<sha256 hex>.<ext>`, or null. The path is matched as sent,
 * never decoded or normalised, so nothing but a content-hash name in `mediaDir` can be reached.
 */
export async function findMediaFile(mediaDir: string, urlPath: string): Promise<MediaFile | null> {
  const match = MEDIA_URL_PATH.exec(urlPath);
  if (!match) return null;
  const [, hash, ext] = match as unknown as [string, string, string];
  const path = join(mediaDir, `${hash}.${ext}`);
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, type: TYPE_OF[ext]! } : null;
  } catch {
    return null;
  }
}

/** Whether `path` is a file holding exactly `bytes` (a stored image that was cut short or damaged is not). */
export async function holdsBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const info = await stat(path);
    return info.isFile() && info.size === bytes.length && (await readFile(path)).equals(bytes);
  } catch {
    return false;
  }
}

/** The name a write to `<name>` goes through first: `<name>.<12 hex>.tmp`, next to it. */
const tempPathOf = (path: string): string => `${path}.${randomBytes(6).toString('hex')}.tmp`;

/** Temp files of `writeFileAtomically` for a stored image: `<sha256>.<ext>.<12 hex>.tmp`, nothing else. */
const MEDIA_TEMP_FILE = /^[0-9a-f]{64}\.(jpg|png|gif|webp)\.[0-9a-f]{12}\.tmp$/;

/** Temp files older than this are left over from an import that was interrupted (a crash, a kill). */
export const STALE_TEMP_FILE_MS = 60 * 60 * 1000;

/**
 * Removes the temp files an interrupted import left in `mediaDir` once they are older than
 * `olderThanMs`, by their modification time against the wall clock (file times are wall-clock
 * times, whatever clock the core runs on). Only names of the exact temp shape are considered, so
 * stored images and anything else in the folder are never touched; a fresh temp file may belong to
 * an import still running. Never throws: a sweep that fails must not keep the core from opening.
 * Returns the names removed.
 */
export function sweepStaleTempFiles(
  mediaDir: string,
  olderThanMs = STALE_TEMP_FILE_MS,
  nowMs = Date.now(),
): string[] {
  let names: string[];
  try {
    names = readdirSync(mediaDir);
  } catch {
    return []; // No media folder yet (it is made on the first import), or it cannot be read.
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!MEDIA_TEMP_FILE.test(name)) continue;
    const path = join(mediaDir, name);
    try {
      const info = lstatSync(path);
      if (!info.isFile() || nowMs - info.mtimeMs < olderThanMs) continue;
      rmSync(path);
      removed.push(name);
    } catch {
      // Gone meanwhile, or not ours to remove: the next open tries again.
    }
  }
  return removed;
}

/** Writes `bytes` to `path` so that it appears complete or not at all: temp file, fsync, rename. */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temp = tempPathOf(path);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the file itself is already synced.
  }
}
