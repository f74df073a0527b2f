import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { MEDIA_SRC } from '../../shared/domain/media';
import type { StoryBody } from '../../shared/domain/story';
import { readStoryDoc, withAlsoReadHeadlines as alsoReadHeadlines } from '../../shared/editor';

/** Ids of the stories a body links to: story link marks and also-read blocks. */
export function linkedStoryIds(body: StoryBody): { storyId: string; headline: string }[] {
  const found = new Map<string, string>();
  for (const { storyId, headline } of readStoryDoc(body).links)
    if (!found.get(storyId)) found.set(storyId, headline);
  return [...found].map(([storyId, headline]) => ({ storyId, headline }));
}

/**
 * A body whose also-read blocks show `headlineOf(storyId)` where known, not the headline they were inserted
 * with: the document (to render and read without parsing it again) and its JSON.
 */
export function withAlsoReadHeadlines(
  body: StoryBody,
  headlineOf: (storyId: string) => string | null,
): { doc: ProseMirrorNode; body: StoryBody } {
  const doc = alsoReadHeadlines(body, headlineOf);
  return { doc, body: doc.toJSON() as StoryBody };
}

/** The `media/…` images of a body (figures) and the featured image, each once. */
export function mediaSources(body: StoryBody | ProseMirrorNode, featuredImage: string | null): string[] {
  const found = new Set(readStoryDoc(body).media.filter((src) => MEDIA_SRC.test(src)));
  if (featuredImage !== null && MEDIA_SRC.test(featuredImage)) found.add(featuredImage);
  return [...found];
}
