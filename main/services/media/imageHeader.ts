import type { ImageType } from '../../../shared/domain/media';

/** Pixel size read from an image header. */
export interface ImageSize {
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const ascii = (bytes: Uint8Array, offset: number, text: string): boolean =>
  bytes.length >= offset + text.length &&
  [...text].every((char, index) => bytes[offset + index] === char.charCodeAt(0));

/** The image type the bytes really are, by magic number; null for anything else. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.equals(bytes.subarray(0, 8))) return 'image/png';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'image/gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  return null;
}

const sized = (width: number, height: number): ImageSize | null =>
  width > 0 && height > 0 ? { width, height } : null;

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): ImageSize | null {
  if (bytes.length < 24 || !ascii(bytes, 12, 'IHDR')) return null;
  return sized(bytes.readUInt32BE(16), bytes.readUInt32BE(20));
}

/** Width and height from a GIF's logical screen descriptor. */
export function gifSize(bytes: Buffer): ImageSize | null {
  if (bytes.length < 10) return null;
  return sized(bytes.readUInt16LE(6), bytes.readUInt16LE(8));
}

const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** Width and height from the first SOFn segment of a JPEG (the stored size, before any EXIF rotation). */
export function jpegSize(bytes: Buffer): ImageSize | null {
  let offset = 2;
  while (offset + 1 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda || offset + 4 > bytes.length) return null;
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (offset + 9 > bytes.length) return null;
      return sized(bytes.readUInt16BE(offset + 7), bytes.readUInt16BE(offset + 5));
    }
    offset += 2 + length;
  }
  return null;
}

/** Canvas width and height of a WebP: lossy (VP8), lossless (VP8L) or extended (VP8X). */
export function webpSize(bytes: Buffer): ImageSize | null {
  if (bytes.length < 30) return null;
  if (ascii(bytes, 12, 'VP8 ')) {
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null;
    return sized(bytes.readUInt16LE(26) & 0x3fff, bytes.readUInt16LE(28) & 0x3fff);
  }
  if (ascii(bytes, 12, 'VP8L')) {
    if (bytes[20] !== 0x2f) return null;
    const bits = bytes.readUInt32LE(21);
    return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (ascii(bytes, 12, 'VP8X')) return sized(bytes.readUIntLE(24, 3) + 1, bytes.readUIntLE(27, 3) + 1);
  return null;
}

const readers: Record<ImageType, (bytes: Buffer) => ImageSize | null> = {
  'image/png': pngSize,
  'image/gif': gifSize,
  'image/jpeg': jpegSize,
  'image/webp': webpSize,
};

/** The pixel size recorded in the header of an image of `type`, or null when it cannot be read. */
export function imageSize(bytes: Buffer, type: ImageType): ImageSize | null {
  return readers[type](bytes);
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const HTML_TAGS = new Set(['html', 'head', 'body', 'script', 'meta', 'title', 'link', 'style', 'iframe']);

/**
 * The name of the first element of a markup text, or of its doctype, skipping a byte-order mark,
 * white space, XML declarations and comments; null when the text does not start with markup.
 */
function firstMarkupName(text: string): string | null {
  let rest = text.replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.trimStart();
    const close = rest.startsWith('<?') ? '?>' : rest.startsWith('<!--') ? '-->' : null;
    if (close === null) break;
    const end = rest.indexOf(close);
    if (end < 0) return null;
    rest = rest.slice(end + close.length);
  }
  const name = /^<!doctype\s+([a-z][\w:-]*)/i.exec(rest) ?? /^<([a-z][\w:-]*)/i.exec(rest);
  return name ? name[1]!.toLowerCase() : null;
}

/** Control bytes that text holds: tab, line feed, vertical tab, form feed, carriage return. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

/** Whether `head` reads as text: valid UTF-8 without control characters other than white space. */
function looksLikeText(head: Buffer): boolean {
  if (head.some((byte) => (byte < 0x20 && !TEXT_CONTROLS.has(byte)) || byte === 0x7f)) return false;
  try {
    // Streaming, so a multi-byte character cut at the end of `head` is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * What bytes that are not a JPEG, PNG, GIF or WebP image appear to be, for the refusal message
 * (`an SVG drawing`, `a PDF document`, …); null when they are nothing recognisable.
 */
export function describeNonImage(bytes: Buffer): string | null {
  if (ascii(bytes, 0, '%PDF-')) return 'a PDF document';
  if (ascii(bytes, 4, 'ftyp') && bytes.length >= 12) {
    const brand = bytes.toString('latin1', 8, 12);
    if (HEIF_BRANDS.has(brand)) return 'a HEIC/HEIF image';
    if (brand === 'avif' || brand === 'avis') return 'an AVIF image';
    return 'an MP4 or QuickTime media file';
  }
  if (ascii(bytes, 0, 'II*\0') || ascii(bytes, 0, 'MM\0*')) return 'a TIFF or camera raw image';
  if (ascii(bytes, 0, 'BM') && bytes.length >= 14 && bytes.readUInt32LE(6) === 0) return 'a BMP image';
  if (ascii(bytes, 0, '8BPS')) return 'a Photoshop document';
  if (ascii(bytes, 0, 'PK\u0003\u0004')) return 'a ZIP archive or Office document';
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'a gzip-compressed file';
  if (ascii(bytes, 0, 'RIFF')) return 'a RIFF audio or video file';
  const head = bytes.subarray(0, 8192);
  if (!looksLikeText(head)) return null;
  const text = head.toString('utf8');
  const name = firstMarkupName(text);
  if (name === 'svg' || name?.endsWith(':svg')) return 'an SVG drawing';
  if (name !== null && HTML_TAGS.has(name)) return 'an HTML page';
  // An SVG whose root comes after a long doctype (Illustrator's entity declarations, for one).
  if (/<svg[\s>]/i.test(text)) return 'an SVG drawing';
  if (name !== null) return 'an XML or HTML document';
  return 'a text file';
}
