import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { changedSincePublished } from '../../shared/domain/publication';
import type { Section } from '../../shared/domain/section';
import { StorySummary, type Story } from '../../shared/domain/story';
import { linkTargetKey } from '../../shared/domain/storyLinks';
import type { LibraryPage, LibraryQueryInput, LibraryRow, Preflight } from '../../shared/ipc/contract';
import { callKey } from './callKey';

interface BodyNode {
  type?: string;
  attrs?: { storyId?: unknown };
  marks?: BodyNode[];
  content?: BodyNode[];
}

/**
 * The stories a stored body links to, read from its JSON: the core checked it against the schema when it was
 * saved, and parsing it again here would put TipTap into the first chunk the library needs.
 */
function linkSet(story: Story): string {
  const keys = new Set<string>();
  const visit = (node: BodyNode) => {
    const toId = node.attrs?.storyId;
    if (node.type === 'alsoRead' && typeof toId === 'string')
      keys.add(linkTargetKey({ toId, kind: 'also_read' }));
    for (const mark of node.marks ?? []) {
      const markTo = mark.attrs?.storyId;
      if (mark.type === 'storyLink' && markTo != null)
        keys.add(linkTargetKey({ toId: String(markTo), kind: 'inline' }));
    }
    node.content?.forEach(visit);
  };
  visit(story.body as BodyNode);
  keys.delete(linkTargetKey({ toId: story.id, kind: 'also_read' }));
  keys.delete(linkTargetKey({ toId: story.id, kind: 'inline' }));
  return [...keys].sort().join(' ');
}

/**
 * Whether the saved story differs from what its publication sent. The pre-flight does not carry the tags as
 * published, so the rule is asked with the same tags on both sides: the saved version settles it.
 */
const changedBySave = (preflight: Preflight | undefined, story: Story) =>
  preflight?.publication != null &&
  changedSincePublished({ ...preflight.publication, tags: [] }, { version: story.version, tags: [] });

/** Filters a save cannot change the answer to: it never moves a story's status, author or trash state. */
const KEPT_BY_SAVE = new Set(['status', 'author', 'trashed', 'utcOffsetMinutes']);

/**
 * For a list newest change first, filtered at most by what a save keeps: whether the saved story belongs in
 * it (it then goes to its top, and no other row moves). Null for any other list: only asking again can tell.
 */
function savedStoryBelongs(input: LibraryQueryInput, story: Story): boolean | null {
  const filters = input.filters ?? {};
  const plain =
    !input.search?.trim() &&
    Object.keys(filters).every((key) => KEPT_BY_SAVE.has(key)) &&
    (input.sort ?? 'updated') === 'updated' &&
    (input.direction ?? 'desc') === 'desc';
  if (!plain) return null;
  return (
    (filters.status === undefined || filters.status.includes(story.status)) &&
    (filters.author === undefined || filters.author.toLowerCase() === story.author.toLowerCase()) &&
    (filters.trashed ?? false) === (story.trashedAt !== null)
  );
}

type CachedPages = LibraryPage | InfiniteData<LibraryPage, string | undefined>;

/** The list with the saved story's row on top, or null if the row is not in it (it is then asked again). */
function withSavedRow(
  data: CachedPages,
  id: string,
  patch: (row: LibraryRow) => LibraryRow,
): CachedPages | null {
  const pages = 'pages' in data ? data.pages : [data];
  const row = pages.flatMap((page) => page.items).find((item) => item.id === id);
  if (!row) return null;
  const rest = pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== row.id) }));
  rest[0] = { ...rest[0]!, items: [patch(row), ...rest[0]!.items] };
  return 'pages' in data ? { ...data, pages: rest } : rest[0]!;
}

export interface SavedHere {
  version: number;
  linksChanged: boolean;
}

/**
 * Puts a story the core answered with into the cache: the open story, and for a `stories:save` its row in
 * the library lists and the "changed since published" of its pre-flight, so the save needs no read after it.
 * Returns what the save changed, for the event that follows it.
 */
export function putStory(queryClient: QueryClient, story: Story, saved: boolean): SavedHere | null {
  const key = callKey('stories:get', { id: story.id });
  const previous = queryClient.getQueryData<Story>(key);
  if (previous && previous.version > story.version) return null;
  queryClient.setQueryData(key, story);
  if (!saved) return null;

  const preflightKey = callKey('publish:preflight', { storyId: story.id });
  const preflight = queryClient.getQueryData<Preflight>(preflightKey);
  const changed = changedBySave(preflight, story);
  if (preflight?.publication && changed)
    queryClient.setQueryData(preflightKey, {
      ...preflight,
      publication: { ...preflight.publication, changedSince: true },
    });

  const sections = queryClient.getQueryData<Section[]>(callKey('sections:list', {}));
  const patch = (row: LibraryRow): LibraryRow => ({
    ...row,
    ...StorySummary.parse(story),
    sectionName: sections?.find((section) => section.id === story.sectionId)?.name ?? null,
    changedSincePublished: row.changedSincePublished || changed,
  });
  // A search, filter or other order may take the story in or out, or move it: those lists are asked again.
  for (const [listKey, data] of queryClient.getQueriesData<CachedPages>({ queryKey: ['library:query'] })) {
    const belongs = savedStoryBelongs(listKey[1] as LibraryQueryInput, story);
    if (belongs === false) continue;
    const next = data && belongs ? withSavedRow(data, story.id, patch) : null;
    if (next) queryClient.setQueryData(listKey, next);
    else void queryClient.invalidateQueries({ queryKey: listKey, exact: true });
  }
  return { version: story.version, linksChanged: !previous || linkSet(previous) !== linkSet(story) };
}
