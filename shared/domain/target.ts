import { z } from 'zod';

export const TargetKind = z.enum(['wordpress', 'static', 'ghost']);
export type TargetKind = z.infer<typeof TargetKind>;

export const STATIC_TARGET_ID = 'static';

/** A place stories are published to, as the renderer sees it: the secret never leaves the core. */
export const Target = z.object({
  id: z.string(),
  kind: TargetKind,
  name: z.string(),
  /** WordPress and Ghost: the site's address. Static: the public address of the site, or '' for none. */
  url: z.string(),
  /** WordPress: the user the application password belongs to. */
  userName: z.string(),
  /** Static: the folder the site is written to. */
  folder: z.string(),
  /** Whether a password (Ghost: the Admin API key) is stored; it is never shown again. */
  hasSecret: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Target = z.infer<typeof Target>;

const SiteUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s/?#]+[^\s?#]*$/i, 'Enter the address of the site, e.g. https://news.example.com');

/** Adding or changing a WordPress target; leave out `password` to keep the stored one. */
export const WordPressTargetInput = z
  .object({
    id: z.string().max(64).optional(),
    kind: z.literal('wordpress'),
    name: z.string().trim().max(120).default(''),
    url: SiteUrl,
    userName: z.string().trim().min(1, 'Enter the user name').max(120),
    password: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

/** A custom integration's Admin API key as Ghost shows it: `<24 hex>:<64 hex>`. */
export const GhostAdminKey = z
  .string()
  .trim()
  .regex(
    /^[0-9a-f]{24}:[0-9a-f]{64}$/i,
    'Enter the Admin API key of a Ghost custom integration (24 hex digits, a colon, 64 hex digits)',
  );

/** Adding or changing a Ghost target; leave out `adminKey` to keep the stored one. */
export const GhostTargetInput = z
  .object({
    id: z.string().max(64).optional(),
    kind: z.literal('ghost'),
    name: z.string().trim().max(120).default(''),
    url: SiteUrl,
    adminKey: GhostAdminKey.optional(),
  })
  .strict();

/** Changing the built-in static site: its folder and public address. */
export const StaticTargetInput = z
  .object({
    id: z.string().max(64),
    kind: z.literal('static'),
    name: z.string().trim().min(1).max(120).optional(),
    url: z.union([z.literal(''), SiteUrl]).optional(),
    folder: z.string().trim().min(1).max(1000).optional(),
  })
  .strict();

export const TargetInput = z.discriminatedUnion('kind', [
  WordPressTargetInput,
  GhostTargetInput,
  StaticTargetInput,
]);
export type TargetInput = z.infer<typeof TargetInput>;

/** What "Test connection" found out about a WordPress or Ghost site. */
export const ConnectionReport = z.object({
  siteName: z.string(),
  /** Ghost: the staff user of a staff token, '' for an integration's key. */
  userName: z.string(),
  canPublish: z.boolean(),
  /** The REST address that worked: `…/wp-json` or `…/?rest_route=`; Ghost: `…/ghost/api/admin`. */
  restBase: z.string(),
});
export type ConnectionReport = z.infer<typeof ConnectionReport>;
