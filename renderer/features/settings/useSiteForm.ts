import { useState, type FormEvent } from 'react';
import type { ConnectionReport, Target } from '../../../shared/domain/target';
import { errorMessage } from '../../api/errorMessage';

/** The state a WordPress or Ghost site form shares: the connection report, the error, what is running. */
export function useSiteForm() {
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);

  const run = async (kind: 'test' | 'save', work: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      await work();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(null);
    }
  };

  return {
    report,
    error,
    busy,
    /** Runs "Test connection" and keeps its report. */
    test: (check: () => Promise<ConnectionReport>) =>
      run('test', async () => {
        setReport(null);
        setReport(await check());
      }),
    /** The form's submit handler: saves, then hands the saved target on. */
    save: (write: () => Promise<Target>, onSaved: (target: Target) => void) => (event: FormEvent) => {
      event.preventDefault();
      void run('save', async () => onSaved(await write()));
    },
  };
}
