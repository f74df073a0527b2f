import { useCallback, useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Story } from '../../../shared/domain/story';
import { ACTION_LABELS, availableActions, type WorkflowAction } from '../../../shared/domain/workflow';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { Dialog } from '../../components/Dialog';
import { useCurrentPerson } from '../people/PersonContext';
import type { StorySaver } from '../stories/storySaver';
import { offerStoryCommands } from './storyCommands';
import { blockersAfterApproval, type ApprovalProblems } from './approvalCheck';
import { PreflightBlockers, type PreflightFixes } from '../publish/PreflightBlockers';
import { ChangedSinceApprovalBadge, useChangedSinceApproval } from './ChangedSinceApproval';
import { LIMITS } from '../../components/fieldLimits';
import { useDeskStory } from '../desk/useDeskStory';
import { DeskRefused, moveStory } from './moveStory';
import './review.css';

const PRIMARY: WorkflowAction[] = ['submit', 'approve', 'restore'];
const KILL: WorkflowAction[] = ['spike'];

/**
 * The workflow buttons the current person's role allows for this story (the core checks again), also offered
 * to the command palette.
 */
export function WorkflowActions(props: {
  story: Story;
  saver: StorySaver;
  onMoved(): void;
  /** Where the kill action (Spike) goes, apart from the others; beside them when not given. */
  killSlot?: HTMLElement | null;
  /** The fixes approval offers for what would still block publishing (as the publish pre-flight does). */
  fixes?: {
    onSection?(sectionId: string): Promise<void>;
    onOpenStory?(storyId: string): void;
    onUnlink?(storyId: string): Promise<void>;
  };
}) {
  const { story, saver } = props;
  const client = useClient();
  const { person } = useCurrentPerson();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const { desk } = useDeskStory(story.id);
  const onDesk = desk?.onDesk === true;
  // One request at a time: a second one would be based on a version the first is about to change.
  const waiting = desk?.pending.some((entry) => entry.state === 'waiting') ?? false;
  const changedSinceApproval = useChangedSinceApproval(story) || (onDesk && desk.changedAfterApproval);
  const [approvalProblems, setApprovalProblems] = useState<ApprovalProblems | null>(null);
  // Approving an approved story again only makes sense once it changed after the approval.
  const actions = useMemo(
    () =>
      availableActions(story.status, person.role).filter(
        (action) => action !== 'approve' || story.status !== 'approved' || changedSinceApproval,
      ),
    [story.status, person.role, changedSinceApproval],
  );
  const { onMoved } = props;

  const run = useCallback(
    async (action: WorkflowAction, withNote = '') => {
      setBusy(true);
      setError(null);
      try {
        await saver.flush();
        const moved = await moveStory(client, {
          storyId: story.id,
          action,
          expectedVersion: saver.version,
          note: withNote,
          onDesk,
        });
        setAsking(false);
        if (moved.kind === 'moved') {
          saver.reset(moved.version);
          onMoved();
        }
      } catch (cause) {
        // The desk's refusal stays with the story (below) until the next action; anything else is said here.
        if (cause instanceof DeskRefused) setAsking(false);
        else setError(errorMessage(cause));
      } finally {
        setBusy(false);
      }
    },
    [client, saver, story.id, onMoved, onDesk],
  );
  // Approval says at once what would still stop publishing, rather than leave it to the publish dialog.
  const approve = useCallback(async () => {
    try {
      const problems = await blockersAfterApproval(client, story.id);
      if (problems.items.length > 0) setApprovalProblems(problems);
      else await run('approve');
    } catch (cause) {
      setError(errorMessage(cause));
    }
  }, [client, story.id, run]);
  const { onSection, onOpenStory, onUnlink } = props.fixes ?? {};
  const recheck = () =>
    void blockersAfterApproval(client, story.id).then(setApprovalProblems, (cause: unknown) =>
      setError(errorMessage(cause)),
    );
  const approvalFixes: PreflightFixes = {
    ...(onSection && { onSection: (id: string) => void onSection(id).then(recheck) }),
    ...(onUnlink && { onUnlink: (id: string) => void onUnlink(id).then(recheck) }),
    ...(onOpenStory && {
      onOpenStory: (id: string) => {
        setApprovalProblems(null);
        onOpenStory(id);
      },
    }),
  };
  const choose = useCallback(
    (action: WorkflowAction) =>
      action === 'return' ? setAsking(true) : action === 'approve' ? void approve() : void run(action),
    [run, approve],
  );

  // The command palette offers the same actions, run the same way.
  const trashed = story.trashedAt !== null;
  useEffect(() => {
    if (trashed) return;
    return offerStoryCommands({ storyId: story.id, actions, run: choose, flush: saver.flush });
  }, [trashed, story.id, actions, choose, saver]);

  if (trashed) return null;

  return (
    <div className="workflow-actions">
      {changedSinceApproval && <ChangedSinceApprovalBadge />}
      {actions.map((action) => {
        const button = (
          <button
            key={action}
            type="button"
            className={
              PRIMARY.includes(action)
                ? 'button-primary'
                : KILL.includes(action)
                  ? 'button-quiet kill-action'
                  : 'button-quiet'
            }
            disabled={busy || waiting}
            onClick={() => choose(action)}
          >
            {action === 'approve' && story.status === 'approved' ? (
              'Approve again'
            ) : (
              <ActionLabel action={action} />
            )}
          </button>
        );
        return KILL.includes(action) && props.killSlot
          ? createPortal(button, props.killSlot, action)
          : button;
      })}
      {error && (
        <span role="alert" className="workflow-error">
          {error}
        </span>
      )}
      {desk?.pending.map((entry, i) =>
        entry.state === 'waiting' ? (
          <span
            key={i}
            role="status"
            className="desk-waiting"
            title={`${deskActionLabel(entry.action)}: sent when the desk answers again`}
          >
            Waiting to reach the desk
            <span className="visually-hidden">: {deskActionLabel(entry.action)}</span>
          </span>
        ) : (
          <span key={i} role="alert" className="workflow-error">
            The desk refused “{deskActionLabel(entry.action)}”: {entry.message}
          </span>
        ),
      )}
      {approvalProblems && (
        <Dialog
          title="Approve with problems?"
          submitLabel={approvalProblems.items.length > 0 ? 'Approve anyway' : 'Approve'}
          submitDisabled={busy}
          onSubmit={() => {
            setApprovalProblems(null);
            void run('approve');
          }}
          onCancel={() => setApprovalProblems(null)}
        >
          <p>
            {approvalProblems.items.length > 0
              ? 'Once approved, this story still cannot be published until these are fixed:'
              : 'Nothing would stop publishing it now.'}
          </p>
          <PreflightBlockers
            items={approvalProblems.items}
            targetId={approvalProblems.targetId}
            fixes={approvalFixes}
          />
        </Dialog>
      )}
      {asking && (
        <Dialog
          title="Return to the reporter"
          submitLabel="Return"
          submitDisabled={!note.trim() || busy}
          onSubmit={() => void run('return', note)}
          onCancel={() => setAsking(false)}
        >
          <label className="field">
            <span>Note for the reporter</span>
            <textarea
              rows={4}
              maxLength={LIMITS.returnNote}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              autoFocus
            />
          </label>
        </Dialog>
      )}
    </div>
  );
}

const deskActionLabel = (action: WorkflowAction | 'publish') =>
  action === 'publish' ? 'Publish' : ACTION_LABELS[action];

/** A label whose tail a crowded header drops ("Submit for review" → "Submit"); the full label stays its name. */
function ActionLabel({ action }: { action: WorkflowAction }) {
  const label = ACTION_LABELS[action];
  const [head, ...tail] = label.split(' ');
  if (action !== 'submit' || tail.length === 0) return label;
  return (
    <>
      {head}
      <span className="label-more" aria-hidden="true">
        {' '}
        {tail.join(' ')}
      </span>
      <span className="visually-hidden"> {tail.join(' ')}</span>
    </>
  );
}
