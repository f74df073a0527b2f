import { changedSincePublished } from '../../../shared/domain/publication';
import { parseSearch, snippetSegments, toFtsQuery, withTagWords } from '../../../shared/domain/search';
import type { Section } from '../../../shared/domain/section';
import { StoryStatus } from '../../../shared/domain/story';
import { normalizeTagName } from '../../../shared/domain/tag';
import type { LibraryPage, LibraryQueryInput, LibraryRow, LibrarySort } from '../../../shared/ipc/contract';
import type { FoundStory, Partition, SearchFilters, SearchQueries } from '../../db/queries/searchQueries';
import type { SearchIndexQueries } from '../../db/queries/searchIndexQueries';
import type { PublicationQueries } from '../../db/queries/publicationQueries';
import type { TagQueries } from '../../db/queries/tagQueries';
import { decodeLibraryCursor, encodeLibraryCursor } from './libraryCursor';
import { collectRanked } from './rankedSearch';

type ParsedQuery = Required<Omit<LibraryQueryInput, 'cursor' | 'sort' | 'direction' | 'filters'>> & {
  cursor?: string | undefined;
  sort?: LibrarySort | undefined;
  direction?: 'asc' | 'desc' | undefined;
  filters: {
    status?: StoryStatus[] | undefined;
    sectionId?: string | null | undefined;
    tag?: string | undefined;
    author?: string | undefined;
    updatedFrom?: string | undefined;
    updatedTo?: string | undefined;
    utcOffsetMinutes: number;
    trashed: boolean;
  };
};

const DAY = 86_400_000;
const DEFAULT_DIRECTION: Record<LibrarySort, 'asc' | 'desc'> = {
  relevance: 'asc',
  updated: 'desc',
  headline: 'asc',
  author: 'asc',
  status: 'asc',
  section: 'asc',
  tag: 'asc',
};

function toFilters(filters: ParsedQuery['filters']): SearchFilters {
  const startOfDay = (day: string) => Date.parse(`${day}T00:00:00Z`) - filters.utcOffsetMinutes * 60_000;
  const tag = filters.tag === undefined ? '' : normalizeTagName(filters.tag);
  const author = filters.author?.trim() ?? '';
  return {
    trashed: filters.trashed,
    statuses: filters.status,
    sectionId: filters.sectionId,
    tag: tag || undefined,
    author: author || undefined,
    updatedFrom: filters.updatedFrom ? startOfDay(filters.updatedFrom) : undefined,
    updatedBefore: filters.updatedTo ? startOfDay(filters.updatedTo) + DAY : undefined,
  };
}

/** The story list and its search: one page of rows with section names, tags and highlighted snippets. */
export function createLibraryService(deps: {
  queries: SearchQueries;
  /** Brought current before every query, so a search finds what the last save wrote. */
  index: Pick<SearchIndexQueries, 'bringCurrent'>;
  tags: Pick<TagQueries, 'tagsOf'>;
  publications: Pick<PublicationQueries, 'changeBasisOf'>;
  sections: () => Section[];
}) {
  const { queries } = deps;

  const partitionsFor = (sort: 'status' | 'section' | 'tag', filters: SearchFilters): Partition[] => {
    if (sort === 'tag')
      return [...queries.tagIdsByName(), null].map((value) => ({ column: 'first_tag', value }));
    if (sort === 'status') {
      return StoryStatus.options
        .filter((status) => !filters.statuses?.length || filters.statuses.includes(status))
        .map((value) => ({ column: 'status', value }));
    }
    const ids: (string | null)[] = [...deps.sections().map((section) => section.id), null];
    return ids
      .filter((id) => filters.sectionId === undefined || filters.sectionId === id)
      .map((value) => ({ column: 'section_id', value }));
  };

  return {
    query(input: ParsedQuery): LibraryPage {
      deps.index.bringCurrent();
      const groups = parseSearch(input.search);
      const match = groups.length > 0 ? toFtsQuery(groups) : null;
      const requested = input.sort ?? (match ? 'relevance' : 'updated');
      const sort: LibrarySort = requested === 'relevance' && !match ? 'updated' : requested;
      const direction = input.direction ?? DEFAULT_DIRECTION[sort];
      if (!match && input.search.trim() !== '') return { items: [], nextCursor: null, sort, direction };

      const filters = toFilters(input.filters);
      const cursor = input.cursor ? decodeLibraryCursor(input.cursor, sort, direction) : null;
      const want = input.limit + 1;
      const found: { story: FoundStory; partition: number }[] = [];

      if (sort === 'status' || sort === 'section' || sort === 'tag') {
        const partitions = partitionsFor(sort, filters);
        if (direction === 'desc') partitions.reverse();
        for (let index = cursor?.partition ?? 0; index < partitions.length && found.length < want; index++) {
          const rows = queries.partitionPage({
            match,
            filters,
            limit: want - found.length,
            partition: partitions[index]!,
            after: cursor && index === cursor.partition ? cursor.keys : null,
          });
          rows.forEach((story) => found.push({ story, partition: index }));
        }
      } else if (sort === 'relevance' && match) {
        const tagName = filters.tag === undefined ? null : queries.tagName(filters.tag);
        if (filters.tag === undefined || tagName !== null) {
          const ranked = tagName === null ? match : withTagWords(match, tagName);
          found.push(
            ...collectRanked(queries, { match: ranked, score: match, direction, cursor, filters, want }),
          );
        }
      } else {
        const rows = queries.flatPage({
          match,
          filters,
          limit: want,
          sort: sort === 'relevance' ? 'updated' : sort,
          direction,
          after: cursor?.keys ?? null,
        });
        rows.forEach((story) => found.push({ story, partition: 0 }));
      }

      const page = found.slice(0, input.limit);
      const ids = page.map(({ story }) => story.summary.id);
      const tags = deps.tags.tagsOf(ids);
      const publications = deps.publications.changeBasisOf(ids);
      const snippets = match
        ? queries.snippets(
            match,
            page.map(({ story }) => story.searchId),
          )
        : null;
      const items: LibraryRow[] = page.map(({ story }) => {
        const marked = snippets?.get(story.searchId);
        const names = (tags.get(story.summary.id) ?? []).map((tag) => tag.name);
        return {
          ...story.summary,
          tags: names,
          changedSincePublished: publications.some(
            (publication) =>
              publication.storyId === story.summary.id &&
              changedSincePublished(publication, { version: story.summary.version, tags: names }),
          ),
          headlineMarks: marked ? snippetSegments(marked.headline) : null,
          snippet: marked?.passage ? snippetSegments(marked.passage) : null,
        };
      });
      const last = page.at(-1);
      const nextCursor =
        found.length > input.limit && last
          ? encodeLibraryCursor({ sort, direction, keys: last.story.keys, partition: last.partition })
          : null;
      return { items, nextCursor, sort, direction };
    },

    authors: (): string[] => queries.authors(),
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
