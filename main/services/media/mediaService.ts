import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_IMAGE_BYTES, type ImageType, type MediaRef } from '../../../shared/domain/media';
import type { MediaImportInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { MediaQueries, MediaRecord } from '../../db/queries/mediaQueries';
import { imageSize, sniffImageType } from './imageHeader';
import { EXTENSION_OF, writeFileAtomically } from './mediaFiles';

export interface MediaServiceDeps {
  queries: MediaQueries;
  /** The folder the image files live in (`<dataDir>/media`). Created on first import. */
  mediaDir: string;
  now: () => Date;
}

const TYPE_NAMES: Record<ImageType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
};

// A flat pattern on purpose: nested groups overflow V8's regex stack on a 28 MB string.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(text: string, fileName: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new AppError('invalid-input', `The data of ${fileName} is not valid base64`);
  }
  return Buffer.from(compact, 'base64');
}

const fileExists = async (path: string, size: number): Promise<boolean> => {
  try {
    const info = await stat(path);
    return info.isFile() && info.size === size;
  } catch {
    return false;
  }
};

const toRef = (record: MediaRecord): MediaRef => ({
  src: `media/${record.hash}.${record.ext}`,
  mimeType: record.mimeType,
  bytes: record.bytes,
  width: record.width,
  height: record.height,
});

/** Images for stories, stored once in `mediaDir` under their content hash and recorded in `media`. */
export function createMediaService({ queries, mediaDir, now }: MediaServiceDeps) {
  return {
    /**
     * Checks that the bytes really are the declared image type, stores them as
     * `<mediaDir>/<sha256>.<ext>` unless that file is already there, and records the image once.
     */
    async importImage({ fileName, mimeType, dataBase64 }: MediaImportInput): Promise<MediaRef> {
      const name = fileName.trim() === '' ? 'The image' : JSON.stringify(fileName);
      const bytes = decodeBase64(dataBase64, name);
      if (bytes.length === 0) throw new AppError('invalid-input', `${name} is empty`);
      if (bytes.length > MAX_IMAGE_BYTES) {
        throw new AppError(
          'invalid-input',
          `${name} is larger than the ${MAX_IMAGE_BYTES / 1024 / 1024} MB allowed for an image`,
        );
      }
      const actual = sniffImageType(bytes);
      if (actual === null) {
        throw new AppError('invalid-input', `${name} is not a JPEG, PNG, GIF or WebP image`);
      }
      if (actual !== mimeType) {
        throw new AppError(
          'invalid-input',
          `${name} is a ${TYPE_NAMES[actual]} image, not ${TYPE_NAMES[mimeType]} as declared`,
        );
      }

      const hash = createHash('sha256').update(bytes).digest('hex');
      const ext = EXTENSION_OF[actual];
      const path = join(mediaDir, `${hash}.${ext}`);
      if (!(await fileExists(path, bytes.length))) {
        await mkdir(mediaDir, { recursive: true });
        try {
          await writeFileAtomically(path, bytes);
        } catch (error) {
          // A concurrent import of the same image may have won the rename (Windows refuses to replace).
          if (!(await fileExists(path, bytes.length))) throw error;
        }
      }

      const size = imageSize(bytes, actual);
      queries.insertIfAbsent({
        hash,
        ext,
        mimeType: actual,
        bytes: bytes.length,
        width: size?.width ?? null,
        height: size?.height ?? null,
        originalName: fileName,
        createdAt: now().getTime(),
      });
      return toRef(queries.get(hash)!);
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
