import type { Section } from '../../../shared/domain/section';
import { useCall } from '../../api/useCall';

/** The newsroom's sections, loaded once per mount. */
export function useSections(): Section[] {
  return useCall('sections:list', {}).value ?? [];
}
