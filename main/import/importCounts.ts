/** What an import did: stories created and updated, and what it left out and why. */
export interface ImportCounts {
  created: number;
  updated: number;
  /** Items that are not stories, by kind (`page`, `attachment`, `nav_menu_item`, `status:trash`…). */
  skipped: Record<string, number>;
}

export const emptyCounts = (): ImportCounts => ({ created: 0, updated: 0, skipped: {} });

export function countSkipped(counts: ImportCounts, kind: string): void {
  counts.skipped[kind] = (counts.skipped[kind] ?? 0) + 1;
}
