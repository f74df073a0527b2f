import { createReadStream, statSync } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportError } from '../importError';

/** One `<item>` of a WordPress export, as written there. */
export interface WxrItem {
  title: string;
  link: string;
  guid: string;
  creator: string;
  content: string;
  excerpt: string;
  postId: string;
  postDateGmt: string;
  postDate: string;
  modifiedGmt: string;
  name: string;
  status: string;
  postType: string;
  postParent: string;
  password: string;
  attachmentUrl: string;
  /** `domain="category"` terms by nicename, and `post_tag` terms by name. */
  categories: { nicename: string; name: string }[];
  tags: string[];
  meta: Record<string, string>;
}

export type WxrEvent =
  | { kind: 'site'; link: string; version: string }
  | { kind: 'author'; login: string; displayName: string }
  | { kind: 'category'; nicename: string; name: string; parent: string }
  | { kind: 'item'; item: WxrItem };

export interface WxrProgress {
  bytesRead: number;
  totalBytes: number;
}

const emptyItem = (): WxrItem => ({
  title: '',
  link: '',
  guid: '',
  creator: '',
  content: '',
  excerpt: '',
  postId: '',
  postDateGmt: '',
  postDate: '',
  modifiedGmt: '',
  name: '',
  status: '',
  postType: '',
  postParent: '',
  password: '',
  attachmentUrl: '',
  categories: [],
  tags: [],
  meta: {},
});

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title',
  link: 'link',
  guid: 'guid',
  'dc:creator': 'creator',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'postId',
  'wp:post_date_gmt': 'postDateGmt',
  'wp:post_date': 'postDate',
  'wp:post_modified_gmt': 'modifiedGmt',
  'wp:post_name': 'name',
  'wp:status': 'status',
  'wp:post_type': 'postType',
  'wp:post_parent': 'postParent',
  'wp:post_password': 'password',
  'wp:attachment_url': 'attachmentUrl',
};

const ENCODINGS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

/**
 * Streams a WordPress export (WXR 1.0–1.2) and yields its authors, categories and items one by one,
 * so memory stays bounded whatever the file's size. Refuses (ImportError) a file over `maxBytes`,
 * in an encoding other than UTF-8, not well-formed, truncated, or not a WordPress export.
 */
export async function* readWxr(
  file: string,
  options: { maxBytes: number; onProgress?: (progress: WxrProgress) => void },
): AsyncGenerator<WxrEvent> {
  const totalBytes = statSync(file).size;
  if (totalBytes > options.maxBytes) {
    throw new ImportError(
      `${file} is ${megabytes(totalBytes)}, over the import limit of ${megabytes(options.maxBytes)} (raise it with --max-size).`,
    );
  }
  const parser = new SaxesParser({ position: true, xmlns: false });
  const pending: WxrEvent[] = [];
  const path: string[] = [];
  let text = '';
  let item: WxrItem | null = null;
  let category: { nicename: string; name: string; parent: string } | null = null;
  let author: { login: string; displayName: string } | null = null;
  let term: { domain: string; nicename: string } | null = null;
  let metaKey = '';
  let siteLink = '';
  let version = '';
  let sawRss = false;
  let sawChannelItem = false;

  parser.on('xmldecl', ({ encoding }) => {
    if (encoding && !ENCODINGS.has(encoding.toLowerCase()))
      throw new ImportError(`${file} is in the encoding "${encoding}"; only UTF-8 exports can be imported.`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (path.length === 0) {
      if (tag.name !== 'rss')
        throw new ImportError(`${file} is not a WordPress export (its root is <${tag.name}>).`);
      sawRss = true;
    }
    path.push(tag.name);
    text = '';
    if (tag.name === 'item') {
      item = emptyItem();
      sawChannelItem = true;
    } else if (tag.name === 'wp:category' && !item) category = { nicename: '', name: '', parent: '' };
    else if (tag.name === 'wp:author' && !item) author = { login: '', displayName: '' };
    else if (tag.name === 'category' && item) {
      term = { domain: String(tag.attributes.domain ?? ''), nicename: String(tag.attributes.nicename ?? '') };
    }
  });
  const onText = (chunk: string) => {
    text += chunk;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    const name = tag.name;
    path.pop();
    const parent = path.at(-1);
    const value = text;
    text = '';
    if (item) {
      if (name === 'item') {
        pending.push({ kind: 'item', item });
        item = null;
      } else if (name === 'category' && term) {
        if (term.domain === 'category') item.categories.push({ nicename: term.nicename, name: value.trim() });
        else if (term.domain === 'post_tag') item.tags.push(value.trim());
        term = null;
      } else if (name === 'wp:meta_key') metaKey = value;
      else if (name === 'wp:meta_value' && metaKey) item.meta[metaKey] = value;
      else if (parent === 'item' && name in ITEM_FIELDS) {
        const field = ITEM_FIELDS[name]!;
        (item[field] as string) = field === 'content' || field === 'excerpt' ? value : value.trim();
      }
      return;
    }
    if (category) {
      if (name === 'wp:category') {
        pending.push({ kind: 'category', ...category });
        category = null;
      } else if (name === 'wp:category_nicename') category.nicename = value.trim();
      else if (name === 'wp:cat_name') category.name = value.trim();
      else if (name === 'wp:category_parent') category.parent = value.trim();
      return;
    }
    if (author) {
      if (name === 'wp:author') {
        pending.push({ kind: 'author', ...author });
        author = null;
      } else if (name === 'wp:author_login') author.login = value.trim();
      else if (name === 'wp:author_display_name') author.displayName = value.trim();
      return;
    }
    if (name === 'wp:wxr_version') {
      version = value.trim();
      pending.push({ kind: 'site', link: siteLink, version });
    } else if (name === 'link' && parent === 'channel') siteLink = value.trim();
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytesRead = 0;
  const where = () => `line ${parser.line}, column ${parser.column}`;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
      const bytes = chunk as Buffer;
      bytesRead += bytes.length;
      parser.write(decoder.decode(bytes, { stream: true }));
      options.onProgress?.({ bytesRead, totalBytes });
      yield* pending.splice(0);
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof TypeError && /encod|decode/i.test(error.message))
      throw new ImportError(
        `${file} is not valid UTF-8 (near byte ${bytesRead}); only UTF-8 exports can be imported.`,
      );
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      `${file} is not well-formed XML (${where()}): ${message.replace(/^.*?:\d+:\d+: /, '')}`,
    );
  }
  yield* pending.splice(0);
  if (!sawRss || (!version && !sawChannelItem))
    throw new ImportError(`${file} is not a WordPress export (no <wp:wxr_version>).`);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
