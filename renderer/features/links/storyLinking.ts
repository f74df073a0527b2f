import type { Extensions } from '@tiptap/core';
import { AlsoReadWithStatus } from './alsoReadView';
import { createLinkStatusStore, type LinkStatusStore } from './linkStatusStore';
import { StoryLinkStatus } from './storyLinkStatus';
import { StoryLinkTrigger, type TriggerState } from './storyLinkTrigger';

export type PickerKind = 'inline' | 'also_read';

/** A value React components can subscribe to with useSyncExternalStore. */
export interface Observable<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

function observable<T>(initial: T): Observable<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What the story editor's link features need from the story around it. */
export interface LinkingContext {
  storyId: string | undefined;
  onOpenStory(id: string): void;
}

/** Ties the editor's link extensions to the React pickers: link states in, `[[` state and picker keys out. */
export interface StoryLinking {
  status: LinkStatusStore;
  trigger: Observable<TriggerState | null>;
  dialog: Observable<PickerKind | null>;
  /** The open inline picker takes the arrow and Enter keys; returns the function that lets go of them. */
  handleKeys(handler: (event: KeyboardEvent) => boolean): () => void;
  context(): LinkingContext;
  setContext(context: LinkingContext): void;
  /** The editor's extensions with the link features: also-read node view, link states, `[[` picker. */
  extend(base: Extensions): Extensions;
}

export function createStoryLinking(): StoryLinking {
  const status = createLinkStatusStore();
  const trigger = observable<TriggerState | null>(null);
  let keys: ((event: KeyboardEvent) => boolean) | null = null;
  let current: LinkingContext = { storyId: undefined, onOpenStory: () => undefined };
  const context = () => current;
  return {
    status,
    trigger,
    dialog: observable<PickerKind | null>(null),
    handleKeys(handler) {
      keys = handler;
      return () => {
        if (keys === handler) keys = null;
      };
    },
    context,
    setContext(next) {
      current = next;
    },
    extend: (base) => [
      ...base.filter((extension) => extension.name !== 'alsoRead'),
      AlsoReadWithStatus.configure({ store: status }),
      StoryLinkStatus.configure({ store: status, onOpen: (id) => context().onOpenStory(id) }),
      StoryLinkTrigger.configure({
        onChange: (state) => trigger.set(state),
        onKeyDown: (event) => keys?.(event) ?? false,
      }),
    ],
  };
}
