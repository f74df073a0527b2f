import * as Y from 'yjs';
import { FIELDS_MAP, isSyncedField, type SyncedField } from '../../../shared/domain/storyDocShape';

/** A field's value this machine showed, replaced by one written without seeing it; `lost` is the one replaced. */
export interface FieldOverwrite {
  field: SyncedField;
  kept: unknown;
  lost: unknown;
}

/** A value shown here for less than this before a concurrent one replaced it was lost to a live race, not to time apart. */
export const LIVE_RACE_MS = 3_000;

const madeIn = (transaction: Y.Transaction, id: Y.ID) =>
  id.clock >= (transaction.beforeState.get(id.client) ?? 0);

/**
 * The value its author replaced with `item`: the writes this transaction brought are followed back (each
 * replaced the one before) to the first, whose origin is what its author saw. Null when they saw none.
 */
function replacedBy(doc: Y.Doc, transaction: Y.Transaction, item: Y.Item): Y.ID | null {
  for (let current = item; ;) {
    const origin = current.origin;
    if (!origin || !madeIn(transaction, origin)) return origin;
    const previous = Y.getItem(doc.store, origin);
    if (!(previous instanceof Y.Item)) return null;
    current = previous;
  }
}

/**
 * Two machines changed the same story field while apart (one or both offline): the doc keeps one value per
 * field, chosen by Yjs client ids rather than by who wrote last. `onOverwritten` hears when a value shown here
 * for a while gives way to one from the desk whose author never saw it, so the replaced one can be offered back
 * instead of vanishing. (A later edit made after seeing this machine's value is just a change, and not heard of.)
 */
export function watchFieldOverwrites(
  doc: Y.Doc,
  fromDesk: (origin: unknown) => boolean,
  onOverwritten: (overwrites: FieldOverwrite[]) => void,
  now: () => number = Date.now,
): () => void {
  const map = doc.getMap<unknown>(FIELDS_MAP);
  const shown = new Map<string, { id: Y.ID; since: number }>();
  const noteShown = () => {
    for (const [key, item] of map._map) {
      const was = shown.get(key);
      if (item.deleted) shown.delete(key);
      else if (!was || !Y.compareIDs(was.id, item.id)) shown.set(key, { id: item.id, since: now() });
    }
  };
  noteShown();
  const observer = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    const overwrites: FieldOverwrite[] = [];
    if (fromDesk(transaction.origin))
      for (const key of event.keysChanged) {
        const before = shown.get(key);
        const winner = map._map.get(key);
        if (!isSyncedField(key) || !before || !winner || winner.deleted || !madeIn(transaction, winner.id))
          continue;
        // Two people typing in one field at once race by a network's delay: the form settles that (useLiveFields).
        if (now() - before.since < LIVE_RACE_MS) continue;
        const base = replacedBy(doc, transaction, winner);
        if (base && Y.compareIDs(base, before.id)) continue;
        const lost = event.changes.keys.get(key)?.oldValue;
        const kept = map.get(key);
        if (JSON.stringify(lost) !== JSON.stringify(kept)) overwrites.push({ field: key, kept, lost });
      }
    noteShown();
    if (overwrites.length > 0) onOverwritten(overwrites);
  };
  map.observe(observer);
  return () => map.unobserve(observer);
}
