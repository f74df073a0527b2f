import type { Editor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { afterPause } from '../editor/afterPause';
import { onDocChange } from '../editor/onDocChange';
import type { Comment } from '../../../shared/domain/comment';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { useQueryCall } from '../../api/useQueryCall';
import type { StorySaver } from '../stories/storySaver';
import { anchorRanges, commentsAtSelection, type AnchorRange } from './anchorRanges';
import type { CommentDraft } from './CommentButton';
import { SidePanel } from '../../components/SidePanel';
import { useCurrentPerson } from '../people/PersonContext';
import { highlightCommentDraft, type FollowedRange } from './draftHighlight';
import { anchorPostedComment } from './anchorPostedComment';
import { CommentBox, CommentCard } from './CommentCard';
import './comments.css';

/** Recomputes where anchors are at most this often while typing. */
const RANGE_DEBOUNCE_MS = 250;

function useAnchorRanges(editor: Editor | null): Map<string, AnchorRange> | null {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    if (!editor) return;
    const pause = afterPause(() => setChanges((n) => n + 1), RANGE_DEBOUNCE_MS);
    const off = onDocChange(editor, pause.touch);
    return () => {
      pause.cancel();
      off();
    };
  }, [editor]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `changes` says when the document changed
  return useMemo(() => (editor ? anchorRanges(editor) : null), [editor, changes]);
}

/** Review comments beside the story, in document order: write, reply, resolve, reopen, jump to the text. */
export function CommentsPanel(props: {
  storyId: string;
  editor: Editor | null;
  saver: StorySaver;
  draft: CommentDraft | null;
  onDraftDone(): void;
  onClose(): void;
}) {
  const { storyId, editor, saver, draft } = props;
  const client = useClient();
  const loaded = useQueryCall('comments:list', { storyId });
  const [text, setText] = useState('');
  const [failed, setError] = useState<string | null>(null);
  const error = failed ?? loaded.error;
  const [active, setActive] = useState<string | null>(null);
  const ranges = useAnchorRanges(editor);
  const { person } = useCurrentPerson();

  const highlight = useRef<{ draft: CommentDraft; range: FollowedRange } | null>(null);
  useEffect(() => {
    if (!editor || !draft) return;
    const shown = { draft, range: highlightCommentDraft(editor, draft) };
    highlight.current = shown;
    return () => {
      shown.range.release();
      if (highlight.current === shown) highlight.current = null;
    };
  }, [editor, draft]);

  useEffect(() => {
    if (!editor) return;
    const onSelection = () => setActive(commentsAtSelection(editor)[0] ?? null);
    editor.on('selectionUpdate', onSelection);
    return () => void editor.off('selectionUpdate', onSelection);
  }, [editor]);
  useEffect(() => {
    if (active) document.getElementById(`comment-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const comments = loaded.value;
  const [hideResolved, setHideResolved] = useState(false);
  const resolvedCount = (comments ?? []).filter((c) => c.resolved).length;
  const ordered = useMemo(() => {
    const place = (c: Comment) => ranges?.get(c.id)?.from ?? (ranges ? Infinity : (c.position ?? Infinity));
    return (comments ?? []).filter((c) => !hideResolved || !c.resolved).sort((a, b) => place(a) - place(b));
  }, [comments, ranges, hideResolved]);
  // Neither placed nor orphaned: just written, maybe in another window, and its anchor not saved yet.
  const isOrphaned = (c: Comment) =>
    ranges ? !ranges.has(c.id) && (c.orphaned || c.position !== null) : c.orphaned;

  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      setError(null);
      await work();
      return true;
    } catch (cause) {
      setError(errorMessage(cause));
      return false;
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft || !editor) return;
    const range = (highlight.current?.draft === draft && highlight.current.range.now()) || draft;
    void run(async () => {
      const comment = await anchorPostedComment(editor, range, () =>
        client.call('comments:create', { storyId, text, quote: draft.quote }),
      );
      await saver.flush();
      setActive(comment.id);
      setText((now) => (now === text ? '' : now));
      // Another comment may have begun while this one was sent: that one stays open.
      if (highlight.current?.draft === draft) props.onDraftDone();
    });
  };

  const select = (comment: Comment) => {
    setActive(comment.id);
    const range = ranges?.get(comment.id);
    if (editor && range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  };

  return (
    <SidePanel title="Comments" className="comments-panel" onClose={props.onClose}>
      {draft && (
        <form className="comment-new" onSubmit={submit} aria-label="New comment">
          <blockquote className="comment-quote-text">{draft.quote}</blockquote>
          <CommentBox
            value={text}
            onChange={setText}
            placeholder="What should change here?"
            submitLabel="Add comment"
            // Escape ends the draft and leaves the panel open.
            onCancel={props.onDraftDone}
          />
        </form>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {resolvedCount > 0 && (
        <label className="comments-filter">
          <input
            type="checkbox"
            checked={hideResolved}
            onChange={(event) => setHideResolved(event.target.checked)}
          />{' '}
          Hide resolved ({resolvedCount})
        </label>
      )}
      {ordered.length === 0 && !draft && (comments ?? []).length === 0 && (
        <p className="muted panel-empty">No comments yet. Select text and choose Comment.</p>
      )}
      <ol className="comment-list">
        {ordered.map((comment) => (
          <CommentCard
            key={comment.id}
            comment={comment}
            active={active === comment.id}
            orphaned={isOrphaned(comment)}
            onSelect={() => select(comment)}
            onReply={(reply) =>
              run(() => client.call('comments:reply', { commentId: comment.id, text: reply }))
            }
            onResolve={(resolved) =>
              run(() => client.call('comments:resolve', { commentId: comment.id, resolved }))
            }
            mine={(author) => author === person.name}
            onEdit={(id, changed) =>
              run(() => client.call('comments:edit', { commentId: id, text: changed }))
            }
            onDelete={(id) =>
              run(async () => {
                await client.call('comments:delete', { commentId: id });
                if (id === comment.id && editor?.commands.unsetCommentAnchor(id)) await saver.flush();
              })
            }
          />
        ))}
      </ol>
    </SidePanel>
  );
}
