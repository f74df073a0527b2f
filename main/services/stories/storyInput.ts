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

/** A story body as stored, with what is derived from it. */
export function storedBody(body: unknown): Pick<StoryRecord, 'body' | 'bodyText' | 'wordCount'> {
  try {
    const { body: cleaned, facts } = cleanStoryBody(body);
    return { body: cleaned as StoryBody, bodyText: facts.text, wordCount: facts.wordCount };
  } catch (error) {
    if (error instanceof InvalidDocumentError) throw new AppError('invalid-input', error.message);
    throw error;
  }
}

function checkImage(src: string, what: string, references: StoryReferences): void {
  if (!isAllowedMediaSrc(src))
    throw new AppError('invalid-input', `${what} must be an image of the media store or an http(s) URL`);
  if (MEDIA_SRC.test(src) && !references.mediaExists(src))
    throw new AppError('not-found', `${what} ${src} is not in the media store`);
}

/**
 * Story fields from anywhere, as the core stores them: characters HTML and XML do not allow removed from every text,
 * and every reference checked. The body is cleaned by `storedBody`.
 * @throws AppError `not-found` naming a section or image that does not exist, `invalid-input` for an image that is
 * not ours or a web URL.
 */
export function cleanStoryFields<T extends Partial<StoryFields>>(fields: T, references: StoryReferences): T {
  const { body, ...rest } = fields;
  const cleaned = { ...cleanStrings(rest), ...(body === undefined ? {} : { body }) } as T;
  if (cleaned.sectionId != null && !references.sectionExists(cleaned.sectionId))
    throw new AppError('not-found', `No section with id ${cleaned.sectionId}`);
  if (cleaned.featuredImage != null) checkImage(cleaned.featuredImage, 'The featured image', references);
  return cleaned;
}
