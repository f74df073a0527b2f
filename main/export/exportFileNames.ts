import type { DocumentFormat, FileOfStory } from './exportDocuments';
import type { ExportQueries } from './exportQueries';

/** Each story's file in an exported folder: `<slug>-<id>.<ext>`, so names are readable and unique. */
export function exportDocumentName(queries: ExportQueries, format: DocumentFormat): FileOfStory {
  return (storyId) => {
    const story = queries.story(storyId);
    if (!story) return null;
    const slug = typeof story.slug === 'string' && story.slug ? `${story.slug}-` : '';
    return `${slug}${storyId.toLowerCase()}.${format}`;
  };
}
