import type Database from 'better-sqlite3';
import type { Role } from '../../../shared/domain/person';
import type { StoryStatus } from '../../../shared/domain/story';
import type { DeskAction } from '../../../shared/ipc/channels/desk';

export interface MembershipRow {
  address: string;
  personId: string;
  personName: string;
  role: Role;
  tokenSealed: string;
}

export interface DeskStoryRow {
  storyId: string;
  deskVersion: number;
  deskStatus: StoryStatus | null;
  changedAfterApproval: boolean;
  mergedOfflineAt: number | null;
  correctionId: string | null;
}

export interface OverwriteRow {
  field: string;
  kept: string;
  lost: string;
  at: number;
}

export interface OutboxRow {
  id: number;
  storyId: string;
  action: DeskAction;
  baseVersion: number;
  note: string | null;
  state: 'waiting' | 'refused';
  message: string | null;
}

/** The desk tables of migrations 0013, 0018 and 0021, in camelCase. */
export function deskQueries(db: Database.Database) {
  const membership = db.prepare<[], MembershipRow>(
    `SELECT address, person_id AS personId, person_name AS personName, role, token_sealed AS tokenSealed
     FROM desk_membership WHERE id = 1`,
  );
  const setMembership = db.prepare(
    `INSERT OR REPLACE INTO desk_membership (id, address, person_id, person_name, role, token_sealed, joined_at)
     VALUES (1, ?, ?, ?, ?, ?, ?)`,
  );
  const updates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM desk_updates WHERE story_id = ? ORDER BY seq',
  );
  const appendUpdate = db.prepare('INSERT INTO desk_updates (story_id, data) VALUES (?, ?)');
  const setCorrection = db.prepare('UPDATE desk_stories SET correction_id = ? WHERE story_id = ?');
  const deleteUpdates = db.prepare('DELETE FROM desk_updates WHERE story_id = ?');
  const deleteUpdatesUpTo = db.prepare('DELETE FROM desk_updates WHERE story_id = ? AND seq <= ?');
  const storyColumns = `story_id AS storyId, desk_version AS deskVersion, desk_status AS deskStatus,
    changed_after_approval AS changedAfterApproval, merged_offline_at AS mergedOfflineAt,
    correction_id AS correctionId`;
  const story = db.prepare<[string], DeskStoryRow>(
    `SELECT ${storyColumns} FROM desk_stories WHERE story_id = ?`,
  );
  const stories = db.prepare<[], DeskStoryRow>(`SELECT ${storyColumns} FROM desk_stories`);
  const addStory = db.prepare('INSERT OR IGNORE INTO desk_stories (story_id) VALUES (?)');
  const setStoryState = db.prepare(
    'UPDATE desk_stories SET desk_version = ?, desk_status = ?, changed_after_approval = ? WHERE story_id = ?',
  );
  const setOfflineEdits = db.prepare(
    'UPDATE desk_stories SET offline_edits = 1 WHERE story_id = ? AND offline_edits = 0',
  );
  const mergedOffline = db.prepare(
    'UPDATE desk_stories SET merged_offline_at = ?, offline_edits = 0 WHERE story_id = ? AND offline_edits = 1',
  );
  const outboxColumns = 'id, story_id AS storyId, action, base_version AS baseVersion, note, state, message';
  const outboxOf = db.prepare<[string], OutboxRow>(
    `SELECT ${outboxColumns} FROM desk_outbox WHERE story_id = ? ORDER BY id`,
  );
  const waiting = db.prepare<[], OutboxRow>(
    `SELECT ${outboxColumns} FROM desk_outbox WHERE state = 'waiting' ORDER BY id`,
  );
  const enqueue = db.prepare(
    "INSERT INTO desk_outbox (story_id, action, base_version, note, state, created_at) VALUES (?, ?, ?, ?, 'waiting', ?)",
  );
  const refuse = db.prepare("UPDATE desk_outbox SET state = 'refused', message = ? WHERE id = ?");
  const clearRefused = db.prepare("DELETE FROM desk_outbox WHERE story_id = ? AND state = 'refused'");
  const dequeue = db.prepare('DELETE FROM desk_outbox WHERE id = ?');
  const overwritesOf = db.prepare<[string], OverwriteRow>(
    'SELECT field, kept, lost, at FROM desk_field_overwrites WHERE story_id = ? ORDER BY at, field',
  );
  // A field replaced again keeps the value this machine lost first.
  const addOverwrite = db.prepare(
    `INSERT INTO desk_field_overwrites (story_id, field, kept, lost, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (story_id, field) DO UPDATE SET kept = excluded.kept, at = excluded.at`,
  );
  const settleOverwrite = db.prepare('DELETE FROM desk_field_overwrites WHERE story_id = ? AND field = ?');

  const fixStory = (row: DeskStoryRow | undefined) =>
    row ? { ...row, changedAfterApproval: Boolean(row.changedAfterApproval) } : null;

  return {
    membership: () => membership.get() ?? null,
    setMembership: (row: MembershipRow, at: number) =>
      void setMembership.run(row.address, row.personId, row.personName, row.role, row.tokenSealed, at),
    updates: (storyId: string) => updates.all(storyId),
    appendUpdate: (storyId: string, update: Uint8Array) =>
      void appendUpdate.run(storyId, Buffer.from(update)),
    /** Replaces the updates up to `upTo` with their merge, in one transaction. */
    compact: db.transaction((storyId: string, merged: Uint8Array, upTo: number) => {
      deleteUpdatesUpTo.run(storyId, upTo);
      appendUpdate.run(storyId, Buffer.from(merged));
    }),
    /** Replaces every update of the story with `state` (the desk's copy), in one transaction. */
    replaceUpdates: db.transaction((storyId: string, state: Uint8Array) => {
      deleteUpdates.run(storyId);
      appendUpdate.run(storyId, Buffer.from(state));
    }),
    setCorrection: (storyId: string, correctionId: string) => void setCorrection.run(correctionId, storyId),
    story: (storyId: string) => fixStory(story.get(storyId)),
    stories: () => stories.all().map((row) => fixStory(row)!),
    addStory: (storyId: string) => void addStory.run(storyId),
    setStoryState: (storyId: string, version: number, status: StoryStatus, changedAfterApproval: boolean) =>
      void setStoryState.run(version, status, changedAfterApproval ? 1 : 0, storyId),
    noteOfflineEdit: (storyId: string) => void setOfflineEdits.run(storyId),
    /** After a sync: offline edits of this story reached the desk. True when there were any. */
    mergedOffline: (storyId: string, at: number) => mergedOffline.run(at, storyId).changes > 0,
    outboxOf: (storyId: string) => outboxOf.all(storyId),
    waiting: () => waiting.all(),
    enqueue: (row: Pick<OutboxRow, 'storyId' | 'action' | 'baseVersion' | 'note'>, at: number) =>
      void enqueue.run(row.storyId, row.action, row.baseVersion, row.note, at),
    refuse: (id: number, message: string) => void refuse.run(message, id),
    clearRefused: (storyId: string) => void clearRefused.run(storyId),
    dequeue: (id: number) => void dequeue.run(id),
    overwritesOf: (storyId: string) => overwritesOf.all(storyId),
    addOverwrites: db.transaction(
      (storyId: string, overwrites: { field: string; kept: unknown; lost: unknown }[], at: number) => {
        for (const { field, kept, lost } of overwrites)
          addOverwrite.run(storyId, field, JSON.stringify(kept ?? null), JSON.stringify(lost ?? null), at);
      },
    ),
    settleOverwrite: (storyId: string, field: string) => settleOverwrite.run(storyId, field).changes > 0,
  };
}

export type DeskQueries = ReturnType<typeof deskQueries>;
