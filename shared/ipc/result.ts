import { z } from 'zod';
import { AppErrorShape } from './errors';

/** The envelope every host answers with, whatever the transport. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorShape }),
]);

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorShape): Result<never> => ({ ok: false, error });
