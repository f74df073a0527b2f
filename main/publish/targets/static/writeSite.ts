import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes the whole site into a fresh sibling folder and swaps it in with renames, so readers see the old
 * site or the new one, never half of one.
 */
export async function writeSite(
  folder: string,
  files: Map<string, string>,
  media: Iterable<string>,
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
    for (const src of media) {
      await mkdir(join(building, 'media'), { recursive: true });
      await copyFile(join(mediaDir, basename(src)), join(building, src));
    }
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
