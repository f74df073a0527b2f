import { useCallback, useEffect, useState } from 'react';
import type { Target } from '../../../shared/domain/target';
import { useClient } from '../../api/ClientContext';

/** The publish targets, reloadable after a change. */
export function useTargets(): { targets: Target[]; reload(): void } {
  const client = useClient();
  const [targets, setTargets] = useState<Target[]>([]);
  const reload = useCallback(() => {
    client
      .call('targets:list', {})
      .then(setTargets)
      .catch(() => undefined);
  }, [client]);
  useEffect(reload, [reload]);
  return { targets, reload };
}
