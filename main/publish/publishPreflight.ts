import { preflightItems } from '../../shared/domain/preflight';
import type { Publication, PublishJob } from '../../shared/domain/publication';
import type { Settings } from '../../shared/domain/settings';
import type { Story } from '../../shared/domain/story';
import type { Preflight } from '../../shared/ipc/channels/publish';
import type { PublicationQueries } from '../db/queries/publicationQueries';
import type { StoryHead } from '../db/queries/storyQueries';
import type { PublishJobQueries } from '../db/queries/publishJobQueries';
import { toJob, toPublication } from './publishViews';
import { linkedStoryIds } from './storyFacts';
import type { TargetService } from './targetService';

export interface PublishPreflightDeps {
  targets: TargetService;
  publications: PublicationQueries;
  jobs: PublishJobQueries;
  getStory(id: string): Story;
  /** The story without its body, where only its fields or version are needed. */
  storyHead(id: string): StoryHead;
  tagsOf(storyId: string): string[];
  unresolvedComments(storyId: string): number;
  settings(): Settings;
  /** The role of the current person, if people are set up (only editors publish). */
  publisherRole(): 'reporter' | 'editor' | null;
  /** Whether an approved story was edited after its approval (then it needs approving again). */
  changedSinceApproval(storyId: string): boolean;
  now: () => Date;
}

/** What the publish dialog reads: the checks before publishing to a target, and where a story stands. Reads only. */
export function createPublishPreflight(deps: PublishPreflightDeps) {
  const { targets, publications, jobs, now } = deps;

  const isLiveOn = (storyId: string, targetId: string) =>
    publications.get(storyId, targetId)?.state === 'published';

  const headlineOf = (storyId: string, fallback: string) => {
    try {
      return deps.storyHead(storyId).headline || fallback;
    } catch {
      return fallback;
    }
  };

  const check = ({ storyId, targetId }: { storyId: string; targetId?: string | undefined }): Preflight => {
    const story = deps.getStory(storyId);
    const chosen = targets.chosenFor(storyId);
    const target = targets.get(targetId ?? chosen ?? targets.defaultId(deps.settings().defaultTargetId));
    const unpublishedLinks = linkedStoryIds(story.body)
      .filter(({ storyId: linked }) => linked !== story.id && !isLiveOn(linked, target.id))
      .map(({ storyId: linked, headline }) => ({ storyId: linked, headline: headlineOf(linked, headline) }));
    const publication = publications.get(story.id, target.id);
    const pending = jobs.open(story.id, target.id);
    return {
      target: targets.toTarget(target),
      chosenForStory: chosen === target.id,
      items: preflightItems({
        headline: story.headline,
        wordCount: story.wordCount,
        sectionId: story.sectionId,
        status: story.status,
        requireApproval: deps.settings().requireApproval,
        publisherRole: deps.publisherRole(),
        changedSinceApproval: deps.changedSinceApproval(story.id),
        unpublishedLinks,
        unresolvedComments: deps.unresolvedComments(story.id),
        featuredImage: story.featuredImage,
        embargoUntil: story.embargoUntil ? new Date(story.embargoUntil) : null,
        now: now(),
      }),
      publication: publication ? toPublication(publication, story, deps.tagsOf(story.id)) : null,
      pendingJob: pending ? toJob(pending) : null,
    };
  };

  return {
    check,

    /** Sets the site a story publishes to (null: the newsroom's default) and checks the story against it. */
    chooseTarget(storyId: string, targetId: string | null): Preflight {
      deps.storyHead(storyId);
      targets.choose(storyId, targetId);
      return check({ storyId });
    },

    /** A story's publications on every target and its latest jobs. */
    status(storyId: string): { publications: Publication[]; jobs: PublishJob[] } {
      const story = deps.storyHead(storyId);
      const tags = deps.tagsOf(storyId);
      return {
        publications: publications.ofStory(storyId).map((record) => toPublication(record, story, tags)),
        jobs: jobs.recent(storyId).map(toJob),
      };
    },
  };
}

export type PublishPreflight = ReturnType<typeof createPublishPreflight>;
