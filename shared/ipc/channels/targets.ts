import { z } from 'zod';
import { ConnectionReport, GhostAdminKey, Target, TargetInput } from '../../domain/target';
import { channel, NoInput } from '../channel';

export const TargetById = z.object({ id: z.string().min(1).max(64) }).strict();

const WordPressTestInput = z
  .object({
    kind: z.literal('wordpress').optional(),
    /** A saved target whose stored password is used when `password` is left out. */
    id: z.string().max(64).optional(),
    url: z.string().trim().max(500),
    userName: z.string().trim().max(120),
    password: z.string().trim().max(200).optional(),
  })
  .strict();

const GhostTestInput = z
  .object({
    kind: z.literal('ghost'),
    /** A saved target whose stored key is used when `adminKey` is left out. */
    id: z.string().max(64).optional(),
    url: z.string().trim().max(500),
    adminKey: GhostAdminKey.optional(),
  })
  .strict();

/** WordPress (no `kind`, or `wordpress`) or Ghost (`kind: 'ghost'`) credentials to try. */
export const TestConnectionInput = z.union([GhostTestInput, WordPressTestInput]);
export type TestConnectionInput = z.infer<typeof TestConnectionInput>;

export const ViewSite = z.object({
  /** Where the renderer can open the site (browser host), or null when the host opened it itself. */
  url: z.string().nullable(),
  folder: z.string(),
});

export const targetChannels = {
  /** Every publish target, the built-in static site first. Secrets are never included. */
  'targets:list': channel(NoInput, z.array(Target)),
  /** Adds a WordPress or Ghost site or changes a target; its password or Admin API key is stored encrypted. */
  'targets:save': channel(TargetInput, Target),
  /** Removes a WordPress or Ghost target with its publications and jobs; the static site cannot be removed. */
  'targets:remove': channel(TargetById, z.object({ removed: z.boolean() })),
  /** Checks a WordPress or Ghost site: its name, the user, and whether the credentials may publish. */
  'targets:test': channel(TestConnectionInput, ConnectionReport),
  /** Opens the static site (or says where it is). */
  'targets:viewSite': channel(TargetById, ViewSite),
};
