// What XML 1.0 forbids (C0 controls but tab, newline and return; U+FFFE/U+FFFF; lone surrogates), what HTML calls
// control characters (C1), and the explicit bidi embeddings, overrides and isolates that can make text read differently
// from how it is stored ("Trojan Source"); the plain direction marks U+200E/U+200F are kept.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters HTML and XML 1.0 do not allow, nor bidi overrides. */
export function withoutForbiddenChars(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** Whether `text` has a character `withoutForbiddenChars` would remove. */
export function hasForbiddenChars(text: string): boolean {
  FORBIDDEN.lastIndex = 0;
  const found = FORBIDDEN.test(text);
  FORBIDDEN.lastIndex = 0;
  return found;
}

/** How deep `cleanStrings` follows nested arrays and objects: far beyond any story body, far below the stack's limit. */
export const MAX_JSON_DEPTH = 200;

/**
 * A JSON value with `withoutForbiddenChars` applied to every string in it, keys included. When nothing needed
 * cleaning the value itself comes back (the same object), so a clean story body is not copied on every save.
 * @throws RangeError when the value nests deeper than `MAX_JSON_DEPTH`.
 */
export function cleanStrings<T>(value: T, depth = 0): T {
  if (typeof value === 'string')
    return (hasForbiddenChars(value) ? withoutForbiddenChars(value) : value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_JSON_DEPTH) throw new RangeError(`Nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => cleanStrings(item, depth + 1));
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const entries = Object.entries(value);
  const cleaned = entries.map(([key, item]) => [cleanStrings(key), cleanStrings(item, depth + 1)] as const);
  const changed = cleaned.some(([key, item], i) => key !== entries[i]![0] || item !== entries[i]![1]);
  return (changed ? Object.fromEntries(cleaned) : value) as T;
}
