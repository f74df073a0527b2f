import type { LibraryRow } from '../../shared/ipc/contract';
import { CliError } from './cliError';
import { openCliCore } from './openCliCore';
import { printData } from './output';

export interface SearchOptions {
  data?: string;
  limit: string;
  json?: boolean;
}

const marked = (segments: { text: string; match: boolean }[] | null, fallback: string) =>
  segments ? segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join('') : fallback;

function line(row: LibraryRow): string {
  const facts = [row.status, row.sectionName, row.byline, row.updatedAt.slice(0, 10)]
    .filter(Boolean)
    .join(' · ');
  const snippet = row.snippet ? `\n    ${marked(row.snippet, '')}` : '';
  return `${row.id}  ${marked(row.headlineMarks, row.headline)}\n    ${facts}${snippet}`;
}

/** `copydesk search <query>`: the library's query language and ranking, with snippets. */
export async function searchCommand(query: string, options: SearchOptions): Promise<void> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CliError('--limit must be 1..200', 2);
  const cli = openCliCore(options.data, { writes: false, command: 'search' });
  try {
    const page = await cli.call('library:query', { search: query, sort: 'relevance', limit });
    printData(Boolean(options.json), page.items, () =>
      page.items.length === 0 ? `No stories match "${query}".` : page.items.map(line).join('\n'),
    );
  } finally {
    cli.close();
  }
}
