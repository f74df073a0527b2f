import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { normalizeTagName, tagKey, tagNameProblem } from '../../../shared/domain/tag';
import { callKey } from '../../api/callKey';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { useQueryCall } from '../../api/useQueryCall';
import { useSearch } from '../../api/useSearch';
import { LIMITS } from '../../components/fieldLimits';
import { useFloatingPosition } from '../../components/useFloatingPosition';
import './tags.css';

const SUGGESTIONS = 8;

/** The story's "Tags" field: chips, autocomplete from existing tags, Enter adds, Backspace or × removes. */
export function TagsField({ storyId, disabled }: { storyId: string; disabled: boolean }) {
  const client = useClient();
  const queryClient = useQueryClient();
  // Every tag write (rename, merge, delete in the Tag manager; a tag put on or taken off a story in
  // another window) announces tags:changed, so the chips never keep showing a name that is gone.
  const key = callKey('tags:ofStory', { storyId });
  const stored = useQueryCall('tags:ofStory', { storyId });
  const tags = stored.value ?? [];
  const [text, setText] = useState('');
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [failed, setProblem] = useState<string | null>(null);
  const problem = failed ?? stored.error;
  const inputId = useId();
  const listId = useId();
  const problemId = useId();

  const typed = normalizeTagName(text);
  const found = useSearch('tags:list', typed, (prefix) =>
    prefix ? { prefix, limit: SUGGESTIONS + tags.length } : null,
  );
  const taken = new Set(tags.map(tagKey));
  const suggestions =
    found.value
      ?.map((tag) => tag.name)
      .filter((name) => !taken.has(tagKey(name)))
      .slice(0, SUGGESTIONS) ?? [];
  const shown = typed && dismissed !== typed ? suggestions : [];
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useFloatingPosition(shown.length > 0, input, list);
  // The highlighted suggestion belongs to the text and the answer it was chosen in: new text (whose answer may
  // still be the previous one, kept on screen while it loads) or a new answer starts with none.
  const [pick, setPick] = useState<{ text: string; answer: unknown; index: number }>({
    text: '',
    answer: undefined,
    index: -1,
  });
  const active = pick.answer === found.value && pick.text === typed ? pick.index : -1;
  const setActive = (next: number | ((index: number) => number)) =>
    setPick({ text: typed, answer: found.value, index: typeof next === 'function' ? next(active) : next });

  /** Adds or removes one tag, never sending the whole list: one this field loaded earlier may be out of date. */
  const change = (channel: 'tags:addToStory' | 'tags:removeFromStory', name: string) => {
    const previous = tags;
    // A load still on its way would put back the chips as they were before this change.
    void queryClient.cancelQueries({ queryKey: key, exact: true });
    queryClient.setQueryData(
      key,
      channel === 'tags:addToStory' ? [...tags, name] : tags.filter((tag) => tagKey(tag) !== tagKey(name)),
    );
    setProblem(null);
    client.call(channel, { storyId, name }).then(
      (stored) => queryClient.setQueryData(key, stored),
      (cause: unknown) => {
        queryClient.setQueryData(key, previous);
        setProblem(errorMessage(cause));
      },
    );
  };

  const add = (raw: string) => {
    const why = tagNameProblem(raw);
    if (why) {
      setProblem(why);
      return;
    }
    const name = normalizeTagName(raw);
    setText('');
    setDismissed(typed);
    if (tags.some((tag) => tagKey(tag) === tagKey(name))) {
      setProblem(null);
      return;
    }
    change('tags:addToStory', name);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || (event.key === ',' && text.trim())) {
      event.preventDefault();
      add(active >= 0 && shown[active] ? shown[active] : text);
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      event.preventDefault();
      change('tags:removeFromStory', tags[tags.length - 1]!);
    } else if (event.key === 'ArrowDown' && shown.length) {
      event.preventDefault();
      setActive((index) => (index + 1) % shown.length);
    } else if (event.key === 'ArrowUp' && shown.length) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? shown.length - 1 : index - 1));
    } else if (event.key === 'Escape' && shown.length) {
      event.preventDefault();
      setDismissed(typed);
    }
  };

  return (
    <div className="field tags-field">
      <label htmlFor={inputId}>Tags</label>
      <div className="tags-box">
        {tags.map((tag) => (
          <span key={tag} className="tag-chip tag-chip-removable">
            {tag}
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              disabled={disabled}
              onClick={() => change('tags:removeFromStory', tag)}
            >
              ×
            </button>
          </span>
        ))}
        <input
          ref={input}
          id={inputId}
          maxLength={LIMITS.tagName}
          role="combobox"
          aria-expanded={shown.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={problem ? problemId : undefined}
          aria-invalid={problem ? true : undefined}
          value={text}
          disabled={disabled}
          placeholder={tags.length ? 'Add a tag' : 'Add tags: type, then Enter'}
          onChange={(event) => {
            setText(event.target.value);
            if (problem) setProblem(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setDismissed(typed)}
        />
      </div>
      {shown.length > 0 && (
        <ul id={listId} ref={list} role="listbox" className="tags-suggestions" aria-label="Tag suggestions">
          {shown.map((name, index) => (
            <li
              key={name}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                add(name);
              }}
            >
              {name}
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p id={problemId} role="alert" className="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
