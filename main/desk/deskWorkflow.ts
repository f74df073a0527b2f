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
  updatedAt: row.updated_at,
});

/** Only the desk decides a story's status; each change is checked against the version its requester saw. */
export function deskWorkflow(db: Database.Database, now: () => Date = () => new Date()) {
  const columns =
    'id, status, previous_status, version, note, approved_by, changed_after_approval, updated_at';
  const getRow = db.prepare<[string], Row>(`SELECT ${columns} FROM stories WHERE id = ?`);
  const listRows = db.prepare<[], Row>(`SELECT ${columns} FROM stories ORDER BY updated_at DESC, id`);
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
        update.run(
          check.to,
          row.status,
          args.action === 'return'
            ? (args.note?.trim() ?? null)
            : row.status === 'returned'
              ? row.note
              : null,
          approving ? args.person.id : keepsApproval ? row.approved_by : null,
          now().toISOString(),
          args.id,
          args.baseVersion,
        );
        if (approving) setApprovedState.run(Buffer.from(args.approvedState ?? new Uint8Array()), args.id);
        return get(args.id)!;
      },
    ),
    /** An edit landed on an approved story: it needs approving again. True when the status changed. */
    voidApproval: (id: string) => voidApproval.run(now().toISOString(), id).changes > 0,
  };
}

export type DeskWorkflow = ReturnType<typeof deskWorkflow>;
