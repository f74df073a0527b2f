import type { ConnectionReport } from '../../../../shared/domain/target';
import type { WordPressClient } from './wordpressClient';

/** Asks the site its name, who the credentials belong to and whether they may publish posts. */
export async function checkConnection(client: WordPressClient): Promise<ConnectionReport> {
  const root = await client.request<{ name?: string }>('GET', '/');
  const me = await client.request<{
    name?: string;
    username?: string;
    capabilities?: Record<string, boolean>;
  }>('GET', '/wp/v2/users/me', { query: { context: 'edit' } });
  return {
    siteName: root.name ?? '',
    userName: me.username ?? me.name ?? '',
    canPublish: me.capabilities?.publish_posts === true,
    restBase: await client.restBase(),
  };
}
