import type { Target } from '../../../shared/domain/target';
import { useQueryCall } from '../../api/useQueryCall';

/** The publish targets (a target written here makes the cached list stale). */
export function useTargets(): Target[] {
  return useQueryCall('targets:list', {}).value ?? [];
}
