/** Gives the URL of another story, or null when it has none (it is then rendered as plain text). */
export type StoryUrlResolver = (storyId: string) => string | null;

/** Gives the URL an image is served from, for a figure's stored `src`. */
export type MediaUrlResolver = (src: string) => string;

/** The in-app href of a story, used when no resolver is given. */
export const defaultStoryUrl = (storyId: string): string => `#story-${storyId}`;
