import type Database from 'better-sqlite3';
import type { Role } from '../../shared/domain/person';
import type { StoryStatus } from '../../shared/domain/story';
import { checkTransition, type WorkflowAction } from '../../shared/domain/workflow';
import { DeskAccessError, type DeskPerson } from './deskPeople';

export type DeskAction = WorkflowAction | 'publish';

export interface DeskStoryState {
  id: string;
  status: StoryStatus;
  version: number;
  note: string | null;
  changedAfterApproval: boolean;
  approvedBy: string | null;
  /** Who made the change that led to this version; null for the desk's own (an approval voided by an edit). */
  actedBy: { id: string; name: string } | null;
  /** The draft that edits arriving after publication (or spiking) went into. */
  correctionId: string | null;
  updatedAt: string;
}

interface Row {
  id: string;
  status: StoryStatus;
  previous_status: StoryStatus | null;
  version: number;
  note: string | null;
  approved_by: string | null;
  changed_after_approval: number;
  updated_at: string;
  acted_by_id: string | null;
  acted_by_name: string | null;
  correction_id: string | null;
}

export class DeskConflictError extends Error {
  constructor(
    message: string,
    readonly current: DeskStoryState,
  ) {
    super(message);
  }
}

const toState = (row: Row): DeskStoryState => ({
  id: row.id,
  status: row.status,
  version: row.version,
  note: row.note,
  changedAfterApproval: row.changed_after_approval === 1,
  approvedBy: row.approved_by,
  actedBy: row.acted_by_id ? { id: row.acted_by_id, name: row.acted_by_name ?? '' } : null,
  correctionId: row.correction_id,
  updatedAt: row.updated_at,
});

/** Only the desk decides a story's status; each change is checked against the version its requester saw. */
export function deskWorkflow(db: Database.Database, now: () => Date = () => new Date()) {
  const select = `SELECT s.id, s.status, s.previous_status, s.version, s.note, s.approved_by,
    s.changed_after_approval, s.updated_at, t.person_id AS acted_by_id, t.person_name AS acted_by_name,
    c.correction_id
    FROM stories s LEFT JOIN transitions t ON t.story_id = s.id AND t.version = s.version
    LEFT JOIN corrections c ON c.story_id = s.id`;
  const getRow = db.prepare<[string], Row>(`${select} WHERE s.id = ?`);
  const listRows = db.prepare<[], Row>(`${select} ORDER BY s.updated_at DESC, s.id`);
  const recordActor = db.prepare(
    'INSERT INTO transitions (story_id, version, action, person_id, person_name, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insert = db.prepare(
    "INSERT INTO stories (id, status, version, created_by, updated_at) VALUES (?, 'draft', 1, ?, ?)",
  );
  const update = db.prepare(
    `UPDATE stories SET status = ?, previous_status = ?, version = version + 1, note = ?, approved_by = ?,
     changed_after_approval = 0, updated_at = ? WHERE id = ? AND version = ?`,
  );
  const setApprovedState = db.prepare('UPDATE stories SET approved_state = ? WHERE id = ?');
  const voidApproval = db.prepare(
    `UPDATE stories SET status = 'in_review', version = version + 1, approved_by = NULL,
     changed_after_approval = 1, updated_at = ? WHERE id = ? AND status = 'approved'`,
  );

  const get = (id: string): DeskStoryState | null => {
    const row = getRow.get(id);
    return row ? toState(row) : null;
  };
  const mustGet = (id: string) => {
    const row = getRow.get(id);
    if (!row) throw new DeskAccessError('not-found', 'No such story on this desk.');
    return row;
  };

  function checkAction(row: Row, action: DeskAction, role: Role, note?: string) {
    if (action !== 'publish')
      return checkTransition({ from: row.status, action, role, note, previousStatus: row.previous_status });
    if (role !== 'editor')
      return { ok: false, code: 'forbidden', message: 'Only an editor can publish a story.' } as const;
    if (row.status !== 'approved')
      return { ok: false, code: 'conflict', message: 'Only an approved story can be published.' } as const;
    return { ok: true, to: 'published' } as const;
  }

  return {
    get,
    list: () => listRows.all().map(toState),
    register: (id: string, by: DeskPerson): DeskStoryState => {
      const existing = get(id);
      if (existing) return existing;
      insert.run(id, by.id, now().toISOString());
      return get(id)!;
    },
    /**
     * Applies `action` if the story is still at `baseVersion`. `approvedState` is the document's
     * state vector at approval, so a later edit can be told from one the editor saw.
     */
    transition: db.transaction(
      (args: {
        id: string;
        action: DeskAction;
        baseVersion: number;
        note?: string;
        person: DeskPerson;
        approvedState?: Uint8Array;
      }): DeskStoryState => {
        const row = mustGet(args.id);
        if (row.version !== args.baseVersion) {
          throw new DeskConflictError(
            'Someone changed this story’s status meanwhile; look at it again before you act.',
            toState(row),
          );
        }
        const check = checkAction(row, args.action, args.person.role, args.note);
        if (!check.ok) {
          if (check.code === 'conflict') throw new DeskConflictError(check.message, toState(row));
          throw new DeskAccessError(check.code, check.message);
        }
        const approving = check.to === 'approved';
        const keepsApproval = check.to === 'published';
        const at = now().toISOString();
        update.run(
          check.to,
          row.status,
          args.action === 'return'
            ? (args.note?.trim() ?? null)
            : row.status === 'returned'
              ? row.note
              : null,
          approving ? args.person.id : keepsApproval ? row.approved_by : null,
          at,
          args.id,
          args.baseVersion,
        );
        recordActor.run(args.id, args.baseVersion + 1, args.action, args.person.id, args.person.name, at);
        if (approving) setApprovedState.run(Buffer.from(args.approvedState ?? new Uint8Array()), args.id);
        return get(args.id)!;
      },
    ),
    /** An edit landed on an approved story: it needs approving again. True when the status changed. */
    voidApproval: (id: string) => voidApproval.run(now().toISOString(), id).changes > 0,
  };
}

export type DeskWorkflow = ReturnType<typeof deskWorkflow>;
