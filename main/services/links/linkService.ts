import type { Story } from '../../../shared/domain/story';
import { linkTargetKey, type StoryLinks } from '../../../shared/domain/storyLinks';
import { extractLinkTargets } from '../../../shared/editor/storyDocRefs';
import type { LinkCandidate } from '../../../shared/ipc/channels/links';
import { AppError } from '../../../shared/ipc/errors';
import type { LinkQueries } from '../../db/queries/linkQueries';
import type { StoryChange, StoryWriteFacts } from '../stories/storyService';

export interface LinkServiceDeps {
  queries: LinkQueries;
}

/** Links between stories, derived from their bodies. */
export function createLinkService({ queries }: LinkServiceDeps) {
  const mustExist = (id: string) => {
    if (!queries.exists(id)) throw new AppError('not-found', `No story with id ${id}`);
  };

  return {
    /**
     * The story write hook: brings the story's stored links in line with its body (touching only the
     * rows that differ). Runs inside the write's transaction.
     */
    afterWrite(story: Story, change: StoryChange, facts: StoryWriteFacts): void {
      // Links come from the body alone, and only this hook writes them: an unchanged body keeps its links.
      if (!facts.bodyChanged) return;
      const wanted = extractLinkTargets(story.body, story.id);
      const stored = change === 'created' ? [] : queries.targetsOf(story.id);
      const wantedKeys = new Set(wanted.map(linkTargetKey));
      const storedKeys = new Set(stored.map(linkTargetKey));
      const added = wanted.filter((link) => !storedKeys.has(linkTargetKey(link)));
      const removed = stored.filter((link) => !wantedKeys.has(linkTargetKey(link)));
      if (added.length > 0 || removed.length > 0) queries.apply(story.id, added, removed);
    },

    forStory(id: string): StoryLinks {
      mustExist(id);
      return { linksTo: queries.linksTo(id), linkedFrom: queries.linkedFrom(id) };
    },

    search(query: string, excludeId: string | undefined, limit: number): LinkCandidate[] {
      return queries.search(query.trim(), excludeId ?? null, limit);
    },
  };
}

export type LinkService = ReturnType<typeof createLinkService>;
