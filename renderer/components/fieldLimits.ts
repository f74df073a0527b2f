import type { z } from 'zod';
import { CommentText } from '../../shared/domain/comment';
import { PersonInput } from '../../shared/domain/person';
import { SectionName } from '../../shared/domain/section';
import { StoryFields } from '../../shared/domain/story';
import { MAX_TAG_LENGTH } from '../../shared/domain/tag';
import { INPUT_LIMITS } from '../../shared/ipc/inputLimits';

type Unwrappable = {
  maxLength?: number | null;
  unwrap?: () => Unwrappable;
  def?: { innerType?: Unwrappable };
};

/** The longest string a contract schema accepts (through optional/default wrappers), so a field's limit comes from the core's own check. */
export function maxLengthOf(schema: z.ZodType): number {
  let current = schema as unknown as Unwrappable | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.maxLength === 'number') return current.maxLength;
    current = current.def?.innerType ?? current.unwrap?.();
  }
  throw new Error('The schema has no maximum length');
}

const story = StoryFields.shape;

/** Every text limit the contract sets on what a person types, read once from its schemas. */
export const LIMITS = {
  headline: maxLengthOf(story.headline),
  standfirst: maxLengthOf(story.standfirst),
  byline: maxLengthOf(story.byline),
  dateline: maxLengthOf(story.dateline),
  credit: maxLengthOf(story.credit),
  comment: maxLengthOf(CommentText),
  ...INPUT_LIMITS,
  sectionName: maxLengthOf(SectionName),
  tagName: MAX_TAG_LENGTH,
  personName: maxLengthOf(PersonInput.shape.name),
} as const;
