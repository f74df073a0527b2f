import { OrderedList } from '@tiptap/extension-list';

const LIST_TYPES = new Set(['1', 'a', 'A', 'i', 'I']);
const MAX_START = 1_000_000;

const isStart = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_START;

/** Numbered lists whose `start` is a sane number and `type` one of HTML's list types, whatever was pasted. */
export const StoryOrderedList = OrderedList.extend({
  addAttributes() {
    const parent = (this.parent?.() ?? {}) as { type?: { parseHTML?: (element: HTMLElement) => unknown } };
    return {
      start: {
        default: 1,
        parseHTML: (element: HTMLElement) => {
          const start = Number.parseInt(element.getAttribute('start') ?? '1', 10);
          return isStart(start) ? start : 1;
        },
        validate: (value: unknown) => {
          if (!isStart(value)) throw new RangeError(`Not a list start: ${JSON.stringify(value)}`);
        },
      },
      type: {
        default: null,
        parseHTML: (element: HTMLElement) => {
          const type: unknown = parent.type?.parseHTML?.(element);
          return typeof type === 'string' && LIST_TYPES.has(type) ? type : null;
        },
        validate: (value: unknown) => {
          if (value !== null && !(typeof value === 'string' && LIST_TYPES.has(value)))
            throw new RangeError(`Not a list type: ${JSON.stringify(value)}`);
        },
      },
    };
  },
});
