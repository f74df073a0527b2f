import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  LIVE_RACE_MS,
  watchFieldOverwrites,
  type FieldOverwrite,
} from '../../../main/services/desk/fieldOverwrites';
import { FIELDS_MAP } from '../../../shared/domain/storyDocShape';

const DESK = Symbol('desk');

/** Two machines' docs of one story, in step to begin with. */
function twoMachines(clientIds: [number, number]) {
  const [here, there] = clientIds.map((id) => {
    const doc = new Y.Doc();
    doc.clientID = id;
    return doc;
  }) as [Y.Doc, Y.Doc];
  here.getMap(FIELDS_MAP).set('headline', 'Ferry strike called off');
  Y.applyUpdate(there, Y.encodeStateAsUpdate(here), DESK);
  const heard: FieldOverwrite[] = [];
  const clock = { now: 0 };
  watchFieldOverwrites(
    here,
    (origin) => origin === DESK,
    (overwrites) => heard.push(...overwrites),
    () => clock.now,
  );
  /** Time apart: longer than two people typing in one field at once race. */
  const apart = () => (clock.now += LIVE_RACE_MS + 1);
  const set = (doc: Y.Doc, headline: string) => doc.getMap(FIELDS_MAP).set('headline', headline);
  const exchange = () => {
    const toHere = Y.encodeStateAsUpdate(there, Y.encodeStateVector(here));
    const toThere = Y.encodeStateAsUpdate(here, Y.encodeStateVector(there));
    Y.applyUpdate(there, toThere, DESK);
    Y.applyUpdate(here, toHere, DESK);
  };
  return {
    here,
    there,
    heard,
    set,
    exchange,
    apart,
    headline: (doc: Y.Doc) => doc.getMap(FIELDS_MAP).get('headline'),
  };
}

describe('watchFieldOverwrites: a field changed on two machines while apart', () => {
  it('hears of this machine’s value replaced by one written without seeing it, through several keystrokes', () => {
    // The higher client id wins a concurrent write in a Yjs map: the other machine's.
    const { here, there, heard, set, exchange, apart, headline } = twoMachines([1, 2]);
    set(here, 'Ferry strike called off tonight');
    for (const typed of ['Ferry strike is', 'Ferry strike is off']) set(there, typed);
    apart();
    exchange();
    expect(headline(here)).toBe('Ferry strike is off');
    expect(headline(there)).toBe('Ferry strike is off');
    expect(heard).toEqual([
      { field: 'headline', kept: 'Ferry strike is off', lost: 'Ferry strike called off tonight' },
    ]);
  });

  it('hears nothing when this machine’s value wins, or when the other machine changed it after seeing it', () => {
    const winning = twoMachines([2, 1]);
    winning.set(winning.here, 'Ferry strike called off tonight');
    winning.set(winning.there, 'Ferry strike is off');
    winning.apart();
    winning.exchange();
    expect(winning.headline(winning.here)).toBe('Ferry strike called off tonight');
    expect(winning.heard).toEqual([]);

    const later = twoMachines([1, 2]);
    later.set(later.here, 'Ferry strike called off tonight');
    later.exchange();
    later.apart();
    later.set(later.there, 'Ferry strike is off');
    later.exchange();
    expect(later.headline(later.here)).toBe('Ferry strike is off');
    expect(later.heard).toEqual([]);
  });

  it('hears nothing of this machine’s own edits, nor when both wrote the same value', () => {
    const { here, there, heard, set, exchange, apart } = twoMachines([1, 2]);
    set(here, 'Ferries run again');
    set(there, 'Ferries run again');
    apart();
    exchange();
    expect(heard).toEqual([]);
  });

  it('hears nothing of two people typing in the field at the same moment (the form settles that)', () => {
    const { here, there, heard, set, exchange, headline } = twoMachines([1, 2]);
    set(here, 'Ferry strike called off tonight');
    set(there, 'Ferry strike is off');
    exchange();
    expect(headline(here)).toBe('Ferry strike is off');
    expect(heard).toEqual([]);
  });
});
