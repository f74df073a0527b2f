import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useState } from 'react';
import { ActivityPanel } from '../activity/ActivityPanel';
import { CommentButton, type CommentDraft } from '../comments/CommentButton';
import { CommentsPanel } from '../comments/CommentsPanel';
import { DiffPanel } from '../diff/DiffPanel';
import { HistoryPanel } from '../revisions/HistoryPanel';
import type { StorySaver } from '../stories/storySaver';
import { isInReviewMode, leaveReviewMode, onReviewMode } from './reviewMode';

export type ReviewPanel = 'comments' | 'changes' | 'activity' | 'history';

const PANELS: { id: ReviewPanel; label: string }[] = [
  { id: 'comments', label: 'Comments' },
  { id: 'changes', label: 'Changes' },
  { id: 'activity', label: 'Activity' },
  { id: 'history', label: 'History' },
];

export interface ReviewState {
  panel: ReviewPanel | null;
  setPanel(panel: ReviewPanel | null): void;
  draft: CommentDraft | null;
  startComment(draft: CommentDraft): void;
  endComment(): void;
}

/** Which one panel is open beside a story (one at a time, so the body keeps its width); review mode opens with the comments. */
export function useReviewState(storyId: string): ReviewState {
  const [panel, setPanel] = useState<ReviewPanel | null>(() => (isInReviewMode(storyId) ? 'comments' : null));
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  useEffect(() => {
    leaveReviewMode(storyId);
    return onReviewMode((id) => {
      if (id !== storyId) return;
      setPanel('comments');
      leaveReviewMode(storyId);
    });
  }, [storyId]);
  const startComment = useCallback((next: CommentDraft) => {
    setDraft(next);
    setPanel('comments');
  }, []);
  const endComment = useCallback(() => setDraft(null), []);
  return { panel, setPanel, draft, startComment, endComment };
}

/** Header buttons that open the side panels; opening one closes the other. */
export function ReviewPanelToggles({
  review,
  onOpen,
}: {
  review: ReviewState;
  onOpen(panel: ReviewPanel): void;
}) {
  return (
    <div className="segmented" role="group" aria-label="Side panels">
      {PANELS.map(({ id, label }) => (
        <button
          key={id}
          type="button"
          className="button-quiet"
          aria-pressed={review.panel === id}
          onClick={() => {
            if (review.panel !== id) onOpen(id);
            review.setPanel(review.panel === id ? null : id);
          }}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

/** The open review panel, if any. */
export function ReviewSidePanel(props: {
  review: ReviewState;
  storyId: string;
  editor: Editor | null;
  saver: StorySaver;
  onReload(): void;
}) {
  const { review } = props;
  const close = () => review.setPanel(null);
  if (review.panel === 'comments') {
    return (
      <CommentsPanel
        storyId={props.storyId}
        editor={props.editor}
        saver={props.saver}
        draft={review.draft}
        onDraftDone={review.endComment}
        onClose={close}
      />
    );
  }
  if (review.panel === 'changes') {
    return (
      <DiffPanel storyId={props.storyId} saver={props.saver} onRestored={props.onReload} onClose={close} />
    );
  }
  if (review.panel === 'activity') return <ActivityPanel storyId={props.storyId} onClose={close} />;
  if (review.panel === 'history') {
    return (
      <HistoryPanel storyId={props.storyId} saver={props.saver} onRestored={props.onReload} onClose={close} />
    );
  }
  return null;
}

export { CommentButton };
