import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import {
  prosemirrorJSONToYXmlFragment,
  updateYFragment,
  yXmlFragmentToProsemirrorJSON,
} from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { Story, StoryBody, StoryFields } from '../../../shared/domain/story';
import { storySchema } from '../../../shared/editor';
import {
  BODY_FIELD,
  FIELDS_MAP,
  SYNCED_FIELDS,
  type SyncedField,
} from '../../../shared/domain/storyDocShape';

export {
  BODY_FIELD,
  COMMENTS_LOG,
  FIELDS_MAP,
  SYNCED_FIELDS,
  TAGS_MAP,
} from '../../../shared/domain/storyDocShape';
export type DocFields = Pick<StoryFields, SyncedField | 'body'>;

const isEmpty = (doc: Y.Doc) =>
  doc.getXmlFragment(BODY_FIELD).length === 0 && doc.getMap(FIELDS_MAP).size === 0;

/**
 * Writes `story` into `doc`: the first time (an empty doc) as a whole, afterwards as the smallest change
 * (text diffed per node, only differing fields), so concurrent edits of other parts survive the merge.
 * Only the machine where the story lives may seed an empty doc, or both seeds would merge into doubled text.
 * `withBody: false` leaves the doc's body alone (a save of fields only: the row's body may lag behind a live editor's).
 */
export function writeStoryToDoc(
  doc: Y.Doc,
  story: Pick<Story, SyncedField | 'body'>,
  origin: unknown,
  { withBody = true }: { withBody?: boolean } = {},
): void {
  doc.transact(() => {
    const fields = doc.getMap<unknown>(FIELDS_MAP);
    for (const key of SYNCED_FIELDS) {
      if (fields.get(key) !== story[key] && !(fields.get(key) === undefined && story[key] === null)) {
        fields.set(key, story[key]);
      }
    }
    if (!withBody) return;
    const fragment = doc.getXmlFragment(BODY_FIELD);
    if (fragment.length === 0) {
      prosemirrorJSONToYXmlFragment(storySchema(), story.body, fragment);
    } else {
      const node = ProseMirrorNode.fromJSON(storySchema(), story.body);
      updateYFragment(doc, fragment, node, { mapping: new Map(), isOMark: new Map() });
    }
  }, origin);
}

/** The story fields the doc holds (a field the doc never had stays as in `fallback`). */
export function readStoryFromDoc(doc: Y.Doc, fallback: DocFields): DocFields {
  if (isEmpty(doc)) return fallback;
  const fields = doc.getMap<unknown>(FIELDS_MAP);
  const read = Object.fromEntries(
    SYNCED_FIELDS.map((key) => [key, fields.has(key) ? (fields.get(key) ?? null) : fallback[key]]),
  ) as Pick<StoryFields, SyncedField>;
  const body = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FIELD)) as StoryBody;
  return { ...read, body };
}

export { isEmpty as isEmptyStoryDoc };
