import type { JSONContent } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { parseStoryDoc } from './parseStoryDoc';

/** Stands for an inline node that is not text (a hard break, an inline atom): one position, never matched. */
const NOT_TEXT = '\uFFFC';

interface Block {
  /** Position of the block's first inline child. */
  start: number;
  /** Its inline content, one character per position. */
  text: string;
}

function textBlocks(doc: ProseMirrorNode): Block[] {
  const blocks: Block[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = '';
    node.forEach((child) => (text += child.isText ? (child.text ?? '') : NOT_TEXT.repeat(child.nodeSize)));
    blocks.push({ start: pos + 1, text });
    return false;
  });
  return blocks;
}

/**
 * The text each comment is anchored to in `body`: its first stretch of anchored text within one block, so a
 * comment spanning paragraphs is found again by its first part.
 */
export function anchoredTexts(body: JSONContent | ProseMirrorNode): Map<string, string> {
  const doc = body instanceof ProseMirrorNode ? body : parseStoryDoc(body);
  const texts = new Map<string, string>();
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    const open = new Set<string>();
    node.forEach((child) => {
      const here = new Set(
        child.marks.filter((m) => m.type.name === 'commentAnchor').map((m) => String(m.attrs.commentId)),
      );
      for (const id of open) if (!here.has(id)) open.delete(id);
      for (const id of here) {
        if (texts.has(id) && !open.has(id)) continue;
        texts.set(id, (texts.get(id) ?? '') + (child.isText ? (child.text ?? '') : NOT_TEXT));
        open.add(id);
      }
    });
    return false;
  });
  return texts;
}

/**
 * `body` with each comment of `wanted` that it does not anchor anchored again to the first place where its text
 * appears whole within one block; a comment whose text is not there stays unanchored (orphaned).
 * @throws InvalidDocumentError when `body` is not a valid story body.
 */
export function reanchorComments<Body extends JSONContent>(body: Body, wanted: Map<string, string>): Body {
  const doc = parseStoryDoc(body);
  const present = anchoredTexts(doc);
  const missing = [...wanted].filter(([id, text]) => !present.has(id) && text.trim() !== '');
  if (missing.length === 0) return body;
  const blocks = textBlocks(doc);
  const transform = new Transform(doc);
  const markType = doc.type.schema.marks.commentAnchor!;
  for (const [commentId, text] of missing) {
    for (const block of blocks) {
      const at = block.text.indexOf(text);
      if (at < 0) continue;
      const from = block.start + at;
      transform.addMark(from, from + text.length, markType.create({ commentId }));
      break;
    }
  }
  return transform.docChanged ? (transform.doc.toJSON() as Body) : body;
}
