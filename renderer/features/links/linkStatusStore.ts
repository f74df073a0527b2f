import type { LinkedStory } from '../../../shared/domain/storyLinks';
import { shortcutLabel } from '../editor/shortcutLabel';

/** The current state of the stories an open story links to, for the editor's link decorations and node views. */
export interface LinkStatusStore {
  get(id: string): LinkedStory | undefined;
  set(stories: readonly LinkedStory[]): void;
  subscribe(listener: () => void): () => void;
}

export function createLinkStatusStore(): LinkStatusStore {
  let byId = new Map<string, LinkedStory>();
  const listeners = new Set<() => void>();
  return {
    get: (id) => byId.get(id),
    set(stories) {
      byId = new Map(stories.map((story) => [story.id, story]));
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What a linked story's tooltip says: its current headline, or why the link is broken. */
export function linkTitle(story: LinkedStory | undefined, fallbackHeadline = ''): string {
  const headline = story?.headline || fallbackHeadline || 'Untitled story';
  switch (story?.state) {
    case 'trashed':
      return `Broken link: “${headline}” is in the trash`;
    case 'spiked':
      return `Broken link: “${headline}” was spiked`;
    case 'missing':
      return 'Broken link: this story no longer exists';
    default:
      return `${headline} — ${shortcutLabel('Mod')}+click to open`;
  }
}
