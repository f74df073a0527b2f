import { z } from 'zod';

export const MAX_TAG_LENGTH = 60;
export const MAX_TAGS_PER_STORY = 30;

/** A tag as the user typed it: trimmed, inner whitespace collapsed, 1–60 characters. */
export const TagName = z
  .string()
  .transform((value) => normalizeTagName(value))
  .pipe(
    z
      .string()
      .min(1, 'A tag cannot be empty')
      .max(MAX_TAG_LENGTH, `A tag can have at most ${MAX_TAG_LENGTH} characters`),
  );
export type TagName = z.infer<typeof TagName>;

export const TagId = z.number().int().positive();
export type TagId = z.infer<typeof TagId>;

export const Tag = z.object({ id: TagId, name: z.string() });
export type Tag = z.infer<typeof Tag>;

/** A tag with the number of live (not trashed) stories that carry it. */
export const TagWithCount = Tag.extend({ count: z.number().int().nonnegative() });
export type TagWithCount = z.infer<typeof TagWithCount>;

/** Trims a tag and collapses runs of whitespace, so "  Climate   change " is "Climate change". */
export function normalizeTagName(value: string): string {
  return value.trim().replace(/\s+/gu, ' ');
}

/**
 * The key that makes tags unique ignoring case in every script ("Économie" = "économie",
 * "Österreich" = "ÖSTERREICH"): compatibility-normalised, then lower-cased. SQLite's NOCASE folds A–Z only.
 */
export function tagKey(name: string): string {
  return normalizeTagName(name).normalize('NFKC').toLowerCase();
}

/** Why a typed tag cannot be used, or null when it can. */
export function tagNameProblem(value: string): string | null {
  const result = TagName.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'Not a valid tag');
}

/** Normalised tags with case-insensitive duplicates dropped, first spelling kept. */
export function uniqueTagNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const raw of names) {
    const name = normalizeTagName(raw);
    const key = tagKey(name);
    if (!name || seen.has(key)) continue;
    seen.add(key);
    unique.push(name);
  }
  return unique;
}
