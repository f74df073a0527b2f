import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Net, Protocol } from 'electron';
import { MAX_IMAGE_BYTES, type ImageType, type MediaRef } from '../../shared/domain/media';
import type { Result } from '../../shared/ipc/result';
import { serveBrowserHost, type BrowserHost } from '../../main/hosts/serveBrowserHost';
import { serveRenderer } from '../../main/appProtocol';
import { jpegSize } from '../../main/services/media/imageHeader';
import { createCore } from '../../main/core/createCore';
import { testCore } from '../support/testCore';
import { tempDir } from '../support/tempDir';

const be32 = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
const le16 = (n: number) => Buffer.from([n & 255, n >>> 8]);
const le24 = (n: number) => Buffer.from([n & 255, (n >>> 8) & 255, n >>> 16]);
const le32 = (n: number) => Buffer.from([n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24]);

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([be32(data.length), body, be32(crc32(body))]);
}

/** A real RGB PNG: signature, IHDR, one zlib IDAT of unfiltered rows, IEND. */
function png(width: number, height: number): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xc0)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', Buffer.concat([be32(width), be32(height), Buffer.from([8, 2, 0, 0, 0])])),
    pngChunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real two-colour GIF; its LZW stream sends a clear code before every pixel so codes stay 3 bits. */
function gif(width: number, height: number): Buffer {
  const codes = [...Array.from({ length: width * height }, (_, i) => [4, i % 2]).flat(), 5];
  const packed: number[] = [];
  let bits = 0;
  let count = 0;
  for (const code of codes) {
    bits |= code << count;
    count += 3;
    while (count >= 8) {
      packed.push(bits & 255);
      bits >>= 8;
      count -= 8;
    }
  }
  if (count > 0) packed.push(bits & 255);
  const blocks: Buffer[] = [];
  for (let i = 0; i < packed.length; i += 255) {
    const block = packed.slice(i, i + 255);
    blocks.push(Buffer.from([block.length, ...block]));
  }
  return Buffer.concat([
    Buffer.from('GIF89a', 'latin1'),
    le16(width),
    le16(height),
    Buffer.from([0x80, 0, 0, 0xcc, 0x00, 0x33, 0xff, 0xff, 0xff]),
    Buffer.from([0x2c, 0, 0, 0, 0]),
    le16(width),
    le16(height),
    Buffer.from([0, 2]),
    ...blocks,
    Buffer.from([0, 0x3b]),
  ]);
}

/** 5×3 baseline JPEG, 6×4 lossy and 3×7 lossless WebP bitstreams, encoded by Chromium (ICC profile dropped). */
const JPEG_5X3 = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAADAAUDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAaEAACAwEBAAAAAAAAAAAAAAAAAQIRMSFB/8QAFQEBAQAAAAAAAAAAAAAAAAAAAwb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCFOTm7dYlxJYq8AAauf//Z',
  'base64',
);
const VP8_6X4 = Buffer.from(
  'sAEAnQEqBgAEAALATCWoAnQA9Kh2aAD+5QwMLt7YDxc/0/ngdXqI//qDP/9QZ//qDP08AAAA',
  'base64',
);
const VP8L_3X7 = Buffer.from('LwKAAQAPMP+fYf4M8/yHFkYgov8hAA==', 'base64');

function riffChunk(fourcc: string, data: Buffer): Buffer {
  const pad = data.length % 2 === 1 ? Buffer.from([0]) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from(fourcc, 'latin1'), le32(data.length), data, pad]);
}

function webp(...chunks: Buffer[]): Buffer {
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...chunks]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), le32(body.length), body]);
}

/** The extended format: a VP8X header (no optional features) naming the canvas, then the VP8 frame. */
const webpExtended = () =>
  webp(
    riffChunk('VP8X', Buffer.concat([Buffer.from([0, 0, 0, 0]), le24(6 - 1), le24(4 - 1)])),
    riffChunk('VP8 ', VP8_6X4),
  );

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A `media:import` input; `mimeType` is what a browser would report for the file name. */
const input = (bytes: Buffer, mimeType: ImageType, fileName = 'photo') => ({
  fileName,
  mimeType,
  dataBase64: bytes.toString('base64'),
});

function mediaRows(dataDir: string): number {
  const db = new Database(join(dataDir, 'copydesk.db'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM media').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const mediaFilesIn = (dataDir: string): string[] =>
  existsSync(join(dataDir, 'media')) ? readdirSync(join(dataDir, 'media')) : [];

describe('media:import', () => {
  let core: ReturnType<typeof testCore>;
  beforeEach(() => {
    core = testCore();
  });
  afterEach(() => core.dispose());

  const importImage = (payload: unknown) => core.dispatch('media:import', payload);

  async function imported(payload: unknown): Promise<MediaRef> {
    const result = await importImage(payload);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as MediaRef;
  }

  async function refused(payload: unknown): Promise<string> {
    const result = await importImage(payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    return result.ok ? '' : result.error.message;
  }

  it('stores a PNG once under its sha256 and reports the size from its header', async () => {
    const bytes = png(2, 3);
    const ref = await imported(input(bytes, 'image/png', 'chart.png'));
    const hash = sha256(bytes);
    expect(ref).toEqual({
      src: `media/${hash}.png`,
      mimeType: 'image/png',
      bytes: bytes.length,
      width: 2,
      height: 3,
    });
    expect(readFileSync(join(core.dir, ref.src))).toEqual(bytes);
    expect(mediaFilesIn(core.dir)).toEqual([`${hash}.png`]);
  });

  it.each([
    ['a baseline JPEG', JPEG_5X3, 'image/jpeg', 'jpg', 5, 3],
    ['a GIF', gif(7, 4), 'image/gif', 'gif', 7, 4],
    ['a lossy WebP (VP8)', webp(riffChunk('VP8 ', VP8_6X4)), 'image/webp', 'webp', 6, 4],
    ['a lossless WebP (VP8L)', webp(riffChunk('VP8L', VP8L_3X7)), 'image/webp', 'webp', 3, 7],
    ['an extended WebP (VP8X)', webpExtended(), 'image/webp', 'webp', 6, 4],
  ] as const)('reads the width and height of %s', async (_name, bytes, mimeType, ext, width, height) => {
    const ref = await imported(input(bytes, mimeType));
    expect(ref).toEqual({
      src: `media/${sha256(bytes)}.${ext}`,
      mimeType,
      bytes: bytes.length,
      width,
      height,
    });
    expect(readFileSync(join(core.dir, ref.src))).toEqual(bytes);
  });

  it('stores the same image once: one file, one row, the same src', async () => {
    const bytes = gif(3, 2);
    const first = await imported(input(bytes, 'image/gif', 'first.gif'));
    const second = await imported(input(bytes, 'image/gif', 'renamed copy.gif'));
    const third = await imported(input(png(1, 1), 'image/png'));
    expect(second).toEqual(first);
    expect(third.src).not.toBe(first.src);
    expect(mediaFilesIn(core.dir).sort()).toEqual([first.src, third.src].map((src) => src.slice(6)).sort());
    expect(mediaRows(core.dir)).toBe(2);
  });

  it('stores images imported at the same moment once, leaving no temp files', async () => {
    const bytes = png(4, 4);
    const refs = await Promise.all(Array.from({ length: 5 }, () => imported(input(bytes, 'image/png'))));
    expect(new Set(refs.map((ref) => ref.src)).size).toBe(1);
    expect(mediaFilesIn(core.dir)).toEqual([`${sha256(bytes)}.png`]);
    expect(mediaRows(core.dir)).toBe(1);
  });

  it('rewrites a stored file that was cut short', async () => {
    const bytes = png(2, 2);
    const ref = await imported(input(bytes, 'image/png'));
    writeFileSync(join(core.dir, ref.src), bytes.subarray(0, 10));
    expect(await imported(input(bytes, 'image/png'))).toEqual(ref);
    expect(readFileSync(join(core.dir, ref.src))).toEqual(bytes);
  });

  it('rewrites a stored file of the right size whose bytes were damaged', async () => {
    const bytes = png(3, 3);
    const ref = await imported(input(bytes, 'image/png'));
    const damaged = Buffer.from(bytes);
    damaged.fill(0, 40, 60);
    writeFileSync(join(core.dir, ref.src), damaged);
    expect(await imported(input(bytes, 'image/png'))).toEqual(ref);
    expect(readFileSync(join(core.dir, ref.src))).toEqual(bytes);
  });

  it.each([
    ['a PNG named .jpg', png(2, 3), 'agency.jpg', 'image/jpeg', 'png', 'image/png', 2, 3],
    ['a JPEG named .png', JPEG_5X3, 'scan.png', 'image/png', 'jpg', 'image/jpeg', 5, 3],
    ['a GIF named .webp', gif(7, 4), 'anim.webp', 'image/webp', 'gif', 'image/gif', 7, 4],
    ['a WebP named .jpg', webpExtended(), 'phone.jpg', 'image/jpeg', 'webp', 'image/webp', 6, 4],
  ] as const)(
    'stores %s by what its bytes are',
    async (_name, bytes, fileName, declared, ext, mimeType, width, height) => {
      const ref = await imported(input(bytes, declared, fileName));
      expect(ref).toEqual({
        src: `media/${sha256(bytes)}.${ext}`,
        mimeType,
        bytes: bytes.length,
        width,
        height,
      });
      expect(readFileSync(join(core.dir, ref.src))).toEqual(bytes);
      expect(mediaFilesIn(core.dir)).toEqual([`${sha256(bytes)}.${ext}`]);
    },
  );

  it('stores a PNG named .jpg once with the same PNG under its own name, or with no declared type', async () => {
    const bytes = png(4, 2);
    const asJpg = await imported(input(bytes, 'image/jpeg', 'IMG_2041.jpg'));
    const asPng = await imported(input(bytes, 'image/png', 'chart.png'));
    const undeclared = await imported({ fileName: 'IMG_2041', dataBase64: bytes.toString('base64') });
    expect(asJpg.src).toBe(`media/${sha256(bytes)}.png`);
    expect(asPng).toEqual(asJpg);
    expect(undeclared).toEqual(asJpg);
    expect(mediaFilesIn(core.dir)).toEqual([`${sha256(bytes)}.png`]);
    expect(mediaRows(core.dir)).toBe(1);
  });

  it('refuses an SVG, an HTML page or a PDF renamed .jpg, saying what it is, and stores nothing', async () => {
    const svg = [
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>',
      '<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In -->',
      '<svg version="1.1" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">',
      '<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
    ].join('\n');
    const illustratorSvg = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [',
      '  <!ENTITY ns_svg "http://www.w3.org/2000/svg">',
      ']>',
      '<svg xmlns="&ns_svg;" onload="alert(1)"/>',
    ].join('\n');
    const html =
      '<!DOCTYPE html>\n<html><head><title>x</title></head><body><script>fetch("/rpc")</script></body></html>';
    const pdf =
      '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
    const notAccepted = 'not a JPEG, PNG, GIF or WebP image';

    expect(await refused(input(Buffer.from(svg), 'image/jpeg', 'logo.jpg'))).toBe(
      `"logo.jpg" is an SVG drawing, ${notAccepted} (SVG is not accepted: it can carry scripts)`,
    );
    expect(await refused(input(Buffer.from(illustratorSvg), 'image/jpeg', 'map.jpg'))).toBe(
      `"map.jpg" is an SVG drawing, ${notAccepted} (SVG is not accepted: it can carry scripts)`,
    );
    expect(
      await refused(input(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png')),
    ).toMatch(/^"photo" is an SVG drawing, not a JPEG/);
    expect(await refused(input(Buffer.from(html), 'image/jpeg', 'story.jpg'))).toBe(
      `"story.jpg" is an HTML page, ${notAccepted}`,
    );
    expect(await refused(input(Buffer.from(pdf, 'latin1'), 'image/jpeg', 'report.jpg'))).toBe(
      `"report.jpg" is a PDF document, ${notAccepted}`,
    );
    expect(
      await refused({ fileName: 'wire.jpg', dataBase64: Buffer.from(pdf, 'latin1').toString('base64') }),
    ).toBe(`"wire.jpg" is a PDF document, ${notAccepted}`);
    expect(await refused(input(Buffer.from('RIFF\0\0\0\0WAVEfmt '), 'image/webp'))).toMatch(/not a JPEG/);
    expect(
      await refused(input(Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x80]), 'image/jpeg', 'x.jpg')),
    ).toBe(`"x.jpg" is ${notAccepted}`);
    expect(mediaFilesIn(core.dir)).toEqual([]);
    expect(mediaRows(core.dir)).toBe(0);
  });

  it('refuses an empty file', async () => {
    expect(await refused(input(Buffer.alloc(0), 'image/png', 'blank.png'))).toBe('"blank.png" is empty');
  });

  it('refuses data that is not base64 instead of decoding what it can', async () => {
    for (const dataBase64 of ['iVBORw0KGgo!!!', 'not base64 at all', 'iVBORw0KGgo', 'iVBO=w0K']) {
      expect(await refused({ fileName: 'x.png', mimeType: 'image/png', dataBase64 })).toMatch(
        /not valid base64/,
      );
    }
    expect(mediaFilesIn(core.dir)).toEqual([]);
  });

  it('accepts base64 broken into lines', async () => {
    const bytes = png(3, 1);
    const wrapped = bytes.toString('base64').replace(/.{16}/g, '$&\n');
    expect(await imported({ fileName: 'a.png', mimeType: 'image/png', dataBase64: wrapped })).toMatchObject({
      width: 3,
      height: 1,
    });
  });

  it('refuses an image larger than the limit', async () => {
    const bytes = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    png(1, 1).copy(bytes);
    expect(await refused(input(bytes, 'image/png', 'huge.png'))).toMatch(/larger than the 20 MB allowed/);
    expect(mediaFilesIn(core.dir)).toEqual([]);
  });

  it('records a size it cannot read as null', async () => {
    const truncated = png(2, 3).subarray(0, 20);
    expect(await imported(input(truncated, 'image/png'))).toMatchObject({ width: null, height: null });
  });
});

describe('temp files left by an interrupted import', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  const openCore = () =>
    createCore({ dataDir: dir.path, appVersion: '9.9.9-test', host: 'test', log: () => undefined });
  const mediaDir = () => join(dir.path, 'media');
  /** Sets a file's access and modification times to `ms` ago. */
  const age = (name: string, ms: number) => {
    const when = new Date(Date.now() - ms);
    utimesSync(join(mediaDir(), name), when, when);
  };
  const HOUR = 60 * 60 * 1000;

  it('are swept when the core opens once stale, leaving fresh ones, stored images and other files', async () => {
    const bytes = png(3, 2);
    const first = openCore();
    const stored = (await first.dispatch('media:import', input(bytes, 'image/png'))) as Result<MediaRef>;
    first.close();
    if (!stored.ok) throw new Error(stored.error.message);
    const storedName = stored.value.src.slice('media/'.length);
    const other = sha256(png(5, 5));
    // What a crash between writing the temp file and renaming it into place leaves behind.
    const stale = [`${storedName}.0123456789ab.tmp`, `${other}.jpg.ba9876543210.tmp`];
    const fresh = `${other}.png.00ff00ff00ff.tmp`;
    for (const name of [...stale, fresh]) writeFileSync(join(mediaDir(), name), bytes.subarray(0, 7));
    writeFileSync(join(mediaDir(), 'notes.tmp'), 'not ours');
    for (const name of [...stale, storedName, 'notes.tmp']) age(name, 2 * HOUR);
    age(fresh, 5 * 60 * 1000);

    const core = openCore();
    try {
      expect(mediaFilesIn(dir.path).sort()).toEqual([storedName, fresh, 'notes.tmp'].sort());
      expect(readFileSync(join(mediaDir(), storedName))).toEqual(bytes);
      const again = (await core.dispatch('media:import', input(bytes, 'image/png'))) as Result<MediaRef>;
      expect(again).toEqual(stored);
    } finally {
      core.close();
    }
  });
});

describe('JPEG header', () => {
  const segment = (marker: number, body: Buffer) =>
    Buffer.concat([
      Buffer.from([0xff, marker]),
      Buffer.from([(body.length + 2) >> 8, (body.length + 2) & 255]),
      body,
    ]);
  const sof = (marker: number, width: number, height: number) =>
    segment(marker, Buffer.from([8, height >> 8, height & 255, width >> 8, width & 255, 3]));

  it('skips other segments and fill bytes to the first frame header, progressive included', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      segment(0xe1, Buffer.from('Exif\0\0 not a frame header')),
      segment(0xc4, Buffer.alloc(20)),
      Buffer.from([0xff]),
      sof(0xc2, 4000, 3000),
    ]);
    expect(jpegSize(bytes)).toEqual({ width: 4000, height: 3000 });
  });

  it('gives up at the scan or at a broken segment', () => {
    const start = Buffer.from([0xff, 0xd8]);
    expect(jpegSize(Buffer.concat([start, segment(0xda, Buffer.alloc(4)), sof(0xc0, 1, 1)]))).toBeNull();
    expect(jpegSize(Buffer.concat([start, Buffer.from([0x00, 0x11])]))).toBeNull();
    expect(jpegSize(Buffer.concat([start, sof(0xc0, 0, 10)]))).toBeNull();
  });
});

describe('serving media', () => {
  let dir: ReturnType<typeof tempDir>;
  let host: BrowserHost;
  let stored: MediaRef;
  const bytes = png(2, 3);
  const TOKEN = 'media-test-token-0123456789';

  beforeAll(async () => {
    dir = tempDir();
    const staticDir = join(dir.path, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Copydesk</title>');
    host = await serveBrowserHost({ dataDir: join(dir.path, 'data'), port: 0, token: TOKEN, staticDir });
    const response = await fetch(`${host.web.url}/rpc/media:import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(input(bytes, 'image/png')),
    });
    stored = ((await response.json()) as Result<MediaRef> & { ok: true }).value;
    writeFileSync(join(dir.path, 'data', 'media', 'notes.txt'), 'not an image');
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });

  /** Raw HTTP, the path sent exactly as written, so `..` tricks reach the server unnormalised. */
  function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
    return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
      (resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: host.web.port, path, method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        });
        req.on('error', reject);
        req.end();
      },
    );
  }

  it('serves a stored image at its src without a token, cached for good', async () => {
    const reply = await get(`/${stored.src}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(bytes);
    expect(reply.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(bytes.length),
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    const head = await get(`/${stored.src}`, {}, 'HEAD');
    expect([head.status, head.body.length, head.headers['content-type']]).toEqual([200, 0, 'image/png']);
  });

  it('still refuses a foreign Host or a cross-site request', async () => {
    expect(
      (await get(`/${stored.src}`, { 'Sec-Fetch-Site': 'same-origin', Origin: host.web.url })).status,
    ).toBe(200);
    const rebound = await get(`/${stored.src}`, { Host: `evil.example:${host.web.port}` });
    const hotlinked = await get(`/${stored.src}`, { 'Sec-Fetch-Site': 'cross-site' });
    const foreign = await get(`/${stored.src}`, { Origin: 'http://evil.example' });
    expect([rebound.status, hotlinked.status, foreign.status]).toEqual([403, 403, 403]);
  });

  it('answers 404 for anything but a stored content-hash name', async () => {
    const hash = stored.src.slice('media/'.length, -'.png'.length);
    expect((await get(`/media/${hash}.png`)).status).toBe(200);
    for (const path of [
      '/media/../data/copydesk.db',
      '/media/%2e%2e/copydesk.db',
      '/media/..%2fcopydesk.db',
      '/media/..%2f..%2fdata%2fcopydesk.db',
      `/media/${hash}.png%00.txt`,
      `/media/${hash}.png/`,
      `/media/${hash.toUpperCase()}.png`,
      `/media/${hash}.PNG`,
      `/media/${hash}.svg`,
      `/media/${hash.slice(1)}.png`,
      `/media/${'0'.repeat(64)}.png`,
      '/media/notes.txt',
      '/media/',
    ]) {
      const reply = await get(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body.includes(bytes), path).toBe(false);
      expect(reply.body.toString(), path).not.toContain('not an image');
      expect(reply.body.toString(), path).not.toContain('SQLite');
    }
  });
});

describe('serving media in Electron', () => {
  let dir: ReturnType<typeof tempDir>;
  let handler: (request: Request) => Promise<Response>;
  const bytes = gif(2, 2);
  const hash = sha256(bytes);

  beforeAll(() => {
    dir = tempDir();
    mkdirSync(join(dir.path, 'renderer'));
    mkdirSync(join(dir.path, 'media'));
    writeFileSync(join(dir.path, 'renderer', 'index.html'), '<!doctype html><title>Copydesk</title>');
    writeFileSync(join(dir.path, 'media', `${hash}.gif`), bytes);
    writeFileSync(join(dir.path, 'secret.txt'), 'outside');
    const protocol = {
      handle: (_scheme: string, handle: typeof handler) => {
        handler = handle;
      },
    } as unknown as Pick<Protocol, 'handle'>;
    const net = {
      fetch: async (url: string) => new Response(await readFile(fileURLToPath(url))),
    } as unknown as Pick<Net, 'fetch'>;
    serveRenderer(protocol, net, join(dir.path, 'renderer'), join(dir.path, 'media'));
  });
  afterAll(() => dir.remove());

  const fetchApp = (url: string) => handler(new Request(url));

  it('serves copydesk://app/media/<hash>.<ext> from the media folder', async () => {
    const response = await fetchApp(`copydesk://app/media/${hash}.gif`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/gif');
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    expect((await fetchApp('copydesk://app/')).status).toBe(200);
  });

  it('refuses other names and other hosts', async () => {
    expect((await fetchApp(`copydesk://app/media/${hash}.gif`)).status).toBe(200);
    for (const url of [
      `copydesk://app/media/${hash}.png`,
      'copydesk://app/media/..%2fsecret.txt',
      'copydesk://app/media/%2e%2e/secret.txt',
      `copydesk://other/media/${hash}.gif`,
    ]) {
      expect((await fetchApp(url)).status, url).toBe(404);
    }
  });
});
