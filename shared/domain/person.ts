import { z } from 'zod';
import { ulidOf } from './story';

export const Role = z.enum(['reporter', 'editor']);
export type Role = z.infer<typeof Role>;

export const PersonId = ulidOf('person');

export const Person = z.object({
  id: PersonId,
  name: z.string(),
  role: Role,
});
export type Person = z.infer<typeof Person>;

export const PersonInput = z
  .object({
    name: z.string().trim().min(1, 'A name is required').max(120, 'At most 120 characters'),
    role: Role,
  })
  .strict();
export type PersonInput = z.infer<typeof PersonInput>;
