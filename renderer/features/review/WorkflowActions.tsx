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
import { LIMITS } from '../../components/fieldLimits';

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
}) {
  const { story, saver } = props;
  const client = useClient();
  const { person } = useCurrentPerson();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const actions = useMemo(() => availableActions(story.status, person.role), [story.status, person.role]);
  const { onMoved } = props;

  const run = useCallback(
    async (action: WorkflowAction, withNote = '') => {
      setBusy(true);
      setError(null);
      try {
        await saver.flush();
        const moved = await client.call('workflow:transition', {
          storyId: story.id,
          action,
          expectedVersion: saver.version,
          note: withNote,
        });
        saver.reset(moved.version);
        setAsking(false);
        onMoved();
      } catch (cause) {
        setError(errorMessage(cause));
      } finally {
        setBusy(false);
      }
    },
    [client, saver, story.id, onMoved],
  );
  const choose = useCallback(
    (action: WorkflowAction) => (action === 'return' ? setAsking(true) : void run(action)),
    [run],
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
            disabled={busy}
            onClick={() => choose(action)}
          >
            {ACTION_LABELS[action]}
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
