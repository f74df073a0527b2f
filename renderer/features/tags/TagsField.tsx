import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { normalizeTagName, tagKey, tagNameProblem } from '../../../shared/domain/tag';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { LIMITS } from '../../components/fieldLimits';

const SUGGESTIONS = 8;

/** The story's "Tags" field: chips, autocomplete from existing tags, Enter adds, Backspace or × removes. */
export function TagsField({ storyId, disabled }: { storyId: string; disabled: boolean }) {
  const client = useClient();
  const [tags, setTags] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const listId = useId();
  const problemId = useId();

  // Only the newest load or save may set the chips, so a slow answer never overwrites a newer one.
  const latest = useRef(0);
  const settle = (request: Promise<string[]>, onError: (cause: unknown) => void) => {
    const ticket = ++latest.current;
    request.then(
      (stored) => ticket === latest.current && setTags(stored),
      (cause: unknown) => ticket === latest.current && onError(cause),
    );
  };

  // Every tag write (rename, merge, delete in the Tag manager; a tag put on or taken off a story in
  // another window) announces tags:changed, so the chips never keep showing a name that is gone.
  useEffect(() => {
    const load = () =>
      settle(client.call('tags:ofStory', { storyId }), (cause) => setProblem(errorMessage(cause)));
    load();
    // A newer ticket (this load, on a story switch too) makes any answer still on its way stale.
    return client.on('tags:changed', load);
  }, [client, storyId]);

  const typed = normalizeTagName(text);
  useEffect(() => {
    if (!typed) return;
    let current = true;
    const timer = setTimeout(() => {
      client
        .call('tags:list', { prefix: typed, limit: SUGGESTIONS + tags.length })
        .then((found) => {
          if (!current) return;
          const taken = new Set(tags.map(tagKey));
          setSuggestions(
            found
              .map((tag) => tag.name)
              .filter((name) => !taken.has(tagKey(name)))
              .slice(0, SUGGESTIONS),
          );
          setActive(-1);
        })
        .catch(() => undefined);
    }, 80);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, typed, tags]);
  const shown = typed ? suggestions : [];

  /** Adds or removes one tag, never sending the whole list: one this field loaded earlier may be out of date. */
  const change = (channel: 'tags:addToStory' | 'tags:removeFromStory', name: string) => {
    const previous = tags;
    setTags(
      channel === 'tags:addToStory' ? [...tags, name] : tags.filter((tag) => tagKey(tag) !== tagKey(name)),
    );
    setProblem(null);
    settle(client.call(channel, { storyId, name }), (cause) => {
      setTags(previous);
      setProblem(errorMessage(cause));
    });
  };

  const add = (raw: string) => {
    const why = tagNameProblem(raw);
    if (why) {
      setProblem(why);
      return;
    }
    const name = normalizeTagName(raw);
    setText('');
    setSuggestions([]);
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
      setSuggestions([]);
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
          onBlur={() => setSuggestions([])}
        />
      </div>
      {shown.length > 0 && (
        <ul id={listId} role="listbox" className="tags-suggestions" aria-label="Tag suggestions">
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
