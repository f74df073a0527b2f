import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { normalizeTagName, tagNameProblem } from '../../../shared/domain/tag';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';

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

  useEffect(() => {
    let current = true;
    client
      .call('tags:ofStory', { storyId })
      .then((loaded) => current && setTags(loaded))
      .catch((cause: unknown) => current && setProblem(errorMessage(cause)));
    return () => {
      current = false;
    };
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
          const taken = new Set(tags.map((tag) => tag.toLowerCase()));
          setSuggestions(
            found
              .map((tag) => tag.name)
              .filter((name) => !taken.has(name.toLowerCase()))
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

  const save = async (next: string[]) => {
    const previous = tags;
    setTags(next);
    try {
      setTags(await client.call('stories:setTags', { id: storyId, tags: next }));
      setProblem(null);
    } catch (cause) {
      setTags(previous);
      setProblem(errorMessage(cause));
    }
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
    if (tags.some((tag) => tag.toLowerCase() === name.toLowerCase())) {
      setProblem(null);
      return;
    }
    void save([...tags, name]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || (event.key === ',' && text.trim())) {
      event.preventDefault();
      add(active >= 0 && shown[active] ? shown[active] : text);
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      event.preventDefault();
      void save(tags.slice(0, -1));
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
              onClick={() => void save(tags.filter((other) => other !== tag))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id={inputId}
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
