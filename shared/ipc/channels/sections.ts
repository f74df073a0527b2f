import { z } from 'zod';
import { Section, SectionName } from '../../domain/section';
import { channel, NoInput } from '../channel';

export const sectionChannels = {
  /** The newsroom's sections, in desk order. */
  'sections:list': channel(NoInput, z.array(Section)),
  /** Adds a section at the end of the desk order; names are unique, ignoring case. */
  'sections:create': channel(z.object({ name: SectionName }).strict(), Section),
  /** Renames a section; its id, and so every story's section, stays the same. */
  'sections:rename': channel(z.object({ id: z.string().max(64), name: SectionName }).strict(), Section),
  /** Sets the desk order: `ids` lists every section once, first to last. */
  'sections:reorder': channel(
    z.object({ ids: z.array(z.string().max(64)).min(1).max(500) }).strict(),
    z.array(Section),
  ),
};
