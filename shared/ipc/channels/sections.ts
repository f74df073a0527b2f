import { z } from 'zod';
import { Section } from '../../domain/section';
import { channel, NoInput } from '../channel';

export const sectionChannels = {
  /** The newsroom's sections, in desk order. */
  'sections:list': channel(NoInput, z.array(Section)),
};
