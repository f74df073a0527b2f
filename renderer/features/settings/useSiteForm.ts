import { useState, type FormEvent } from 'react';
import type { ConnectionReport, Target } from '../../../shared/domain/target';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';

/** The state a WordPress or Ghost site form shares: the connection report, the error, what is running. */
export function useSiteForm() {
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  // Where the site redirected to: credentials go there only once the user saves it as the address.
  const [movedTo, setMovedTo] = useState<string | null>(null);

  const run = async (kind: 'test' | 'save', work: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    setMovedTo(null);
    try {
      await work();
    } catch (cause) {
      setError(errorMessage(cause));
      const moved = cause instanceof ApiError ? cause.details?.movedTo : undefined;
      setMovedTo(typeof moved === 'string' ? moved : null);
    } finally {
      setBusy(null);
    }
  };

  return {
    report,
    error,
    busy,
    movedTo,
    /** The user took the address the site redirected to. */
    acceptMove: () => {
      setMovedTo(null);
      setError(null);
    },
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
