import { MEDIA_SRC } from '../../../shared/domain/media';
import type { StoryBody, StoryFields } from '../../../shared/domain/story';
import { cleanStrings } from '../../../shared/domain/text';
import { cleanStoryBody, InvalidDocumentError, isAllowedMediaSrc } from '../../../shared/editor';
import { AppError } from '../../../shared/ipc/errors';
import type { MediaQueries } from '../../db/queries/mediaQueries';
import type { sectionQueries } from '../../db/queries/sectionQueries';
import type { StoryRecord } from '../../db/queries/storyQueries';

/** What a story may point at outside itself, as the store knows it now. */
export interface StoryReferences {
  sectionExists(id: string): boolean;
  /** Whether `src` (`media/<sha256>.<ext>`) is an image of the media store. */
  mediaExists(src: string): boolean;
}

/** The references of stories, checked against the section and media tables. */
export const storyReferences = (
  sections: Pick<ReturnType<typeof sectionQueries>, 'get'>,
  media: Pick<MediaQueries, 'get'>,
): StoryReferences => ({
  sectionExists: (id) => sections.get(id) !== null,
  mediaExists: (src) => media.get(src.slice('media/'.length).split('.')[0]!) !== null,
});

/** What the story row keeps derived from the body. */
export type BodyFacts = Pick<StoryRecord, 'bodyText' | 'wordCount'>;

function cleanBody(body: unknown, references: StoryReferences): { body: StoryBody; derived: BodyFacts } {
  let cleaned;
  try {
    cleaned = cleanStoryBody(body);
  } catch (error) {
    if (error instanceof InvalidDocumentError) throw new AppError('invalid-input', error.message);
    throw error;
  }
  for (const src of cleaned.facts.media) checkImage(src, 'The image', references);
  return {
    body: cleaned.body as StoryBody,
    derived: { bodyText: cleaned.facts.text, wordCount: cleaned.facts.wordCount },
  };
}

function checkImage(src: string, what: string, references: StoryReferences): void {
  if (!isAllowedMediaSrc(src))
    throw new AppError('invalid-input', `${what} must be an image of the media store or an http(s) URL`);
  if (MEDIA_SRC.test(src) && !references.mediaExists(src))
    throw new AppError('not-found', `${what} ${src} is not in the media store`);
}

/**
 * Story fields from anywhere, as the core stores them: characters HTML and XML do not allow removed from every text;
 * the body checked against the story schema (`cleanStoryBody`) and stored normalised, with what is derived from it;
 * every reference checked.
 * @throws AppError `not-found` naming a section or media-store image that does not exist, `invalid-input` for a body
 * the schema refuses or an image that is neither ours nor an http(s) URL.
 */
export function cleanStoryFields<T extends Partial<StoryFields>>(
  fields: T,
  references: StoryReferences,
): { fields: T; derived?: BodyFacts } {
  const { body, ...rest } = fields;
  const cleaned = cleanStrings(rest) as T;
  if (cleaned.sectionId != null && !references.sectionExists(cleaned.sectionId))
    throw new AppError('not-found', `No section with id ${cleaned.sectionId}`);
  if (cleaned.featuredImage != null) checkImage(cleaned.featuredImage, 'The featured image', references);
  if (body === undefined) return { fields: cleaned };
  const stored = cleanBody(body, references);
  return { fields: { ...cleaned, body: stored.body }, derived: stored.derived };
}
