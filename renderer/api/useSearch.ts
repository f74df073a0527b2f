import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { callKey } from './callKey';
import { errorMessage } from './errorMessage';

/** How long typing pauses before a search is sent. */
const TYPING_DELAY_MS = 120;

/** `text` once the typing pauses; an empty text at once. */
export function useTypedText(text: string): string {
  const [typed, setTyped] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setTyped(text), text.trim() ? TYPING_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [text]);
  return typed;
}

/**
 * A search as the user types, for every picker of stories: the answer for `text` once typing pauses, the
 * previous answer meanwhile. Answers are cached per text, so an older one never replaces a newer one.
 */
export function useSearch<C extends Channel>(
  channel: C,
  text: string,
  /** What to ask for a text; null asks nothing. */
  inputOf: (text: string) => ChannelInput<C> | null,
) {
  const queryClient = useQueryClient();
  const typed = useTypedText(text);
  const input = inputOf(typed);
  const query = useQuery<ChannelOutput<C>>({
    queryKey: callKey(channel, input ?? ({} as ChannelInput<C>)),
    placeholderData: keepPreviousData,
    enabled: input !== null,
  });
  const answered = typed === text && query.isSuccess && !query.isPlaceholderData;
  const keyOf = (forText: string) => callKey(channel, inputOf(forText) ?? ({} as ChannelInput<C>));
  /** The answer for `forText`, asked now unless it is cached. */
  const answerOf = (forText: string) =>
    queryClient.fetchQuery<ChannelOutput<C>>({ queryKey: keyOf(forText) });
  return {
    /** The newest answer, perhaps for an earlier text (see `answered`). */
    value: query.data,
    /** The answer shown is for the text as it is now. */
    answered,
    error: query.error ? errorMessage(query.error) : null,
    answerOf,
    /** The answer for `forText` if it has arrived, even before React renders it. */
    cachedAnswer: (forText: string) => queryClient.getQueryData<ChannelOutput<C>>(keyOf(forText)) ?? null,
  };
}
