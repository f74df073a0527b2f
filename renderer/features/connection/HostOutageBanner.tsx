import { useEffect, useState, useSyncExternalStore } from 'react';
import { useClient } from '../../api/ClientContext';
import { hostConnection } from '../../api/hostConnection';
import { retrySavesNow } from '../stories/storySaver';
import './hostOutageBanner.css';

const useHostReachable = () => useSyncExternalStore(hostConnection.subscribe, () => hostConnection.reachable);

/**
 * Across the top while the host does not answer: what is happening to the person's edits, and Retry.
 * The moment the host answers again (the event stream reconnects every two seconds), waiting saves go.
 */
export function HostOutageBanner() {
  const client = useClient();
  const reachable = useHostReachable();
  const [checking, setChecking] = useState(false);
  useEffect(
    () =>
      hostConnection.subscribe(() => {
        if (hostConnection.reachable) retrySavesNow();
      }),
    [],
  );
  if (reachable) return null;
  const retry = async () => {
    setChecking(true);
    // Any answer, even a refusal, means the host is back; the transport reports it.
    await client.call('app:info', {}).catch(() => undefined);
    setChecking(false);
  };
  return (
    <div role="alert" className="banner banner-error host-outage">
      <p>
        <strong>Copydesk is not reachable.</strong> Your edits are kept in this window and saved as soon as it
        answers again.
      </p>
      <button type="button" disabled={checking} onClick={() => void retry()}>
        {checking ? 'Trying…' : 'Retry now'}
      </button>
    </div>
  );
}
