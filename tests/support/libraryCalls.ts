import type { Core } from '../../main/core/createCore';

/** Calls a channel through dispatch and returns its value, or throws `code: message`. */
export function caller(core: Pick<Core, 'dispatch'>) {
  return async <T = unknown>(channel: string, input?: unknown): Promise<T> => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
}

/** A one-paragraph TipTap document. */
export const paragraphs = (...texts: string[]) => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
