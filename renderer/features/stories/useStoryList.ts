import { useLibrary, type LibraryState } from '../library/useLibrary';

export type StoryListState = LibraryState;

/** The story list (live stories or the trash): search, filters, sort and pages. */
export function useStoryList(trashed: boolean): StoryListState {
  return useLibrary(trashed);
}
