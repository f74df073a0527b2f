import type { ConnectionReport } from '../../../../shared/domain/target';
import { ghostAdminBase, ghostRejection, type GhostClient } from './ghostClient';

/** Roles of Ghost staff that may publish (Contributors may only write drafts). */
const PUBLISHING_ROLES = new Set(['Owner', 'Administrator', 'Editor', 'Author']);

/**
 * Asks the site its title and whether the key may publish. A custom integration's key acts with
 * Ghost's "Admin Integration" role, which may publish; a staff user's token may publish when that
 * user's role allows it.
 */
export async function checkGhostConnection(client: GhostClient): Promise<ConnectionReport> {
  const { site } = await client.request<{ site?: { title?: string } }>('GET', '/site/');
  // Proves the key: /site/ answers without one.
  await client.request('GET', '/posts/', { query: { limit: '1', fields: 'id' } });
  let userName = '';
  let canPublish = true;
  try {
    const me = await client.request<{ users?: { name?: string; roles?: { name: string }[] }[] }>(
      'GET',
      '/users/me/',
      { query: { include: 'roles' } },
    );
    const user = me.users?.[0];
    userName = user?.name ?? '';
    canPublish = (user?.roles ?? []).some((role) => PUBLISHING_ROLES.has(role.name));
  } catch (error) {
    // An integration is no user: Ghost refuses /users/me/ for it.
    const status = ghostRejection(error)?.status;
    if (status !== 403 && status !== 404 && status !== 422) throw error;
  }
  return {
    siteName: site?.title ?? '',
    userName,
    canPublish,
    restBase: ghostAdminBase(client.siteUrl),
  };
}
