import { useSyncExternalStore } from 'react';
import type { WorkflowAction } from '../../../shared/domain/workflow';

/** What the open story's header offers the command palette. */
export interface StoryCommands {
  storyId: string;
  /** The workflow actions the current person may take, as the header shows them. */
  actions: readonly WorkflowAction[];
  /** Runs an action as its header button does (Return asks for the note first). */
  run(action: WorkflowAction): void;
  /** Sends the story's pending edits. */
  flush(): Promise<void>;
}

let current: StoryCommands | null = null;
const listeners = new Set<() => void>();

/** Offers the open story's commands until the returned function withdraws them. */
export function offerStoryCommands(commands: StoryCommands): () => void {
  current = commands;
  listeners.forEach((listener) => listener());
  return () => {
    if (current !== commands) return;
    current = null;
    listeners.forEach((listener) => listener());
  };
}

/** The open story's commands, if a story is open. */
export function useStoryCommands(): StoryCommands | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
