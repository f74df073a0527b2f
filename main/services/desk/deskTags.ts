import type * as Y from 'yjs';
import { FIELDS_MAP, isEmptyStoryDoc, TAGS_MAP } from './storyDoc';
import { FROM_THIS_MACHINE } from './storyDocSync';

/** Set in the doc's fields once its tags are there, so an empty tag map means "no tags", not "never written". */
const TAGS_WRITTEN = 'tagsWritten';

/**
 * A desk story's tags beside its body in the Y.Doc: a map from tag name to its place in the list, so tags
 * added or removed on two machines meanwhile both survive the merge (the same name is one key).
 */
export function createDeskTags(deps: {
  docOf: (storyId: string) => Y.Doc | null;
  tagsOf: (storyId: string) => string[];
  setTags: (storyId: string, names: string[]) => void;
  log: (error: unknown) => void;
}) {
  // Set while the desk's tags are applied here: what the tag service stores then is not sent back (its
  // spelling may differ, e.g. an existing tag's case, and two machines would correct each other forever).
  let applying = false;
  // Stories whose tag map changed from elsewhere since their tags were last applied here (projections come
  // with every remote keystroke; the local tags are read only when there is something to apply).
  const changed = new Set<string>();
  const written = (doc: Y.Doc) => doc.getMap(FIELDS_MAP).get(TAGS_WRITTEN) === true;

  const read = (doc: Y.Doc): string[] =>
    [...doc.getMap<number>(TAGS_MAP).entries()]
      .sort(([a, i], [b, j]) => i - j || a.localeCompare(b))
      .map(([name]) => name);

  function write(doc: Y.Doc, tags: readonly string[]) {
    doc.transact(() => {
      const map = doc.getMap<number>(TAGS_MAP);
      for (const name of [...map.keys()]) if (!tags.includes(name)) map.delete(name);
      tags.forEach((name, place) => {
        if (map.get(name) !== place) map.set(name, place);
      });
      if (!written(doc)) doc.getMap(FIELDS_MAP).set(TAGS_WRITTEN, true);
    }, FROM_THIS_MACHINE);
  }

  return {
    /** A desk story's doc opened here: tags written before the desk had any go in (a map merges, never doubles). */
    onDoc(storyId: string, doc: Y.Doc) {
      changed.add(storyId);
      doc.getMap(TAGS_MAP).observe(({ transaction }) => {
        if (transaction.origin !== FROM_THIS_MACHINE) changed.add(storyId);
      });
      if (written(doc) || isEmptyStoryDoc(doc)) return;
      const tags = deps.tagsOf(storyId);
      if (tags.length > 0) write(doc, tags);
    },

    /** A story moved to the desk from here: its tags go in with its fields (onDoc met the doc still empty). */
    onSeeded(storyId: string, doc: Y.Doc) {
      const tags = deps.tagsOf(storyId);
      if (tags.length > 0) write(doc, tags);
    },

    /** The doc changed from the desk: the story's tags follow it. */
    onProjected(storyId: string) {
      const doc = deps.docOf(storyId);
      if (!doc || !written(doc) || !changed.delete(storyId)) return;
      const wanted = read(doc);
      const key = (tags: string[]) => tags.join('\n').toLowerCase();
      if (key(wanted) === key(deps.tagsOf(storyId))) return;
      applying = true;
      try {
        deps.setTags(storyId, wanted);
      } catch (error) {
        deps.log(error);
      } finally {
        applying = false;
      }
    },

    /** The story's tags changed on this machine: into its doc, and so to the desk. */
    afterStoryTags(storyId: string, tags: readonly string[]) {
      if (applying) return;
      const doc = deps.docOf(storyId);
      if (doc && !isEmptyStoryDoc(doc)) write(doc, tags);
    },
  };
}
