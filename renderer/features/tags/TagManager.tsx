import { useState } from 'react';
import { tagNameProblem, type TagWithCount } from '../../../shared/domain/tag';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { useQueryCall } from '../../api/useQueryCall';
import { Dialog } from '../../components/Dialog';
import { LIMITS } from '../../components/fieldLimits';
import { RenameDialog } from '../../components/RenameDialog';
import { offerUndo } from '../../components/undoOffer';
import '../library/library.css';
import './tags.css';

type Pending =
  | { kind: 'rename'; tag: TagWithCount }
  | { kind: 'merge'; tag: TagWithCount }
  | { kind: 'delete'; tag: TagWithCount };

/** Every tag with its story count: rename, merge one into another, delete with confirmation. */
export function TagManager() {
  const client = useClient();
  // Only tag writes and a story entering or leaving the trash make the counts stale (invalidations.ts).
  const loaded = useQueryCall('tags:list', {});
  const tags = loaded.value ?? null;
  const [failed, setError] = useState<string | null>(null);
  const error = failed ?? loaded.error;
  const [pending, setPending] = useState<Pending | null>(null);
  const [filter, setFilter] = useState('');
  // The offer outlives this view: one can leave the Tags and still undo the merge.
  const offerUndoMerge = (mergeId: number, message: string) =>
    offerUndo({
      message,
      undo: async () => undoneMergeNote((await client.call('tags:undoMerge', { mergeId })).leftAlone),
    });

  const shown = (tags ?? []).filter((tag) => tag.name.toLowerCase().includes(filter.trim().toLowerCase()));

  return (
    <section className="manager" aria-labelledby="tag-manager-title">
      <header className="manager-header">
        <h2 id="tag-manager-title">Tags</h2>
        <input
          type="search"
          aria-label="Filter tags"
          placeholder="Filter tags"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </header>
      {error && (
        <p role="alert" className="banner banner-error">
          {error} <button onClick={() => setError(null)}>Dismiss</button>
        </p>
      )}
      {tags && tags.length === 0 && (
        <p className="list-empty">No tags yet. Add them in a story’s Tags field.</p>
      )}
      {shown.length > 0 && (
        <table className="manager-table">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((tag) => (
              <tr key={tag.id}>
                <th scope="row">
                  <span className="tag-cell">
                    <span className="tag-chip">{tag.name}</span>
                    <span className="tag-count">{tag.count === 1 ? '1 story' : `${tag.count} stories`}</span>
                  </span>
                </th>
                <td className="manager-actions">
                  <button
                    className="button-quiet button-small"
                    aria-label={`Rename ${tag.name}`}
                    onClick={() => setPending({ kind: 'rename', tag })}
                  >
                    Rename
                  </button>
                  <button
                    className="button-quiet button-small"
                    aria-label={`Merge ${tag.name}`}
                    onClick={() => setPending({ kind: 'merge', tag })}
                    disabled={tags!.length < 2}
                  >
                    Merge…
                  </button>
                  <button
                    className="button-quiet button-small button-danger"
                    aria-label={`Delete ${tag.name}`}
                    onClick={() => setPending({ kind: 'delete', tag })}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending?.kind === 'rename' && (
        <RenameDialog
          currentName={pending.tag.name}
          maxLength={LIMITS.tagName}
          problemWith={tagNameProblem}
          rename={(name) => client.call('tags:rename', { id: pending.tag.id, name })}
          onDone={() => setPending(null)}
        />
      )}
      {pending?.kind === 'merge' && (
        <MergeTagDialog
          tag={pending.tag}
          others={(tags ?? []).filter((tag) => tag.id !== pending.tag.id)}
          onDone={() => setPending(null)}
          onMerged={(mergeId, into) =>
            offerUndoMerge(mergeId, `“${pending.tag.name}” merged into “${into}”.`)
          }
          onError={setError}
        />
      )}
      {pending?.kind === 'delete' && (
        <Dialog
          title={`Delete the tag “${pending.tag.name}”?`}
          submitLabel="Delete tag"
          onCancel={() => setPending(null)}
          onSubmit={() => {
            const { tag } = pending;
            setPending(null);
            client
              .call('tags:delete', { id: tag.id })
              .catch((cause: unknown) => setError(errorMessage(cause)));
          }}
        >
          <p>
            It will be taken off {pending.tag.count === 1 ? '1 story' : `${pending.tag.count} stories`}. The
            stories themselves stay as they are.
          </p>
        </Dialog>
      )}
    </section>
  );
}

function MergeTagDialog(props: {
  tag: TagWithCount;
  others: TagWithCount[];
  onDone(): void;
  onMerged(mergeId: number, into: string): void;
  onError(message: string): void;
}) {
  const client = useClient();
  // No tag chosen at first: a merge deletes a tag, so it never goes ahead into whichever tag sorts first.
  const [targetId, setTargetId] = useState<number>(0);
  const submit = async () => {
    try {
      const merged = await client.call('tags:merge', { sourceId: props.tag.id, targetId });
      props.onMerged(merged.mergeId, merged.name);
      props.onDone();
    } catch (cause) {
      props.onError(errorMessage(cause));
      props.onDone();
    }
  };
  return (
    <Dialog
      title={`Merge “${props.tag.name}” into…`}
      submitLabel="Merge"
      submitDisabled={targetId === 0}
      onSubmit={() => void submit()}
      onCancel={props.onDone}
    >
      <label className="field">
        <span>Merge into</span>
        <select value={targetId} onChange={(event) => setTargetId(Number(event.target.value))}>
          <option value={0} disabled>
            Choose a tag…
          </option>
          {props.others.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name} ({tag.count})
            </option>
          ))}
        </select>
      </label>
      <p className="dialog-note">
        Every story tagged “{props.tag.name}” will be tagged with the chosen tag instead, and “
        {props.tag.name}” will be deleted.
      </p>
    </Dialog>
  );
}

/** What undoing a merge left as it was: the stories whose tags changed after it. */
function undoneMergeNote(leftAlone: number): string | undefined {
  if (leftAlone === 0) return undefined;
  return leftAlone === 1
    ? 'Undone; 1 story changed since kept its tags.'
    : `Undone; ${leftAlone} stories changed since kept their tags.`;
}
