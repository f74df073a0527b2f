/** Deeper than any story document: a TipTap body nests a few levels per list or quote. */
export const MAX_INPUT_DEPTH = 200;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why an input cannot be taken whatever its channel's schema says, or null. A lone surrogate would be
 * stored as U+FFFD (the text silently changed); absurd nesting only serves to exhaust the stack.
 * Walks without recursion, so the check itself cannot overflow.
 */
export function hostileInputReason(input: unknown): string | null {
  const stack: [unknown, number][] = [[input, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return 'text contains an unpaired UTF-16 surrogate';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) return `input is nested deeper than ${MAX_INPUT_DEPTH} levels`;
    for (const [key, child] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) return 'a field name contains an unpaired UTF-16 surrogate';
      stack.push([child, depth + 1]);
    }
  }
  return null;
}
