import { slugify } from './slug';

/**
 * Of the fields another machine's values replaced here, the slug that only followed each machine's headline:
 * it is settled with the headline, and not offered on its own.
 */
export function slugThatFollowed<T extends { field: string; lost: unknown }>(
  overwrites: readonly T[],
): T | undefined {
  const headline = overwrites.find(({ field }) => field === 'headline');
  if (typeof headline?.lost !== 'string') return undefined;
  const derived = slugify(headline.lost);
  return overwrites.find(({ field, lost }) => field === 'slug' && lost === derived);
}
