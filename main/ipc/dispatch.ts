import { z } from 'zod';
import { hostileInputReason } from './inputGuard';
import {
  contract,
  isChannel,
  type Channel,
  type ChannelOutput,
  type Contract,
} from '../../shared/ipc/contract';
import { cleanStrings } from '../../shared/domain/text';
import { AppError } from '../../shared/ipc/errors';
import { fail, ok, type Result } from '../../shared/ipc/result';

/** What the core implements: one function per channel, taking parsed input. */
export type Handlers = {
  [C in Channel]: (input: z.infer<Contract[C]['input']>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** The handlers of one domain's channels (e.g. `HandlersFor<typeof storyChannels>`). */
export type HandlersFor<Channels> = Pick<Handlers, keyof Channels & Channel>;

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The one entry point of every host: checks the channel and input against the contract, removes the characters
 * HTML and XML do not allow from every string of it, runs the handler, and turns whatever happens into a Result.
 * It never throws.
 */
export function createDispatch(handlers: Handlers, log: (error: unknown) => void = console.error): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannel(channel)) {
      return fail({ code: 'not-found', message: `Unknown channel "${String(channel).slice(0, 80)}"` });
    }
    const { input: inputSchema, output: outputSchema } = contract[channel];
    const hostile = hostileInputReason(rawInput);
    if (hostile) return fail({ code: 'invalid-input', message: `Invalid input for ${channel}: ${hostile}` });
    const parsed = inputSchema.safeParse(rawInput === undefined || rawInput === null ? {} : rawInput);
    if (!parsed.success) {
      return fail({
        code: 'invalid-input',
        message: `Invalid input for ${channel}: ${z.prettifyError(parsed.error)}`,
      });
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(cleanStrings(parsed.data));
      return ok(outputSchema.parse(value));
    } catch (error) {
      if (error instanceof AppError) return fail(error.toShape());
      if (error instanceof RangeError && error.message.startsWith('Nested deeper'))
        return fail({ code: 'invalid-input', message: `Invalid input for ${channel}: ${error.message}` });
      // A reference a service did not check itself: still the caller's mistake, never a crash.
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
        return fail({
          code: 'not-found',
          message: `${channel}: something the input refers to does not exist`,
        });
      log(error);
      return fail({ code: 'internal', message: `${channel} failed: ${describe(error)}` });
    }
  };
}

function describe(error: unknown): string {
  if (error instanceof z.ZodError) return 'the result did not match the contract';
  if (error instanceof Error) return error.message;
  return 'unexpected error';
}
