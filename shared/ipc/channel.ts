import { z } from 'zod';

/** One contract entry: the zod schema of a channel's input and of its output. */
export const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const NoInput = z.object({}).strict();
