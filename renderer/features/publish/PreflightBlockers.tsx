import './publish.css';
import { useState } from 'react';
import type { PreflightItem } from '../../../shared/domain/preflight';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { useSections } from '../stories/useSections';
import { publishSessions, useLatestJob } from './publishSessions';

/** What the story offers to fix a blocker right where it is reported; each is offered only when given. */
export interface PreflightFixes {
  /** Sets the story's section (saved like a change in the form). */
  onSection?(sectionId: string): void;
  /** Opens a linked story that is not published. */
  onOpenStory?(storyId: string): void;
  /** Removes the links to a story from the body (saved like an edit). */
  onUnlink?(storyId: string): void;
}

/** The pre-flight's blockers, each with its fix beside it: pick the section; open, publish or unlink a linked story. */
export function PreflightBlockers(props: {
  items: PreflightItem[];
  targetId: string;
  fixes: PreflightFixes;
}) {
  const { onSection, onOpenStory, onUnlink } = props.fixes;
  return (
    <ul className="preflight-list" aria-label="Blockers">
      {props.items.map((item) => (
        <li key={`${item.code}-${item.message}`} className="preflight-blocker">
          <span aria-hidden="true">✕</span> {item.message}
          {item.code === 'no-section' && onSection && <SectionFix onSection={onSection} />}
          {item.code === 'unpublished-link' && item.storyId && (
            <LinkedStoryFix
              storyId={item.storyId}
              targetId={props.targetId}
              {...(onOpenStory && { onOpen: onOpenStory })}
              {...(onUnlink && { onUnlink })}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** The fix for "Choose a section", right where the check reports it. */
function SectionFix({ onSection }: { onSection(sectionId: string): void }) {
  const sections = useSections();
  return (
    <select
      className="preflight-fix"
      aria-label="Section for this story"
      value=""
      onChange={(event) => event.target.value && onSection(event.target.value)}
    >
      <option value="">Choose a section…</option>
      {sections.map((section) => (
        <option key={section.id} value={section.id}>
          {section.name}
        </option>
      ))}
    </select>
  );
}

/** The fixes for a link to a story that is not published on the site: open it, publish it there, or unlink it. */
function LinkedStoryFix(props: {
  storyId: string;
  targetId: string;
  onOpen?(storyId: string): void;
  onUnlink?(storyId: string): void;
}) {
  const client = useClient();
  const [failed, setFailed] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const latest = useLatestJob(props.storyId);
  const job = sent && latest?.targetId === props.targetId ? latest : null;
  const sending = sent && (!job || ['queued', 'running', 'waiting'].includes(job.state));
  const jobFailed = job && (job.state === 'failed' || job.state === 'paused') ? job.lastError : null;
  const error = failed ?? jobFailed;

  const publish = async () => {
    setFailed(null);
    setSent(true);
    try {
      publishSessions.offer(
        await client.call('publish:start', {
          storyId: props.storyId,
          targetId: props.targetId,
          action: 'publish',
        }),
      );
    } catch (cause) {
      setSent(false);
      setFailed(errorMessage(cause));
    }
  };

  return (
    <span className="preflight-fix preflight-link-fix">
      {props.onOpen && (
        <button
          type="button"
          className="button-quiet button-small"
          onClick={() => props.onOpen?.(props.storyId)}
        >
          Open
        </button>
      )}
      <button
        type="button"
        className="button-quiet button-small"
        disabled={sending}
        onClick={() => void publish()}
      >
        {sending ? 'Publishing…' : 'Publish it'}
      </button>
      {props.onUnlink && (
        <button
          type="button"
          className="button-quiet button-small"
          onClick={() => props.onUnlink?.(props.storyId)}
        >
          Unlink
        </button>
      )}
      {error && (
        <span role="alert" className="field-error preflight-fix-error">
          Could not publish it: {error}
        </span>
      )}
    </span>
  );
}
