import { pathToFileURL } from 'node:url';
import type { Section } from '../../shared/domain/section';
import type { TargetKind } from '../../shared/domain/target';
import type { PublicationQueries } from '../db/queries/publicationQueries';
import type { TargetQueries, TargetRecord } from '../db/queries/targetQueries';
import { PublishError } from './publishError';
import type { TargetAdapter } from './targetAdapter';
import { ghostClient } from './targets/ghost/ghostClient';
import { ghostTarget } from './targets/ghost/ghostTarget';
import { staticTarget } from './targets/static/staticTarget';
import { wordpressClient, type FetchLike } from './targets/wordpress/wordpressClient';
import { wordpressTarget } from './targets/wordpress/wordpressTarget';

/** What building the adapter of one target may use. */
export interface AdapterContext {
  target: TargetRecord;
  /** The target's stored secret, unsealed; a PublishError (`auth`) when none is stored. */
  secret(): string;
  fetch: FetchLike | undefined;
  /** Ids of the terms and media a site already has, per target. */
  cache: TargetQueries;
  publications: PublicationQueries;
  /** The folder the static site is written to. */
  folderOf(target: TargetRecord): string;
  sections(): Section[];
  mediaDir: string;
  now(): Date;
}

export type AdapterFactory = (context: AdapterContext) => TargetAdapter;

const withSlash = (url: string) => (url === '' || url.endsWith('/') ? url : `${url}/`);

const staticAdapter: AdapterFactory = ({ target, folderOf, publications, sections, mediaDir, now }) => {
  const folder = folderOf(target);
  const publicUrl = withSlash(target.url);
  const current = sections();
  return staticTarget({
    folder,
    publicUrl,
    baseUrl: publicUrl || withSlash(pathToFileURL(folder).href),
    title: 'Copydesk News',
    mediaDir,
    now,
    sections: () => current,
    published: () =>
      publications.publishedOn(target.id).map((record) => ({
        storyId: record.storyId,
        key: record.remoteId ?? record.storyId.toLowerCase(),
        snapshot: record.snapshot,
        publishedAt: record.publishedAt,
        updatedAt: record.updatedAt,
      })),
  });
};

/** The REST client of a WordPress target, with its unsealed application password. */
export const wordpressClientFor = (
  target: TargetRecord,
  password: string,
  fetch?: FetchLike,
  onRestBase?: (restBase: string) => void,
) =>
  wordpressClient({
    url: target.url,
    userName: String(target.options.userName ?? ''),
    password,
    restBase: typeof target.options.restBase === 'string' ? target.options.restBase : undefined,
    ...(fetch ? { fetch } : {}),
    ...(onRestBase ? { onRestBase } : {}),
  });

/** Keeps a detected REST base on the target (unless its address changed meanwhile): each publish was asking the site again. */
const rememberRestBase = (targets: TargetQueries, target: TargetRecord) => (restBase: string) => {
  const current = targets.get(target.id);
  if (current && current.url === target.url && current.options.restBase !== restBase)
    targets.save({ ...current, options: { ...current.options, restBase } });
};

const wordpressAdapter: AdapterFactory = ({ target, secret, fetch, cache }) =>
  wordpressTarget({
    targetId: target.id,
    client: wordpressClientFor(target, secret(), fetch, rememberRestBase(cache, target)),
    cache,
  });

const ghostAdapter: AdapterFactory = ({ target, secret, fetch, cache }) =>
  ghostTarget({
    targetId: target.id,
    client: ghostClient({ url: target.url, adminKey: secret(), fetch }),
    cache,
  });

/** The adapter of each kind of target; a new kind of site registers here. */
export const adapterRegistry: Partial<Record<TargetKind, AdapterFactory>> = {
  static: staticAdapter,
  wordpress: wordpressAdapter,
  ghost: ghostAdapter,
};

/** The adapter that sends to `context.target`, or a PublishError (`invalid`) for a kind not registered. */
export function adapterFor(
  context: AdapterContext,
  registry: Partial<Record<TargetKind, AdapterFactory>> = adapterRegistry,
): TargetAdapter {
  const factory = registry[context.target.kind];
  if (!factory)
    throw new PublishError('invalid', `Publishing to ${context.target.kind} is not available yet.`);
  return factory(context);
}
