import TurndownService from 'turndown';
import type { Story } from '../../shared/domain/story';
import { escapeHtml, storyToHtml } from '../../shared/editor';

export type DocumentFormat = 'html' | 'md';

/** A linked story's address inside an exported folder: its own file next to this one. */
export type FileOfStory = (storyId: string) => string | null;

const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '*' });

/** One story as a standalone HTML page: headline, standfirst, byline, dateline, tags and body. */
export function storyHtmlPage(story: Story, tags: string[], fileOf: FileOfStory): string {
  const body = storyToHtml(story.body, { forPublishing: true, resolveStoryUrl: fileOf });
  const meta = [story.byline, story.dateline, story.credit].filter(Boolean).map(escapeHtml).join(' · ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(story.headline)}</title>
<meta name="date" content="${story.createdAt}">
${tags.length ? `<meta name="keywords" content="${escapeHtml(tags.join(', '))}">\n` : ''}</head>
<body>
<article>
<h1>${escapeHtml(story.headline)}</h1>
${story.standfirst ? `<p class="standfirst">${escapeHtml(story.standfirst)}</p>\n` : ''}${meta ? `<p class="byline">${meta}</p>\n` : ''}${body}
</article>
</body>
</html>
`;
}

/** One story as Markdown (turndown over the same HTML), with its facts in a front-matter block. */
export function storyMarkdown(story: Story, tags: string[], fileOf: FileOfStory): string {
  const facts: [string, string][] = [
    ['id', story.id],
    ['slug', story.slug],
    ['status', story.status],
    ['byline', story.byline],
    ['dateline', story.dateline],
    ['created', story.createdAt],
    ['updated', story.updatedAt],
    ['tags', tags.join(', ')],
  ];
  const front = facts
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  const body = turndown.turndown(storyToHtml(story.body, { forPublishing: true, resolveStoryUrl: fileOf }));
  const standfirst = story.standfirst ? `*${story.standfirst}*\n\n` : '';
  return `---\n${front}\n---\n\n# ${story.headline}\n\n${standfirst}${body}\n`;
}

export function storyDocument(
  format: DocumentFormat,
  story: Story,
  tags: string[],
  fileOf: FileOfStory,
): string {
  return format === 'html' ? storyHtmlPage(story, tags, fileOf) : storyMarkdown(story, tags, fileOf);
}
