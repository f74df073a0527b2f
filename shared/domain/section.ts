import { z } from 'zod';

export const Section = z.object({ id: z.string(), name: z.string(), position: z.number().int() });
export type Section = z.infer<typeof Section>;

/** A section's name: trimmed, 1–60 characters. */
export const SectionName = z
  .string()
  .trim()
  .min(1, 'A section needs a name')
  .max(60, 'A section name can have at most 60 characters');
