import { useState } from 'react';
import type { Comment, CommentReply } from '../../../shared/domain/comment';
import { LIMITS } from '../../components/fieldLimits';
import { formatFull, formatWhen } from '../../components/formatTime';
import { replyDraft, setReplyDraft } from './replyDrafts';
import './comments.css';

/** One comment with its replies: jump to its text, reply, resolve; its author (and each reply's) edits or deletes. */
export function CommentCard(props: {
  comment: Comment;
  active: boolean;
  orphaned: boolean;
  onSelect(): void;
  onReply(text: string): Promise<boolean>;
  onResolve(resolved: boolean): Promise<boolean>;
  /** Whether the current person wrote it (the comment or one of its replies): they may edit or delete it. */
  mine(author: string): boolean;
  /** Edits the comment or one of its replies, by id. */
  onEdit(id: string, text: string): Promise<boolean>;
  /** Deletes the comment (with its replies) or one of its replies, by id. */
  onDelete(id: string): Promise<boolean>;
}) {
  const { comment } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [reply, setReplyState] = useState(() => replyDraft(comment.id));
  const setReply = (text: string) => {
    setReplyState(text);
    setReplyDraft(comment.id, text);
  };
  const classes = ['comment', props.active && 'comment-active', comment.resolved && 'comment-resolved'];
  return (
    <li
      id={`comment-${comment.id}`}
      className={classes.filter(Boolean).join(' ')}
      aria-label={`Comment by ${comment.author}`}
    >
      <button type="button" className="comment-quote" onClick={props.onSelect} disabled={props.orphaned}>
        “{comment.quote || '…'}”
      </button>
      <p className="comment-meta">
        <strong>{comment.author}</strong>{' '}
        <time dateTime={comment.createdAt} title={formatFull(comment.createdAt)}>
          {formatWhen(comment.createdAt)}
        </time>
        {props.orphaned && <span className="comment-tag comment-orphaned">Orphaned</span>}
        {comment.resolved && <span className="comment-tag">Resolved</span>}
      </p>
      <EditableText
        what="comment"
        text={comment.text}
        className="comment-text"
        editing={editing}
        onEditing={setEditing}
        onSave={(text) => props.onEdit(comment.id, text)}
      />
      {props.mine(comment.author) && editing === null && (
        <OwnActions
          what={comment.replies.length > 0 ? 'comment and its replies' : 'comment'}
          onEdit={() => setEditing(comment.text)}
          onDelete={() => props.onDelete(comment.id)}
        />
      )}
      {comment.replies.length > 0 && (
        <ul className="comment-replies">
          {comment.replies.map((r) => (
            <ReplyItem
              key={r.id}
              reply={r}
              mine={props.mine(r.author)}
              onEdit={(text) => props.onEdit(r.id, text)}
              onDelete={() => props.onDelete(r.id)}
            />
          ))}
        </ul>
      )}
      <form
        className="comment-reply"
        onSubmit={(event) => {
          event.preventDefault();
          void props.onReply(reply).then((sent) => sent && setReply(''));
        }}
      >
        <input
          aria-label="Reply"
          maxLength={LIMITS.comment}
          placeholder="Reply…"
          value={reply}
          onChange={(e) => setReply(e.target.value)}
        />
        {reply.trim() && (
          <button type="submit" className="button-quiet">
            Send
          </button>
        )}
        <button
          type="button"
          className="button-quiet"
          onClick={() => void props.onResolve(!comment.resolved)}
        >
          {comment.resolved ? 'Reopen' : 'Resolve'}
        </button>
      </form>
    </li>
  );
}

function ReplyItem(props: {
  reply: CommentReply;
  mine: boolean;
  onEdit(text: string): Promise<boolean>;
  onDelete(): Promise<boolean>;
}) {
  const { reply } = props;
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <li aria-label={`Replied by ${reply.author}`}>
      <strong>{reply.author}</strong>{' '}
      <EditableText
        what="reply"
        text={reply.text}
        inline
        editing={editing}
        onEditing={setEditing}
        onSave={props.onEdit}
      />
      {props.mine && editing === null && (
        <OwnActions what="reply" onEdit={() => setEditing(reply.text)} onDelete={props.onDelete} />
      )}
    </li>
  );
}

/** A comment's or reply's text, or the box that edits it while `editing` holds the new text. */
function EditableText(props: {
  what: 'comment' | 'reply';
  text: string;
  className?: string;
  inline?: boolean;
  editing: string | null;
  onEditing(text: string | null): void;
  onSave(text: string): Promise<boolean>;
}) {
  const { editing, onEditing } = props;
  if (editing === null)
    return props.inline ? <span>{props.text}</span> : <p className={props.className}>{props.text}</p>;
  return (
    <form
      className="comment-edit"
      aria-label={`Edit ${props.what}`}
      onSubmit={(event) => {
        event.preventDefault();
        void props.onSave(editing).then((saved) => saved && onEditing(null));
      }}
    >
      <CommentBox
        label={props.what === 'reply' ? 'Reply text' : 'Comment text'}
        value={editing}
        onChange={onEditing}
        submitLabel="Save"
        onCancel={() => onEditing(null)}
      />
    </form>
  );
}

/** Edit and Delete for what the current person wrote; Delete asks first. */
function OwnActions(props: { what: string; onEdit(): void; onDelete(): Promise<boolean> }) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  return (
    <div className="comment-own">
      {confirmDelete ? (
        <>
          <span>Delete this {props.what}?</span>
          <button
            type="button"
            className="button-quiet button-small button-danger"
            onClick={() => void props.onDelete()}
          >
            Delete
          </button>
          <button type="button" className="button-quiet" onClick={() => setConfirmDelete(false)}>
            Keep
          </button>
        </>
      ) : (
        <>
          <button type="button" className="button-quiet button-small" onClick={props.onEdit}>
            Edit
          </button>
          <button type="button" className="button-quiet button-small" onClick={() => setConfirmDelete(true)}>
            Delete
          </button>
        </>
      )}
    </div>
  );
}

/** The text box of a new or edited comment: Ctrl/Cmd+Enter sends its form, Escape or Cancel gives up. */
export function CommentBox(props: {
  /** The text box's name, "Comment text" unless said. */
  label?: string;
  value: string;
  onChange(text: string): void;
  onCancel(): void;
  submitLabel: string;
  placeholder?: string;
}) {
  return (
    <>
      <textarea
        aria-label={props.label ?? 'Comment text'}
        rows={3}
        maxLength={LIMITS.comment}
        value={props.value}
        autoFocus
        placeholder={props.placeholder}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            if (props.value.trim()) event.currentTarget.form?.requestSubmit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            props.onCancel();
          }
        }}
      />
      <div className="comment-actions">
        <button type="button" className="button-quiet" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="button-primary" disabled={!props.value.trim()}>
          {props.submitLabel}
        </button>
      </div>
    </>
  );
}
