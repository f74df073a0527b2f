import { Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { MEDIA_SRC } from '../domain/media';
import { insertBetweenBlocks } from './insertBetweenBlocks';
import { isWebUrl } from './linkUrl';
import { elementText, MAX_ATTRIBUTE_TEXT, textAttribute } from './textAttribute';
import type { MediaUrlResolver } from './storyUrl';

/** The attributes of a figure node. */
export interface FigureAttributes {
  src: string;
  alt: string;
  caption: string;
  credit: string;
}

/** Options of the figure node: where its images are served from. */
export interface FigureOptions {
  resolveMediaUrl: MediaUrlResolver;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /**
       * Inserts an image with alt text, caption and credit between paragraphs (`insertBetweenBlocks`), never inside
       * a sentence; refused unless `src` passes `isAllowedMediaSrc`.
       */
      insertFigure: (attributes: {
        src: string;
        alt?: string;
        caption?: string;
        credit?: string;
      }) => ReturnType;
      /** Changes attributes of the selected figure; refused when a new `src` is not allowed. */
      updateFigure: (attributes: Partial<FigureAttributes>) => ReturnType;
    };
  }
}

/** Whether a figure may show `src`: a `media/<sha256 hex>.<ext>` path of the media store, or an http(s) URL. */
export function isAllowedMediaSrc(src: unknown): src is string {
  return typeof src === 'string' && (MEDIA_SRC.test(src) || isWebUrl(src));
}

/** The plain text of a figure: its caption and credit. */
export function figureText({ caption, credit }: Pick<FigureAttributes, 'caption' | 'credit'>): string {
  return [caption, credit].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ');
}

function attributesOf(img: Element | null, container: Element | null): FigureAttributes | false {
  const src = img?.getAttribute('src')?.trim();
  if (!isAllowedMediaSrc(src)) return false;
  const figcaption = container?.querySelector('figcaption');
  const captionSpan = figcaption?.querySelector('.caption');
  const creditSpan = figcaption?.querySelector('.credit');
  const structured = captionSpan || creditSpan;
  return {
    src,
    alt: (img?.getAttribute('alt') ?? '').slice(0, MAX_ATTRIBUTE_TEXT),
    caption: structured ? elementText(captionSpan) : elementText(figcaption),
    credit: elementText(creditSpan),
  };
}

/**
 * The HTML of a figure. The source is checked again here, whatever the document says: a figure whose image
 * is not allowed renders as its caption only.
 */
export function figureSpec(
  { src, alt, caption, credit }: FigureAttributes,
  resolveMediaUrl: MediaUrlResolver,
): DOMOutputSpec {
  const captionParts: (DOMOutputSpec | string)[] = [];
  if (caption) captionParts.push(['span', { class: 'caption' }, String(caption)]);
  if (caption && credit) captionParts.push(' ');
  if (credit) captionParts.push(['span', { class: 'credit' }, String(credit)]);
  const url = safeImageSrc(src, resolveMediaUrl);
  const img: DOMOutputSpec[] = url === null ? [] : [['img', { src: url, alt: String(alt) }]];
  return captionParts.length > 0 ? ['figure', ...img, ['figcaption', ...captionParts]] : ['figure', ...img];
}

/**
 * The URL an `<img>` shows for a stored image `src` (a figure's or the featured image), or null when it must not be
 * shown: `src` must pass `isAllowedMediaSrc`, and what `resolveMediaUrl` makes of it must be an http(s) URL or a
 * relative path.
 */
export function safeImageSrc(
  src: unknown,
  resolveMediaUrl: MediaUrlResolver = (same) => same,
): string | null {
  if (!isAllowedMediaSrc(src)) return null;
  const url = resolveMediaUrl(src);
  if (isWebUrl(url)) return url;
  return /^[\w./-]+$/.test(url) && !url.startsWith('//') ? url : null;
}

function assertMediaSrc(value: unknown): void {
  if (!isAllowedMediaSrc(value))
    throw new RangeError(`Not an allowed image source: ${JSON.stringify(value)}`);
}

/**
 * An image with alt text, caption and credit. Renders
 * `<figure><img src alt><figcaption><span class="caption">…</span> <span class="credit">…</span></figcaption></figure>`.
 */
export const Figure = Node.create<FigureOptions>({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { resolveMediaUrl: (src) => src };
  },

  addAttributes() {
    return {
      src: { isRequired: true, rendered: false, parseHTML: () => null, validate: assertMediaSrc },
      alt: textAttribute,
      caption: textAttribute,
      credit: textAttribute,
    };
  },

  parseHTML() {
    return [
      { tag: 'figure', getAttrs: (figure) => attributesOf(figure.querySelector('img'), figure) },
      { tag: 'img[src]', getAttrs: (img) => attributesOf(img, null) },
    ];
  },

  renderHTML({ node }) {
    return figureSpec(node.attrs as FigureAttributes, this.options.resolveMediaUrl);
  },

  renderText({ node }) {
    return figureText(node.attrs as FigureAttributes);
  },

  addCommands() {
    return {
      insertFigure:
        ({ src, alt = '', caption = '', credit = '' }) =>
        ({ state, tr, dispatch }) => {
          if (!isAllowedMediaSrc(src)) return false;
          if (dispatch) insertBetweenBlocks(state, tr, this.type.create({ src, alt, caption, credit }));
          return true;
        },
      updateFigure:
        (attributes) =>
        ({ commands }) =>
          (attributes.src === undefined || isAllowedMediaSrc(attributes.src)) &&
          commands.updateAttributes(this.name, attributes),
    };
  },
});
