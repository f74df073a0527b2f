import { withoutForbiddenChars } from '../domain/text';
import { VOID_ELEMENTS } from './voidElements';

const ATTRIBUTE_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;

const escapeText = (text: string): string =>
  withoutForbiddenChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Escapes text for HTML or XML content and double-quoted attribute values alike, leaving out the characters HTML
 * and XML 1.0 do not allow.
 */
export const escapeHtml = (value: string): string => escapeText(value).replace(/"/g, '&quot;');

interface StringNode {
  readonly nodeType: number;
  toHtml(): string;
}

class TextNode implements StringNode {
  readonly nodeType = 3;
  constructor(private readonly text: string) {}
  toHtml(): string {
    return escapeText(this.text);
  }
}

class ParentNode implements StringNode {
  readonly nodeType: number = 11;
  readonly children: StringNode[] = [];
  appendChild<T extends StringNode>(child: T): T {
    this.children.push(child);
    return child;
  }
  toHtml(): string {
    return this.children.map((child) => child.toHtml()).join('');
  }
}

class ElementNode extends ParentNode {
  override readonly nodeType = 1;
  private readonly attributes = new Map<string, string>();
  constructor(private readonly tag: string) {
    super();
  }
  setAttribute(name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }
  setAttributeNS(_ns: string, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }
  override toHtml(): string {
    let attributes = '';
    for (const [name, value] of this.attributes)
      if (ATTRIBUTE_NAME.test(name)) attributes += ` ${name}="${escapeHtml(value)}"`;
    const open = `<${this.tag}${attributes}>`;
    return VOID_ELEMENTS.has(this.tag) ? open : `${open}${super.toHtml()}</${this.tag}>`;
  }
}

/**
 * The part of `document` that ProseMirror's DOMSerializer uses, building an HTML string instead of a DOM, so the
 * same serializer renders in Node and in the browser. Tag names come from the schema's own specs.
 */
export const htmlStringDocument = {
  createElement: (tag: string) => new ElementNode(tag.toLowerCase()),
  createElementNS: (_ns: string, tag: string) => new ElementNode(tag),
  createTextNode: (text: string) => new TextNode(text),
  createDocumentFragment: () => new ParentNode(),
};

/** The HTML of what DOMSerializer built on `htmlStringDocument`. */
export const toHtmlString = (node: unknown): string => (node as StringNode).toHtml();
