import type Database from 'better-sqlite3';
import type { StoryStatus } from '../../../shared/domain/story';
import {
  linkStateOf,
  type LinkedStory,
  type LinkKind,
  type LinkTarget,
} from '../../../shared/domain/storyLinks';
import type { LinkCandidate } from '../../../shared/ipc/channels/links';

interface LinkRow {
  id: string;
  kind: LinkKind;
  headline: string | null;
  status: StoryStatus | null;
  trashed_at: number | null;
}

interface CandidateRow {
  id: string;
  headline: string;
  status: StoryStatus;
  section_id: string | null;
  updated_at: number;
}

/** Words of a picker query, at most this many, each matched anywhere in the headline. */
export const MAX_SEARCH_WORDS = 6;

// The highest code point sorts after every headline starting with the prefix.
const PREFIX_END = '\u{10FFFF}';

const LIVE = `status <> 'spiked' AND id <> @exclude`;

/** Groups link rows (one per kind) into one linked story each, keeping the rows' order. */
function toLinkedStories(rows: LinkRow[]): LinkedStory[] {
  const byId = new Map<string, LinkedStory>();
  for (const row of rows) {
    const existing = byId.get(row.id);
    if (existing) {
      existing.kinds.push(row.kind);
      continue;
    }
    const state = linkStateOf(row.status, row.trashed_at !== null);
    byId.set(row.id, {
      id: row.id,
      headline: row.headline ?? '',
      status: row.status,
      kinds: [row.kind],
      state,
      broken: state !== 'ok',
    });
  }
  return [...byId.values()];
}

const toCandidate = (row: CandidateRow): LinkCandidate => ({
  id: row.id,
  headline: row.headline,
  status: row.status,
  sectionId: row.section_id,
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** Prepared statements over `story_links`, plus the headline look-ups of the link pickers. */
export function linkQueries(db: Database.Database) {
  const targets = db.prepare<[string], LinkTarget>(
    'SELECT to_id AS toId, kind FROM story_links WHERE from_id = ? ORDER BY kind, to_id',
  );
  const insert = db.prepare<[string, string, LinkKind]>(
    'INSERT OR IGNORE INTO story_links (from_id, to_id, kind) VALUES (?, ?, ?)',
  );
  const remove = db.prepare<[string, string, LinkKind]>(
    'DELETE FROM story_links WHERE from_id = ? AND to_id = ? AND kind = ?',
  );
  const exists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM stories WHERE id = ?');
  const outgoing = db.prepare<[string], LinkRow>(
    `SELECT l.to_id AS id, l.kind, s.headline, s.status, s.trashed_at
     FROM story_links l LEFT JOIN stories s ON s.id = l.to_id WHERE l.from_id = ?
     ORDER BY coalesce(s.headline, '') COLLATE NOCASE, l.to_id, l.kind`,
  );
  const incoming = db.prepare<[string], LinkRow>(
    `SELECT l.from_id AS id, l.kind, s.headline, s.status, s.trashed_at
     FROM story_links l JOIN stories s ON s.id = l.from_id WHERE l.to_id = ? AND s.trashed_at IS NULL
     ORDER BY s.headline COLLATE NOCASE, l.from_id, l.kind`,
  );

  const candidateColumns = 'id, headline, status, section_id, updated_at';
  const recent = db.prepare<{ exclude: string; limit: number }, CandidateRow>(
    `SELECT ${candidateColumns} FROM stories WHERE (trashed_at IS NOT NULL) = 0 AND ${LIVE}
     ORDER BY updated_at DESC, id DESC LIMIT @limit`,
  );
  const byPrefix = db.prepare<{ exclude: string; limit: number; from: string; to: string }, CandidateRow>(
    `SELECT ${candidateColumns} FROM stories
     WHERE (trashed_at IS NOT NULL) = 0 AND headline >= @from COLLATE NOCASE AND headline < @to COLLATE NOCASE
       AND ${LIVE}
     ORDER BY headline COLLATE NOCASE, id LIMIT @limit`,
  );
  const byWords = new Map<number, Database.Statement<Record<string, unknown>, CandidateRow>>();
  const wordsStatement = (count: number) => {
    let statement = byWords.get(count);
    if (!statement) {
      const clauses = Array.from({ length: count }, (_, i) => `instr(lower(headline), lower(@w${i})) > 0`);
      statement = db.prepare<Record<string, unknown>, CandidateRow>(
        `SELECT ${candidateColumns} FROM stories WHERE (trashed_at IS NOT NULL) = 0 AND ${LIVE}
           AND ${clauses.join(' AND ')}
         ORDER BY updated_at DESC, id DESC LIMIT @limit`,
      );
      byWords.set(count, statement);
    }
    return statement;
  };

  return {
    /** The links stored for a story, sorted by kind then target. */
    targetsOf: (fromId: string): LinkTarget[] => targets.all(fromId),
    /** Adds and removes link rows of one story; call inside the story write's transaction. */
    apply(fromId: string, added: LinkTarget[], removed: LinkTarget[]): void {
      for (const link of removed) remove.run(fromId, link.toId, link.kind);
      for (const link of added) insert.run(fromId, link.toId, link.kind);
    },
    exists: (id: string): boolean => exists.get(id) !== undefined,
    linksTo: (id: string): LinkedStory[] => toLinkedStories(outgoing.all(id)),
    linkedFrom: (id: string): LinkedStory[] => toLinkedStories(incoming.all(id)),

    /** Live stories for the picker: headline prefix matches first, then headlines containing every word, newest first. */
    search(query: string, excludeId: string | null, limit: number): LinkCandidate[] {
      const exclude = excludeId ?? '';
      const words = query.split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
      if (words.length === 0) return recent.all({ exclude, limit }).map(toCandidate);
      const prefix = words.join(' ');
      const found = byPrefix.all({ exclude, limit, from: prefix, to: prefix + PREFIX_END });
      if (found.length < limit) {
        const params: Record<string, unknown> = { exclude, limit: limit + found.length };
        words.forEach((word, i) => (params[`w${i}`] = word));
        const seen = new Set(found.map((row) => row.id));
        for (const row of wordsStatement(words.length).all(params)) {
          if (found.length >= limit) break;
          if (!seen.has(row.id)) found.push(row);
        }
      }
      return found.map(toCandidate);
    },
  };
}

export type LinkQueries = ReturnType<typeof linkQueries>;
