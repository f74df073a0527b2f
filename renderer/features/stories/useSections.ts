import type { Section } from '../../../shared/domain/section';
import { useQueryCall } from '../../api/useQueryCall';

/** The newsroom's sections, from the cache. */
export function useSections(): Section[] {
  return useQueryCall('sections:list', {}).value ?? [];
}
