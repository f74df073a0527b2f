import { z } from 'zod';

export const Section = z.object({ id: z.string(), name: z.string(), position: z.number().int() });
export type Section = z.infer<typeof Section>;
