import type { Handlers } from '../../ipc/dispatch';
import type { ProjectedVersions } from './deskSync';

/** The live editors' own channels: they feed the doc, and need no row. */
const LIVE_DOC_CHANNELS = new Set<string>(['desk:docSync', 'desk:docUpdate', 'desk:awareness']);

type Handler = (input: unknown) => unknown;

/**
 * Every call but a live editor's runs the desk's waiting projections first, so what it reads or writes of a story
 * row holds every edit its doc holds (live edits reach the row at a slower pace than they reach the doc). A write
 * at a version the row had within its latest run of projections goes on at the row's version: all that came
 * since is the doc's own edits, which the write's caller was typing into (its window does not reload the story
 * for each projection).
 */
export function rowsBeforeCalls(
  handlers: Handlers,
  desk: { projectWaiting(): void; projectedRun(storyId: string): ProjectedVersions | undefined },
): Handlers {
  const entries = Object.entries(handlers as Record<string, Handler>).map(([channel, handler]) => [
    channel,
    LIVE_DOC_CHANNELS.has(channel)
      ? handler
      : (input: unknown) => {
          desk.projectWaiting();
          return handler(caughtUp(input, desk.projectedRun));
        },
  ]);
  return Object.fromEntries(entries) as Handlers;
}

function caughtUp(input: unknown, projectedRun: (storyId: string) => ProjectedVersions | undefined): unknown {
  if (typeof input !== 'object' || input === null || !('expectedVersion' in input)) return input;
  const { id, storyId, expectedVersion } = input as {
    id?: string;
    storyId?: string;
    expectedVersion: unknown;
  };
  if (typeof expectedVersion !== 'number') return input;
  const run = projectedRun(storyId ?? id ?? '');
  return run && run.from <= expectedVersion && expectedVersion < run.to
    ? { ...input, expectedVersion: run.to }
    : input;
}
