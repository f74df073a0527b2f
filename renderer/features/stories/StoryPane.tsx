import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Story } from '../../../shared/domain/story';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { useQueryCall } from '../../api/useQueryCall';
import { prefetchStory } from './prefetchStory';
import { StoryForm } from './StoryForm';
import { backgroundSaveSettled, isSavingInBackground } from './storySaver';

/** Loads one story and shows it for editing; the key on this component is the story id. */
export function StoryPane({
  storyId,
  onClosed,
  onOpenStory,
}: {
  storyId: string;
  /** The story left the pane; `trashed` when it went to the trash (the app offers Undo). */
  onClosed(trashed?: Story): void;
  onOpenStory(id: string): void;
}) {
  const client = useClient();
  // Reopened before the changes typed last time were stored: show it once they are, or it would show the older text.
  const [settled, setSettled] = useState(() => !isSavingInBackground(storyId));
  useEffect(() => void backgroundSaveSettled(storyId).then(() => setSettled(true)), [storyId]);
  const { value: story, error: loadError } = useQueryCall('stories:get', settled ? { id: storyId } : null);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (settled) prefetchStory(queryClient, storyId);
  }, [settled, storyId, queryClient]);
  const [failed, setError] = useState<string | null>(null);
  const error = failed ?? (story ? null : loadError);

  const setTrashed = async (trashed: boolean, flush: () => Promise<void>) => {
    try {
      // A trashed story takes no saves, so what was just typed is stored first.
      if (trashed) await flush();
      const moved = await client.call(trashed ? 'stories:trash' : 'stories:restore', { id: storyId });
      if (trashed) onClosed(moved);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  if (error) {
    return (
      <p role="alert" className="banner banner-error">
        {error}
      </p>
    );
  }
  if (!story) return <p className="loading">Loading story…</p>;

  const trashAction = (flush: () => Promise<void>) =>
    story.trashedAt ? (
      <button className="button-quiet" onClick={() => void setTrashed(false, flush)}>
        Restore from trash
      </button>
    ) : (
      <button
        className="button-quiet icon-button kill-action"
        aria-label="Move to trash"
        title="Move to trash"
        onClick={() => void setTrashed(true, flush)}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path
            d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.8 6.5v5M9.2 6.5v5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.3"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
    );

  return (
    <article className="story-pane">
      <StoryForm
        story={story}
        readOnly={story.trashedAt !== null}
        headerActions={trashAction}
        onOpenStory={onOpenStory}
      />
    </article>
  );
}
