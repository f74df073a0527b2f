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

/**
 * Gutenberg's typing metric from a Chrome trace: per typed character, the summed `EventDispatch`
 * durations (ms) of its keydown, keypress and keyup — what each keystroke costs the main thread.
 */
export function keystrokeCosts(traceEvents: TraceEvent[]): number[] {
  const byType = new Map<string, number[]>(KEY_EVENTS.map((type) => [type, []]));
  for (const event of traceEvents.sort((a, b) => a.ts - b.ts)) {
    if (event.name !== 'EventDispatch' || event.ph !== 'X' || event.dur === undefined) continue;
    byType.get(event.args?.data?.type ?? '')?.push(event.dur / 1000);
  }
  const [down, press, up] = KEY_EVENTS.map((type) => byType.get(type)!);
  const count = Math.min(down!.length, press!.length, up!.length);
  return Array.from({ length: count }, (_, i) => down![i]! + press![i]! + up![i]!);
}

function keyEventSpans(traceEvents: TraceEvent[]): [number, number][] {
  return traceEvents
    .filter(
      (e) =>
        e.name === 'EventDispatch' &&
        e.ph === 'X' &&
        e.dur !== undefined &&
        (KEY_EVENTS as readonly string[]).includes(e.args?.data?.type ?? ''),
    )
    .map((e) => [e.ts, e.ts + e.dur!]);
}

/**
 * Keydown → the frame that shows the key: the end of the first frame's paint (`Layerize`, once per frame)
 * after the key's keypress, from the trace itself. A probe in the page (requestAnimationFrame, then a timer)
 * measures when the scheduler next runs an ordinary task instead, which Chromium holds back while keys stream in.
 */
function frameLatencies(traceEvents: TraceEvent[]): number[] {
  const sorted = traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const keys = (type: string) =>
    sorted.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === type);
  const [downs, presses] = [keys('keydown'), keys('keypress')];
  const paints = sorted.filter((e) => e.name === 'Layerize').map((e) => e.ts + e.dur!);
  return downs.flatMap((down, i) => {
    const press = presses[i];
    const painted = press && paints.find((end) => end > press.ts + press.dur!);
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
  const spans = keyEventSpans(traceEvents);
  return {
    keystrokes: keystrokeCosts(traceEvents),
    busyMsPerKey: mainThreadBusy(traceEvents) / count,
    keyEventSpans: spans,
    layoutMsPerKey: layoutInside(traceEvents, spans) / count,
    frames: frameLatencies(traceEvents),
  };
}
