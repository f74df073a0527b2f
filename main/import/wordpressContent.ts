import { escapeHtml } from '../../shared/editor';

/** Looks up an attachment's file address by its post id (for `[gallery ids="…"]`). */
export type AttachmentUrl = (id: string) => string | undefined;

const SHORTCODE_ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g;
const BLOCK_TAGS =
  /^<\/?(p|div|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|thead|tbody|tr|td|th|pre|hr|aside|section|dl|dd|dt|address|iframe|form|details)\b/i;

function attributesOf(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(SHORTCODE_ATTRIBUTE))
    attributes[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  return attributes;
}

const linkParagraph = (url: string, label = url) =>
  `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>`;

function caption(attributeSource: string, inner: string): string {
  const attributes = attributesOf(attributeSource);
  const image = /<img\b[^>]*>/i.exec(inner)?.[0] ?? '';
  const link = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>/i.exec(inner)?.[0];
  const text = (attributes.caption ?? inner.replace(link ?? image, '')).replace(/<[^>]*>/g, '').trim();
  if (!image) return text ? `<p>${escapeHtml(text)}</p>` : '';
  return `<figure>${image}${text ? `<figcaption>${escapeHtml(text)}</figcaption>` : ''}</figure>`;
}

function gallery(attributeSource: string, attachmentUrl: AttachmentUrl): string {
  const ids = (attributesOf(attributeSource).ids ?? '').split(',').map((id) => id.trim());
  const images = ids.map(attachmentUrl).filter((url): url is string => Boolean(url));
  if (images.length === 0)
    return '<p><em>[Gallery from the original post: its images were not in the export]</em></p>';
  return images.map((url) => `<figure><img src="${escapeHtml(url)}" alt=""></figure>`).join('\n');
}

function media(kind: string, attributeSource: string, inner: string): string {
  const attributes = attributesOf(attributeSource);
  const url = attributes.src ?? attributes.mp3 ?? attributes.mp4 ?? attributes.url ?? inner.trim();
  const label = kind === 'audio' ? 'Audio' : kind === 'video' ? 'Video' : 'Embedded media';
  return /^https?:\/\//i.test(url) ? linkParagraph(url, `${label}: ${url}`) : `<p><em>[${label}]</em></p>`;
}

/**
 * WordPress's own paragraphs: text without block tags becomes `<p>` at blank lines and `<br>` at
 * single newlines (what `wpautop` does when the site renders a post).
 */
function autoParagraphs(html: string): string {
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_TAGS.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}

/**
 * A post's content as WordPress stores it → plain HTML our schema can take: Gutenberg block comments
 * removed (dynamic blocks such as "latest posts" render nothing outside WordPress), shortcodes
 * (caption, gallery, embed, audio, video) turned into figures, links or readable text, bare embed
 * URLs on their own line into links, and WordPress's implicit paragraphs made explicit.
 */
export function wordpressContentToHtml(
  content: string,
  attachmentUrl: AttachmentUrl = () => undefined,
): string {
  const html = content
    .replace(/<!--\s*(more|nextpage)\b[^>]*-->/gi, '')
    .replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '\n\n')
    .replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_, attributes: string, inner: string) =>
      caption(attributes, inner),
    )
    .replace(/\[gallery([^\]]*)\]/gi, (_, attributes: string) => gallery(attributes, attachmentUrl))
    .replace(
      /\[(embed|audio|video|playlist)([^\]]*)\](?:([\s\S]*?)\[\/\1\])?/gi,
      (_, kind: string, attributes: string, inner = '') =>
        media(kind.toLowerCase(), attributes, inner as string),
    )
    .replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gim, (_, url: string) => linkParagraph(url));
  return autoParagraphs(html);
}
