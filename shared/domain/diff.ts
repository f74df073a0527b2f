/** One run of a word diff, in reading order; `text` keeps the spacing of the text it came from. */
export interface DiffPart {
  kind: 'same' | 'ins' | 'del';
  text: string;
}

/** Beyond this many edits the changed middle is shown as one deletion and one insertion. */
export const MAX_EDIT_DISTANCE = 2000;

/** Words with the whitespace that follows them (leading whitespace rides on the first token). */
export function wordTokens(text: string): string[] {
  const tokens = text.match(/\s*\S+\s*/g);
  return tokens ?? (text ? [text] : []);
}

function intern(a: string[], b: string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const idOf = (token: string) => {
    const key = token.trim();
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  return [Int32Array.from(a, idOf), Int32Array.from(b, idOf)];
}

type Op = 0 | 1 | 2; // same, insert, delete

/** Myers' O(ND) shortest edit script between a[lo..] and b[lo..], or null past MAX_EDIT_DISTANCE. */
function myers(
  a: Int32Array,
  b: Int32Array,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
): Op[] | null {
  const n = aEnd - aStart;
  const m = bEnd - bStart;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aStart + x] === b[bStart + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, d);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number, dEnd: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const snapshot = trace[d]!;
    const at = (k: number) => snapshot[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push(0);
      x--;
      y--;
    }
    ops.push(down ? 1 : 2);
    if (down) y--;
    else x--;
  }
  while (x > 0 && y > 0) {
    ops.push(0);
    x--;
    y--;
  }
  return ops.reverse();
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** Word-level differences between two texts: deletions come before the insertions that replace them. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = wordTokens(before);
  const b = wordTokens(after);
  const [ia, ib] = intern(a, b);
  let start = 0;
  while (start < ia.length && start < ib.length && ia[start] === ib[start]) start++;
  let endA = ia.length;
  let endB = ib.length;
  while (endA > start && endB > start && ia[endA - 1] === ib[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  if (start > 0) push(parts, 'same', b.slice(0, start).join(''));
  const ops = myers(ia, ib, start, endA, start, endB);
  if (ops) {
    let i = start;
    let j = start;
    let pendingIns = '';
    for (const op of ops) {
      if (op === 0) {
        if (pendingIns) push(parts, 'ins', pendingIns);
        pendingIns = '';
        push(parts, 'same', b[j]!);
        i++;
        j++;
      } else if (op === 1) {
        pendingIns += b[j++]!;
      } else {
        push(parts, 'del', a[i++]!);
      }
    }
    if (pendingIns) push(parts, 'ins', pendingIns);
  } else {
    if (endA > start) push(parts, 'del', a.slice(start, endA).join(''));
    if (endB > start) push(parts, 'ins', b.slice(start, endB).join(''));
  }
  if (endB < b.length) push(parts, 'same', b.slice(endB).join(''));
  return parts;
}

/** How many words a diff inserts and deletes. */
export function diffStats(parts: DiffPart[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const part of parts) {
    const words = part.text.trim() ? part.text.trim().split(/\s+/).length : 0;
    if (part.kind === 'ins') inserted += words;
    if (part.kind === 'del') deleted += words;
  }
  return { inserted, deleted };
}
