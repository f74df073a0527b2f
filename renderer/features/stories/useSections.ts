import { useEffect, useState } from 'react';
import type { Section } from '../../../shared/domain/section';
import { useClient } from '../../api/ClientContext';

/** The newsroom's sections, loaded once per mount. */
export function useSections(): Section[] {
  const client = useClient();
  const [sections, setSections] = useState<Section[]>([]);
  useEffect(() => {
    let current = true;
    client
      .call('sections:list', {})
      .then((loaded) => current && setSections(loaded))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [client]);
  return sections;
}
