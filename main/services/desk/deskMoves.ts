import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/errors';
import type { DeskSync } from './deskSync';

/** How long the creation of a story on a joined machine waits for the desk to take it. */
const CREATE_WAIT_MS = 2_000;

/**
 * Which stories go to the desk, and when: each new story on a joined machine, the ones written before
 * joining when the person moves them, and the published state once a desk story went out.
 */
export function createDeskMoves(deps: {
  db: Database.Database;
  desk: DeskSync;
  log?: (error: unknown) => void;
}) {
  const { desk } = deps;
  const log = deps.log ?? (() => {});
  const localOnly = deps.db.prepare<[], { id: string }>(
    `SELECT id FROM stories WHERE trashed_at IS NULL AND id NOT IN (SELECT story_id FROM desk_stories)
     ORDER BY created_at, id`,
  );
  // Written on this machine after it joined, yet still not on the desk: the desk was out of reach then.
  const unsent = deps.db.prepare<[], { id: string }>(
    `SELECT id FROM stories WHERE trashed_at IS NULL
       AND created_at >= (SELECT joined_at FROM desk_membership WHERE id = 1)
       AND id NOT IN (SELECT story_id FROM desk_stories)
     ORDER BY created_at, id`,
  );
  const joined = () => desk.status().joined;
  let sending = false;

  return {
    /** Moves every story still only on this machine to the desk; stops at the first the desk cannot take. */
    async shareAll(): Promise<{ moved: number; left: number }> {
      if (!joined()) throw new AppError('conflict', 'This Copydesk has not joined a newsroom desk.');
      const ids = localOnly.all().map((row) => row.id);
      let moved = 0;
      for (const id of ids) {
        try {
          await desk.share(id);
          moved += 1;
        } catch (error) {
          if (moved === 0 && error instanceof AppError) throw error;
          log(error);
          break;
        }
      }
      return { moved, left: ids.length - moved };
    },

    /**
     * A story written on a joined machine belongs to the desk from the start: the answer to its creation waits
     * (a moment at most) for the desk to take it, so the editor opens it bound to its doc rather than switching
     * under the person's typing. A desk out of reach leaves it to shareUnsent.
     */
    async afterCreate(storyId: string): Promise<void> {
      if (!joined()) return;
      const shared = desk.share(storyId).catch(log);
      await Promise.race([shared, new Promise((done) => setTimeout(done, CREATE_WAIT_MS).unref())]);
    },

    /** The desk answers again: the stories written meanwhile go to it (each once, in the order written). */
    async shareUnsent(): Promise<void> {
      if (sending || !joined()) return;
      sending = true;
      try {
        for (const { id } of unsent.all()) await desk.share(id);
      } catch (error) {
        log(error);
      } finally {
        sending = false;
      }
    },

    /** A desk story went out: the desk records it published (a refusal waits with the story, shown). */
    afterPublish(storyId: string) {
      if (!joined() || !desk.storyState(storyId).onDesk) return;
      desk.transition({ storyId, action: 'publish' }).catch(log);
    },
  };
}

export type DeskMoves = ReturnType<typeof createDeskMoves>;
