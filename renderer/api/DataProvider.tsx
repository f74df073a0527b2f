import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import type { Client } from './client';
import { ClientContext } from './ClientContext';
import { createDataClient } from './dataClient';
import { createQueryClient } from './queryClient';

/** The renderer's data layer: one query cache over the transport's client, kept fresh by the core's events. */
export function DataProvider({ client, children }: { client: Client; children: ReactNode }) {
  const [data] = useState(() => {
    const queryClient = createQueryClient(client);
    return { queryClient, ...createDataClient(client, queryClient) };
  });
  useEffect(() => data.follow(), [data]);
  return (
    <QueryClientProvider client={data.queryClient}>
      <ClientContext value={data.client}>{children}</ClientContext>
    </QueryClientProvider>
  );
}
