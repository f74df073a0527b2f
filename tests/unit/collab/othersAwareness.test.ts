import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { othersAwareness } from '../../../renderer/features/editor/collab/othersAwareness';

describe('othersAwareness', () => {
  it("tells of another's caret but not of this editor's own", () => {
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    const seen: number[][] = [];
    const listener = (changes: { added: number[]; updated: number[] }) =>
      seen.push([...changes.added, ...changes.updated]);
    const view = othersAwareness(mine);
    view.on('change', listener);

    view.setLocalStateField('cursor', { anchor: 1, head: 1 });
    mine.setLocalStateField('cursor', { anchor: 2, head: 2 });
    expect(seen).toEqual([]);
    expect(view.getLocalState()?.cursor).toEqual({ anchor: 2, head: 2 });

    theirs.setLocalStateField('cursor', { anchor: 3, head: 3 });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
    expect(seen).toEqual([[theirs.clientID]]);
    expect(view.getStates().get(theirs.clientID)?.cursor).toEqual({ anchor: 3, head: 3 });

    view.off('change', listener);
    theirs.setLocalStateField('cursor', { anchor: 4, head: 4 });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
    expect(seen).toHaveLength(1);
  });
});
