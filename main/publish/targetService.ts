import { monotonicFactory } from 'ulid';
import { join } from 'node:path';
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
import { checkGhostConnection } from './targets/ghost/checkGhostConnection';
import { ghostClient } from './targets/ghost/ghostClient';
import { checkConnection } from './targets/wordpress/checkConnection';
import { wordpressClient, type FetchLike } from './targets/wordpress/wordpressClient';

export interface TargetServiceDeps {
  queries: TargetQueries;
  secrets: SecretBox;
  dataDir: string;
  now: () => Date;
  fetch?: FetchLike | undefined;
}

/** A PublishError from a site, as the user should see it across the contract. */
export function toAppError(error: unknown): unknown {
  if (!(error instanceof PublishError)) return error;
  const { details } = error as PublishError & { details?: Record<string, unknown> };
  return new AppError(error.kind === 'network' ? 'unavailable' : 'forbidden', error.message, details);
}

/** Publish targets: the built-in static site, WordPress and Ghost sites, their encrypted secrets and connection checks. */
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

  /** The stored password of a site, unsealed, for sending to it. */
  const secretOf = (target: TargetRecord): string => {
    if (!target.secret)
      throw new PublishError(
        'auth',
        `No ${target.kind === 'ghost' ? 'Admin API key' : 'application password'} is stored for ${target.name}.`,
      );
    return secrets.open(target.secret);
  };

  return {
    get: mustGet,
    folderOf,
    secretOf,
    toTarget,
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
      const label = input.kind === 'ghost' ? 'Ghost' : 'WordPress';
      const secretName = input.kind === 'ghost' ? 'Admin API key' : 'application password';
      const secret = input.kind === 'ghost' ? input.adminKey : input.password;
      if (current && current.kind !== input.kind)
        throw new AppError('invalid-input', `That target is not a ${label} site`);
      if (!current && !secret)
        throw new AppError('invalid-input', `Enter the ${secretName} for the new site`);
      const url = input.url.replace(/\/+$/, '');
      if (current && current.url !== url && !secret)
        throw new AppError('invalid-input', `Enter the ${secretName} again for the new site address`);
      const sameSite = current !== null && current.url === url;
      const record: TargetRecord = {
        id: current?.id ?? newId(at),
        kind: input.kind,
        name: input.name || new URL(url).host,
        url,
        options:
          input.kind === 'ghost'
            ? {}
            : {
                userName: input.userName,
                ...(sameSite && current.options.restBase ? { restBase: current.options.restBase } : {}),
              },
        secret: secret ? secrets.seal(secret) : (current?.secret ?? null),
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
      // The stored secret only ever goes to the site it was saved for.
      const storedSecret =
        stored?.secret && stored.url === url && stored.kind === (input.kind ?? 'wordpress')
          ? secrets.open(stored.secret)
          : '';
      if (input.kind === 'ghost') {
        const adminKey = input.adminKey || storedSecret;
        if (!input.url || !adminKey)
          throw new AppError('invalid-input', 'Enter the site URL and the Admin API key');
        try {
          return await checkGhostConnection(ghostClient({ url, adminKey, fetch }));
        } catch (error) {
          throw toAppError(error);
        }
      }
      const password = input.password || storedSecret;
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
