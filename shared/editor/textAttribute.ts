/** The longest alt text, caption, credit, headline or link title a story body may carry. */
export const MAX_ATTRIBUTE_TEXT = 2000;

/** Whether `value` can be the text of an attribute such as alt, caption or credit. */
export const isAttributeText = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_ATTRIBUTE_TEXT;

export function assertAttributeText(value: unknown): void {
  if (!isAttributeText(value))
    throw new RangeError(`Expected text of at most ${MAX_ATTRIBUTE_TEXT} characters`);
}

/** The text of an element as one line, cut to what an attribute may hold. */
export const elementText = (element: Element | null | undefined): string =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_ATTRIBUTE_TEXT);

/** A plain-text attribute that is stored in the document and never rendered as an HTML attribute as is. */
export const textAttribute = {
  default: '',
  rendered: false,
  parseHTML: () => null,
  validate: assertAttributeText,
} as const;
