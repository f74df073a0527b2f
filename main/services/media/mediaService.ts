import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_IMAGE_BYTES, type MediaRef } from '../../../shared/domain/media';
import type { MediaImportInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { MediaQueries, MediaRecord } from '../../db/queries/mediaQueries';
import { describeNonImage, imageSize, sniffImageType } from './imageHeader';
import { EXTENSION_OF, holdsBytes, sweepStaleTempFiles, writeFileAtomically } from './mediaFiles';

export interface MediaServiceDeps {
  queries: MediaQueries;
  /**
   * The folder the image files live in (`<dataDir>/media`). Created on first import; temp files
   * left there by an interrupted import are swept when the service is created (the core opens).
   */
  mediaDir: string;
  now: () => Date;
}

// A flat pattern on purpose: nested groups overflow V8's regex stack on a 28 MB string.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(text: string, fileName: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new AppError('invalid-input', `The data of ${fileName} is not valid base64`);
  }
  return Buffer.from(compact, 'base64');
}

const toRef = (record: MediaRecord): MediaRef => ({
  src: `media/${record.hash}.${record.ext}`,
  mimeType: record.mimeType,
  bytes: record.bytes,
  width: record.width,
  height: record.height,
});

/** Images for stories, stored once in `mediaDir` under their content hash and recorded in `media`. */
export function createMediaService({ queries, mediaDir, now }: MediaServiceDeps) {
  sweepStaleTempFiles(mediaDir);
  return {
    /**
     * Stores the image as `<mediaDir>/<sha256>.<ext>` unless that file already holds it, and records
     * it once. The type is decided by the bytes, never by the file name or the declared `mimeType`
     * (a PNG saved as `photo.jpg` is stored as a PNG); bytes that are not a JPEG, PNG, GIF or WebP image
     * (an SVG, HTML, a PDF…) are refused, saying what they look like.
     */
    async importImage({ fileName, dataBase64 }: MediaImportInput): Promise<MediaRef> {
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
        const found = describeNonImage(bytes);
        const svg = found === 'an SVG drawing' ? ' (SVG is not accepted: it can carry scripts)' : '';
        throw new AppError(
          'invalid-input',
          found === null
            ? `${name} is not a JPEG, PNG, GIF or WebP image`
            : `${name} is ${found}, not a JPEG, PNG, GIF or WebP image${svg}`,
        );
      }

      const hash = createHash('sha256').update(bytes).digest('hex');
      const ext = EXTENSION_OF[actual];
      const path = join(mediaDir, `${hash}.${ext}`);
      // The content is compared, not just the size: a damaged file under the name is replaced.
      if (!(await holdsBytes(path, bytes))) {
        await mkdir(mediaDir, { recursive: true });
        try {
          await writeFileAtomically(path, bytes);
        } catch (error) {
          // A concurrent import of the same image may have won the rename (Windows refuses to replace).
          if (!(await holdsBytes(path, bytes))) throw error;
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
