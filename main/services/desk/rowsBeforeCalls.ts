import type { Handlers } from '../../ipc/dispatch';
import type { ProjectedVersions } from './deskSync';

/** The live editors' own channels: they feed the doc, and need no row. */
const LIVE_DOC_CHANNELS = new Set<string>(['desk:docSync', 'desk:docUpdate', 'desk:awareness']);

type Handler = (input: unknown) => unknown;

/**
 * Every call but a live editor's runs the desk's waiting projections first, so what it reads or writes of a story
 * row holds every edit its doc holds (live edits reach the row at a slower pace than they reach the doc). A write
 * at the version the row had just before that projection goes on at the projected version: all that came
 * between is the doc's own edits, which the write's caller was typing into.
 */
export function rowsBeforeCalls(
  handlers: Handlers,
  desk: { projectWaiting(): Map<string, ProjectedVersions> },
): Handlers {
  const entries = Object.entries(handlers as Record<string, Handler>).map(([channel, handler]) => [
    channel,
    LIVE_DOC_CHANNELS.has(channel)
      ? handler
      : (input: unknown) => {
          const projected = desk.projectWaiting();
          return handler(projected.size ? caughtUp(input, projected) : input);
        },
  ]);
  return Object.fromEntries(entries) as Handlers;
}

function caughtUp(input: unknown, projected: Map<string, ProjectedVersions>): unknown {
  if (typeof input !== 'object' || input === null || !('expectedVersion' in input)) return input;
  const { id, storyId, expectedVersion } = input as {
    id?: string;
    storyId?: string;
    expectedVersion: unknown;
  };
  const versions = projected.get(storyId ?? id ?? '');
  return versions && versions.from === expectedVersion ? { ...input, expectedVersion: versions.to } : input;
}
