/** Ids of the stories a body links to: story link marks and also-read blocks. */
export function linkedStoryIds(body: unknown): { storyId: string; headline: string }[] {
  const found = new Map<string, string>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const { type, attrs, marks, content } = node as {
      type?: string;
      attrs?: { storyId?: unknown; headline?: unknown };
      marks?: { type?: string; attrs?: { storyId?: unknown } }[];
      content?: unknown[];
    };
    if (type === 'alsoRead' && typeof attrs?.storyId === 'string')
      found.set(attrs.storyId, typeof attrs.headline === 'string' ? attrs.headline : '');
    for (const mark of marks ?? [])
      if (
        mark.type === 'storyLink' &&
        typeof mark.attrs?.storyId === 'string' &&
        !found.has(mark.attrs.storyId)
      )
        found.set(mark.attrs.storyId, '');
    content?.forEach(visit);
  };
  visit(body);
  return [...found].map(([storyId, headline]) => ({ storyId, headline }));
}

/** A copy of a body whose also-read blocks show `headlineOf(storyId)` where known, not the headline they were inserted with. */
export function withAlsoReadHeadlines<T>(body: T, headlineOf: (storyId: string) => string | null): T {
  const visit = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node;
    const { type, attrs, content } = node as {
      type?: string;
      attrs?: { storyId?: unknown };
      content?: unknown;
    };
    let copy = node as Record<string, unknown>;
    if (type === 'alsoRead' && typeof attrs?.storyId === 'string') {
      const headline = headlineOf(attrs.storyId);
      if (headline) copy = { ...copy, attrs: { ...attrs, headline } };
    }
    if (Array.isArray(content)) copy = { ...copy, content: content.map(visit) };
    return copy;
  };
  return visit(body) as T;
}

/** The `media/…` images of a body (figures) and the featured image, each once. */
export function mediaSources(body: unknown, featuredImage: string | null): string[] {
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const { type, attrs, content } = node as {
      type?: string;
      attrs?: { src?: unknown };
      content?: unknown[];
    };
    if (type === 'figure' && typeof attrs?.src === 'string' && attrs.src.startsWith('media/'))
      found.add(attrs.src);
    content?.forEach(visit);
  };
  visit(body);
  if (featuredImage?.startsWith('media/')) found.add(featuredImage);
  return [...found];
}
