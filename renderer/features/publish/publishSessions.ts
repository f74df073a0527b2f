import { useSyncExternalStore } from 'react';
import type { PublishJob } from '../../../shared/domain/publication';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { Client } from '../../api/client';

/** An open publish dialog: whether the story was live on the target when opened, and its job. */
export interface PublishSession {
  wasLive: boolean | null;
  job: PublishJob | null;
  /** A publish:start is in flight; progress of this story's new job is taken before its answer arrives. */
  starting: boolean;
}

// Kept outside React: a job's progress can arrive before publish:start answers, and while the dialog is
// not mounted (the button waits for its pre-flight); none of it may be lost.
const sessions = new Map<string, PublishSession>();
const listeners = new Set<() => void>();
const routedClients = new WeakSet<Client>();

const notify = () => listeners.forEach((listener) => listener());

function update(storyId: string, changes: Partial<PublishSession>) {
  const session = sessions.get(storyId);
  if (!session) return;
  sessions.set(storyId, { ...session, ...changes });
  notify();
}

const STATE_RANK: Record<PublishJob['state'], number> = {
  queued: 0,
  running: 1,
  waiting: 1,
  paused: 2,
  failed: 2,
  done: 2,
};
const STEP_RANK = ['queued', 'render', 'images', 'tags', 'send', 'done'];

/** Whether `next` is a later row of the same job than `current` (rows written in one millisecond tie on time). */
function isLater(next: PublishJob, current: PublishJob) {
  if (next.updatedAt !== current.updatedAt) return next.updatedAt > current.updatedAt;
  if (next.state !== current.state) return STATE_RANK[next.state] > STATE_RANK[current.state];
  return STEP_RANK.indexOf(next.progress.step) >= STEP_RANK.indexOf(current.progress.step);
}

/** A job row for the session's job: a later row of the same job, or a new job while one is being started. */
function offer(job: PublishJob) {
  const session = sessions.get(job.storyId);
  if (!session) return;
  const current = session.job;
  if (current?.id === job.id ? isLater(job, current) : session.starting) update(job.storyId, { job });
}

export const publishSessions = {
  open(storyId: string) {
    sessions.set(storyId, { wasLive: null, job: null, starting: false });
    notify();
  },
  close(storyId: string) {
    sessions.delete(storyId);
    notify();
  },
  get: (storyId: string) => sessions.get(storyId),
  update,
  offer,

  /** Starts a job for the session and follows it, whether or not the dialog is mounted meanwhile. */
  async start(client: Client, input: ChannelInput<'publish:start'>) {
    const { storyId } = input;
    update(storyId, { starting: true });
    try {
      const job = await client.call('publish:start', input);
      const current = sessions.get(storyId)?.job;
      if (current?.id !== job.id) update(storyId, { job });
      else offer(job);
    } finally {
      update(storyId, { starting: false });
    }
  },

  /** Routes the client's publish progress into the open sessions; once per client, for the app's lifetime. */
  route(client: Client) {
    if (routedClients.has(client)) return;
    routedClients.add(client);
    client.on('publish:progress', offer);
  },

  /** Catches up on a job that may have moved while no dialog listened (e.g. during a remount). */
  async refresh(client: Client, storyId: string) {
    const shown = sessions.get(storyId)?.job;
    if (!shown) return;
    const { jobs } = await client.call('publish:status', { storyId });
    const latest = jobs.find((candidate) => candidate.id === shown.id);
    if (latest) offer(latest);
  },
};

export function usePublishSession(storyId: string): PublishSession | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => sessions.get(storyId),
  );
}
