import { Heading } from '@tiptap/extension-heading';

const LEVELS = [2, 3] as const;

function assertLevel(value: unknown): void {
  if (!LEVELS.includes(value as 2 | 3))
    throw new RangeError(`Headings are level 2 or 3, not ${String(value)}`);
}

/** Headings of level 2 and 3 only; foreign h1 becomes a level 2, h4–h6 a level 3. */
export const StoryHeading = Heading.extend({
  addAttributes() {
    return { level: { default: 2, rendered: false, validate: assertLevel } };
  },

  parseHTML() {
    return ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag, index) => ({
      tag,
      attrs: { level: index < 2 ? 2 : 3 },
    }));
  },
}).configure({ levels: [...LEVELS] });
