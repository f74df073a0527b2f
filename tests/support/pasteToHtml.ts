import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { parseForeignHtml, pasteParser, storySchema, storyToHtml } from '../../shared/editor';

/**
 * What a paste of `html` becomes in a story, as the story's HTML: parsed as the editor parses a paste. Inline
 * content at the open ends of the slice (which the editor merges into the paragraph pasted into) is shown as
 * paragraphs.
 */
export function pasteToHtml(html: string): string {
  const schema = storySchema();
  const { content } = parseForeignHtml(html, document, pasteParser(schema));
  const blocks: ProseMirrorNode[] = [];
  let inline: ProseMirrorNode[] = [];
  const flush = () => {
    if (inline.length > 0) blocks.push(schema.nodes.paragraph!.create(null, inline));
    inline = [];
  };
  content.forEach((node) => {
    if (node.isInline) inline.push(node);
    else {
      flush();
      blocks.push(node);
    }
  });
  flush();
  return storyToHtml(schema.topNodeType.create(null, blocks));
}
