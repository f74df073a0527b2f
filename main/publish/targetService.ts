import { monotonicFactory } from 'ulid';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  STATIC_TARGET_ID,
  type ConnectionReport,
  type Target,
  type TargetInput,
} from '../../shared/domain/target';
import type { TestConnectionInput } from '../../shared/ipc/channels/targets';
import { AppError } from '../../shared/ipc/errors';
import type { TargetQueries, TargetRecord } from '../db/queries/targetQueries';
import { foreignContentIn } from './targets/static/writeSite';
import { PublishError } from './publishError';
import type { SecretBox } from './secrets/secretBox';
import { checkConnection } from './targets/wordpress/checkConnection';
import { wordpressClient, type FetchLike, type WordPressClient } from './targets/wordpress/wordpressClient';

export interface TargetServiceDeps {
  queries: TargetQueries;
  secrets: SecretBox;
  dataDir: string;
  now: () => Date;
  fetch?: FetchLike | undefined;
}

const withSlash = (url: string) => (url === '' || url.endsWith('/') ? url : `${url}/`);

/** A PublishError from a site, as the user should see it across the contract. */
export function toAppError(error: unknown): unknown {
  if (!(error instanceof PublishError)) return error;
  const { details } = error as PublishError & { details?: Record<string, unknown> };
  return new AppError(error.kind === 'network' ? 'unavailable' : 'forbidden', error.message, details);
}

/** Publish targets: the built-in static site and WordPress sites, their encrypted passwords and connection checks. */
export function createTargetService({ queries, secrets, dataDir, now, fetch }: TargetServiceDeps) {
  const newId = monotonicFactory();
  const mustGet = (id: string): TargetRecord => {
    const target = queries.get(id);
    if (!target) throw new AppError('not-found', `No publish target with id ${id}`);
    return target;
  };
  const folderOf = (target: TargetRecord): string =>
    typeof target.options.folder === 'string' && target.options.folder
      ? target.options.folder
      : join(dataDir, 'site');
  const toTarget = (record: TargetRecord): Target => ({
    id: record.id,
    kind: record.kind,
    name: record.name,
    url: record.url,
    userName: typeof record.options.userName === 'string' ? record.options.userName : '',
    folder: record.kind === 'static' ? folderOf(record) : '',
    hasSecret: record.secret !== null,
    createdAt: new Date(record.createdAt).toISOString(),
  });

  const clientFor = (target: TargetRecord): WordPressClient => {
    if (!target.secret)
      throw new PublishError('auth', `No application password is stored for ${target.name}.`);
    return wordpressClient({
      url: target.url,
      userName: String(target.options.userName ?? ''),
      password: secrets.open(target.secret),
      restBase: typeof target.options.restBase === 'string' ? target.options.restBase : undefined,
      ...(fetch ? { fetch } : {}),
    });
  };

  return {
    get: mustGet,
    folderOf,
    clientFor,
    toTarget,
    /** The static site's folder and the address its feed and sitemap use. */
    staticSite(target: TargetRecord): { folder: string; publicUrl: string; baseUrl: string } {
      const folder = folderOf(target);
      const publicUrl = withSlash(target.url);
      return { folder, publicUrl, baseUrl: publicUrl || withSlash(pathToFileURL(folder).href) };
    },
    list: (): Target[] => queries.list().map(toTarget),

    save(input: TargetInput): Target {
      const at = now().getTime();
      if (input.kind === 'static') {
        const current = mustGet(input.id);
        if (current.kind !== 'static')
          throw new AppError('invalid-input', 'That target is not the static site');
        if (input.folder && input.folder !== folderOf(current)) {
          const refusal = foreignContentIn(input.folder);
          if (refusal) throw new AppError('invalid-input', refusal);
        }
        queries.save({
          ...current,
          name: input.name ?? current.name,
          url: input.url ?? current.url,
          options: { ...current.options, ...(input.folder ? { folder: input.folder } : {}) },
          updatedAt: at,
        });
        return toTarget(mustGet(input.id));
      }
      const current = input.id ? mustGet(input.id) : null;
      if (current && current.kind !== 'wordpress')
        throw new AppError('invalid-input', 'That target is not a WordPress site');
      if (!current && !input.password)
        throw new AppError('invalid-input', 'Enter the application password for the new site');
      const url = input.url.replace(/\/+$/, '');
      if (current && current.url !== url && !input.password)
        throw new AppError('invalid-input', 'Enter the application password again for the new site address');
      const record: TargetRecord = {
        id: current?.id ?? newId(at),
        kind: 'wordpress',
        name: input.name || new URL(url).host,
        url,
        options: {
          userName: input.userName,
          ...(current && current.url === url && current.options.restBase
            ? { restBase: current.options.restBase }
            : {}),
        },
        secret: input.password ? secrets.seal(input.password) : (current?.secret ?? null),
        createdAt: current?.createdAt ?? at,
        updatedAt: at,
      };
      queries.save(record);
      return toTarget(record);
    },

    remove(id: string): boolean {
      if (mustGet(id).kind === 'static')
        throw new AppError('invalid-input', 'The built-in static site cannot be removed');
      return queries.remove(id);
    },

    async test(input: TestConnectionInput): Promise<ConnectionReport> {
      const stored = input.id ? mustGet(input.id) : null;
      const url = input.url.replace(/\/+$/, '');
      // The stored password only ever goes to the site it was saved for.
      const password =
        input.password || (stored?.secret && stored.url === url ? secrets.open(stored.secret) : '');
      if (!input.url || !input.userName || !password)
        throw new AppError('invalid-input', 'Enter the site URL, the user name and the application password');
      try {
        const report = await checkConnection(
          wordpressClient({
            url,
            userName: input.userName,
            password,
            ...(fetch ? { fetch } : {}),
          }),
        );
        if (stored && stored.url === url)
          queries.save({ ...stored, options: { ...stored.options, restBase: report.restBase } });
        return report;
      } catch (error) {
        throw toAppError(error);
      }
    },

    defaultId: (configured: string | null): string =>
      configured && queries.get(configured) ? configured : STATIC_TARGET_ID,

    /** The target chosen for a story, or null when it follows the newsroom's default. */
    chosenFor: (storyId: string): string | null => queries.storyTarget(storyId),
    /** Makes a story publish to one target from now on; null puts it back on the default. */
    choose(storyId: string, targetId: string | null): void {
      if (targetId !== null) mustGet(targetId);
      queries.setStoryTarget(storyId, targetId);
    },
  };
}

export type TargetService = ReturnType<typeof createTargetService>;
