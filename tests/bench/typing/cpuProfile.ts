import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import type { Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where the main thread spent its time while `work` ran: ms per source module (self) and per own function (inclusive). */
export interface ProfileSummary {
  totalMs: number;
  selfByModule: [string, number][];
  /** Time with the module anywhere on the stack (what runs under it, e.g. react-dom's event dispatch). */
  inclusiveByModule: [string, number][];
  inclusiveByFunction: [string, number][];
}

/** A node_modules path becomes its package; our own files keep their path from the repository root. */
function moduleOf(source: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (inPackage) return inPackage[1]!;
  const own = /((?:renderer|shared)\/.*)$/.exec(source);
  return own ? own[1]! : source;
}

async function sourceMaps(urls: Iterable<string>): Promise<Map<string, TraceMap | null>> {
  const maps = new Map<string, TraceMap | null>();
  for (const url of urls) {
    if (!/^https?:.*\.js$/.test(url)) continue;
    const response = await fetch(`${url}.map`).catch(() => null);
    maps.set(url, response?.ok ? new TraceMap((await response.json()) as never) : null);
  }
  return maps;
}

/**
 * Samples the page's CPU while `work` runs and attributes the time to sources through the bundle's
 * source map. When `work` returns spans (trace microseconds, the profiler's clock), only the samples
 * inside them count: e.g. the key events' dispatch, without the timers and frames in between.
 */
export async function profileWhile(
  page: Page,
  work: () => Promise<[number, number][] | void>,
  top = Number(process.env.BENCH_PROFILE_TOP ?? 25),
): Promise<ProfileSummary> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const spans = (await work()) ?? null;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();

  const maps = await sourceMaps(new Set(profile.nodes.map((node) => node.callFrame.url)));
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const labels = new Map<number, { module: string; fn: string | null }>();
  const label = (node: ProfileNode) => {
    let known = labels.get(node.id);
    if (known) return known;
    const { url, functionName, lineNumber, columnNumber } = node.callFrame;
    const map = maps.get(url);
    const original = map ? originalPositionFor(map, { line: lineNumber + 1, column: columnNumber }) : null;
    const module = original?.source
      ? moduleOf(original.source)
      : functionName
        ? `(${url ? 'js' : functionName})`
        : '(native)';
    const own = /^(renderer|shared)\//.test(module) || process.env.BENCH_PROFILE_ALL === '1';
    known = {
      module,
      fn:
        own && original?.source
          ? `${module}:${original?.name ?? functionName ?? '?'}@${original?.line}`
          : null,
    };
    labels.set(node.id, known);
    return known;
  };

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const onStack = new Map<string, number>();
  let totalMs = 0;
  let time = profile.startTime;
  const sampledAt = profile.timeDeltas.map((delta) => (time += delta));
  const counted = (time: number) => !spans || spans.some(([start, end]) => time >= start && time <= end);
  profile.samples.forEach((sample, i) => {
    if (!counted(sampledAt[i]!)) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(sample);
    if (!node || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)')
      return;
    totalMs += ms;
    const { module } = label(node);
    self.set(module, (self.get(module) ?? 0) + ms);
    const seenFunctions = new Set<string>();
    const seenModules = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const { fn, module: caller } = label(byId.get(id)!);
      if (fn && !seenFunctions.has(fn)) {
        seenFunctions.add(fn);
        inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms);
      }
      if (!seenModules.has(caller)) {
        seenModules.add(caller);
        onStack.set(caller, (onStack.get(caller) ?? 0) + ms);
      }
    }
  });
  const ranked = (entries: Map<string, number>) =>
    [...entries].sort((a, b) => b[1] - a[1]).slice(0, top) as [string, number][];
  return {
    totalMs,
    selfByModule: ranked(self),
    inclusiveByModule: ranked(onStack),
    inclusiveByFunction: ranked(inclusive),
  };
}
