import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  ts: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string } };
}

const KEY_EVENTS = ['keydown', 'keypress', 'keyup'] as const;

/** What a traced run of typing cost: per key (Gutenberg's metric) and the main thread's busy time per key. */
export interface TypingTrace {
  keystrokes: number[];
  busyMsPerKey: number;
  /** When each key event was being dispatched: [start, end] in trace microseconds. */
  keyEventSpans: [number, number][];
  /** Layout done inside the key events, per key (ms): a DOM selection set after a DOM change forces it there. */
  layoutMsPerKey: number;
  /** Per key, keydown → the end of the first frame painted after its keypress (ms). */
  frames: number[];
}

type KeyEvent = (typeof KEY_EVENTS)[number];
type Span = TraceEvent & { dur: number };

/** The trace's keydown, keypress and keyup dispatches, each in time order. */
function keyDispatches(traceEvents: TraceEvent[]): Record<KeyEvent, Span[]> {
  const byType = { keydown: [], keypress: [], keyup: [] } as Record<KeyEvent, Span[]>;
  for (const event of [...traceEvents].sort((a, b) => a.ts - b.ts)) {
    if (event.name !== 'EventDispatch' || event.ph !== 'X' || event.dur === undefined) continue;
    byType[event.args?.data?.type as KeyEvent]?.push(event as Span);
  }
  return byType;
}

/**
 * Gutenberg's typing metric from a Chrome trace: per typed character, the summed `EventDispatch`
 * durations (ms) of its keydown, keypress and keyup — what each keystroke costs the main thread.
 */
function keystrokeCosts({ keydown, keypress, keyup }: Record<KeyEvent, Span[]>): number[] {
  const count = Math.min(keydown.length, keypress.length, keyup.length);
  return Array.from({ length: count }, (_, i) => (keydown[i]!.dur + keypress[i]!.dur + keyup[i]!.dur) / 1000);
}

/**
 * Keydown → the frame that shows the key: the end of the first frame's paint (`Layerize`, once per frame)
 * after the key's keypress, from the trace itself. A probe in the page (requestAnimationFrame, then a timer)
 * measures when the scheduler next runs an ordinary task instead, which Chromium holds back while keys stream in.
 */
function frameLatencies(
  traceEvents: TraceEvent[],
  { keydown, keypress }: Record<KeyEvent, Span[]>,
): number[] {
  const paints = traceEvents
    .filter((e) => e.name === 'Layerize' && e.ph === 'X' && e.dur !== undefined)
    .map((e) => e.ts + e.dur!)
    .sort((a, b) => a - b);
  return keydown.flatMap((down, i) => {
    const press = keypress[i];
    const painted = press && paints.find((end) => end > press.ts + press.dur);
    return painted ? [(painted - down.ts) / 1000] : [];
  });
}

function layoutInside(traceEvents: TraceEvent[], spans: [number, number][]): number {
  return traceEvents
    .filter(
      (e) =>
        e.name === 'Layout' && e.ph === 'X' && spans.some(([start, end]) => e.ts >= start && e.ts <= end),
    )
    .reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
}

/** A top-level task of a thread: `RunTask` in older Chromium, `ThreadControllerImpl::RunTask` now. */
const TOP_LEVEL_TASK = /^(ThreadControllerImpl::)?RunTask$/;

/** All the tasks of the thread that handled the keys (timers, saves, renders too), in ms. */
function mainThreadBusy(traceEvents: TraceEvent[]): number {
  const keyThread = traceEvents.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  if (!keyThread) return NaN;
  return traceEvents
    .filter(
      (e) =>
        e.ph === 'X' && TOP_LEVEL_TASK.test(e.name) && e.pid === keyThread.pid && e.tid === keyThread.tid,
    )
    .reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
}

/** The keys typed per measurement: words of letters and spaces, as prose is typed. */
export function typedKeys(count: number): string[] {
  return Array.from({ length: count }, (_, i) => (i % 6 === 5 ? ' ' : 'etaoin'[i % 6]!));
}

/** Types `count` characters one key at a time inside a Chrome trace and returns each one's cost. */
export async function traceTyping(browser: Browser, page: Page, count: number): Promise<TypingTrace> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  for (const key of typedKeys(count)) await page.keyboard.press(key === ' ' ? 'Space' : key);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  const keys = keyDispatches(traceEvents);
  const spans = KEY_EVENTS.flatMap((type) => keys[type].map((e): [number, number] => [e.ts, e.ts + e.dur]));
  return {
    keystrokes: keystrokeCosts(keys),
    busyMsPerKey: mainThreadBusy(traceEvents) / count,
    keyEventSpans: spans,
    layoutMsPerKey: layoutInside(traceEvents, spans) / count,
    frames: frameLatencies(traceEvents, keys),
  };
}
