import type { PreflightItem } from '../../../shared/domain/preflight';
import type { Client } from '../../api/client';

/** What approval itself settles; anything else the pre-flight blocks on would still stop publishing. */
const SETTLED_BY_APPROVAL = new Set<PreflightItem['code']>([
  'not-approved',
  'changed-since-approval',
  'not-allowed',
]);

/** What would still block publishing once the story is approved (section, unpublished links…), on which site. */
export interface ApprovalProblems {
  items: PreflightItem[];
  targetId: string;
}

/** The problems that would still block publishing once the story is approved. */
export async function blockersAfterApproval(client: Client, storyId: string): Promise<ApprovalProblems> {
  const preflight = await client.call('publish:preflight', { storyId });
  return {
    items: preflight.items.filter((item) => item.level === 'blocker' && !SETTLED_BY_APPROVAL.has(item.code)),
    targetId: preflight.target.id,
  };
}
