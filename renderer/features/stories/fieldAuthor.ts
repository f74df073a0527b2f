import { FIELDS_MAP, type SyncedField } from '../../../shared/domain/storyDocShape';
import { presenceUserOf } from '../editor/collab/presenceColors';
import type { StoryDocBinding } from '../editor/collab/storyDocBinding';

/**
 * The name of whoever wrote the value a desk story's doc holds for `field`, while they are on the story:
 * the map entry's Yjs client is the window that wrote it, and that window's awareness says who it is.
 */
export function fieldAuthor(binding: StoryDocBinding, field: SyncedField): string | null {
  const entry = binding.doc.getMap(FIELDS_MAP)._map.get(field);
  if (!entry || entry.id.client === binding.doc.clientID) return null;
  const user = presenceUserOf(binding.awareness.getStates().get(entry.id.client));
  return user && user.personId !== binding.user.personId ? user.name : null;
}
