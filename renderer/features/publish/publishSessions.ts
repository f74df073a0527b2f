import { useSyncExternalStore } from 'react';
import type { PublishJob } from '../../../shared/domain/publication';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { Client } from '../../api/client';

/** An open publish dialog: whether the story was live on the target when opened, and the job it follows. */
export interface PublishSession {
  wasLive: boolean | null;
  job: PublishJob | null;
  /** A publish:start is in flight; this story's new job is followed from its first row, before the answer. */
  starting: boolean;
}

interface OpenDialog {
  wasLive: boolean | null;
  jobId: string | null;
  starting: boolean;
}

// The renderer's one store of job rows, kept outside React: a job's progress can arrive before
// publish:start answers, and while no dialog is mounted; none of it may be lost.
const jobs = new Map<string, PublishJob>();
const dialogs = new Map<string, OpenDialog>();
const listeners = new Set<() => void>();
// Snapshots for React, rebuilt on every change so an unchanged one stays the same object.
let shownSessions = new Map<string, PublishSession>();
let latestOfStory = new Map<string, PublishJob>();

function notify() {
  latestOfStory = new Map();
  for (const job of jobs.values()) {
    const known = latestOfStory.get(job.storyId);
    if (!known || job.seq > known.seq) latestOfStory.set(job.storyId, job);
  }
  const previous = shownSessions;
  shownSessions = new Map();
  for (const [storyId, dialog] of dialogs) {
    const job = (dialog.jobId && jobs.get(dialog.jobId)) || null;
    const before = previous.get(storyId);
    const same =
      before?.job === job && before.wasLive === dialog.wasLive && before.starting === dialog.starting;
    shownSessions.set(storyId, same ? before : { wasLive: dialog.wasLive, job, starting: dialog.starting });
  }
  listeners.forEach((listener) => listener());
}

function change(storyId: string, changes: Partial<OpenDialog>) {
  const dialog = dialogs.get(storyId);
  if (!dialog) return;
  dialogs.set(storyId, { ...dialog, ...changes });
  notify();
}

/**
 * A job row from anywhere: an event, an answer, a pre-flight. The core numbers every row it writes, so
 * of two rows of a job the one with the higher `seq` is the later.
 */
function offer(job: PublishJob) {
  if ((jobs.get(job.id)?.seq ?? -1) >= job.seq) return;
  jobs.set(job.id, job);
  const dialog = dialogs.get(job.storyId);
  if (dialog?.starting && dialog.jobId !== job.id && job.seq > (latestOfStory.get(job.storyId)?.seq ?? -1))
    dialog.jobId = job.id;
  notify();
}

export const publishSessions = {
  open(storyId: string) {
    dialogs.set(storyId, { wasLive: null, jobId: null, starting: false });
    notify();
  },
  close(storyId: string) {
    dialogs.delete(storyId);
    notify();
  },
  get: (storyId: string): PublishSession | undefined => shownSessions.get(storyId),
  /** What the dialog knew when it opened or changed site: whether the story was live, and its unfinished job. */
  update(storyId: string, changes: { wasLive: boolean; job: PublishJob | null }) {
    if (changes.job) offer(changes.job);
    change(storyId, { wasLive: changes.wasLive, jobId: changes.job?.id ?? null });
  },
  offer,

  /** Starts a job for the session and follows it, whether or not the dialog is mounted meanwhile. */
  async start(client: Client, input: ChannelInput<'publish:start'>) {
    const { storyId } = input;
    change(storyId, { starting: true });
    try {
      const job = await client.call('publish:start', input);
      offer(job);
      change(storyId, { jobId: job.id });
    } finally {
      change(storyId, { starting: false });
    }
  },

  /** Takes the client's publish progress into the store until the returned function is called. */
  follow: (client: Client): (() => void) => client.on('publish:progress', offer),
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePublishSession(storyId: string): PublishSession | undefined {
  return useSyncExternalStore(subscribe, () => shownSessions.get(storyId));
}

/** The story's newest job row this window has seen (from any job), or undefined. */
export function useLatestJob(storyId: string): PublishJob | undefined {
  return useSyncExternalStore(subscribe, () => latestOfStory.get(storyId));
}
