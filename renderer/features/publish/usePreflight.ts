import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { Preflight } from '../../../shared/ipc/channels/publish';
import { callKey } from '../../api/callKey';
import { useQueryCall } from '../../api/useQueryCall';
import { publishSessions } from './publishSessions';

/** The pre-flight of a story on its target, from the cache (kept current by the story's events). */
export function usePreflight(storyId: string): {
  preflight: Preflight | null;
  error: string | null;
  /** Asks again now (the dialog opens on what is stored this moment). */
  refresh(): Promise<unknown>;
} {
  const queryClient = useQueryClient();
  const { value, error } = useQueryCall('publish:preflight', { storyId });
  const pendingJob = value?.pendingJob;
  useEffect(() => {
    if (pendingJob) publishSessions.offer(pendingJob);
  }, [pendingJob]);
  const refresh = useCallback(
    () => queryClient.refetchQueries({ queryKey: callKey('publish:preflight', { storyId }), exact: true }),
    [queryClient, storyId],
  );
  return { preflight: value ?? null, error, refresh };
}
