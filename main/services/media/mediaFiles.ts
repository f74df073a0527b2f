import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
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

/** Writes `bytes` to `path` so that it appears complete or not at all: temp file, fsync, rename. */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
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
