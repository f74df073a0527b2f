import { useEffect, useState, type ChangeEvent } from 'react';
import type { Story, StoryFields } from '../../../shared/domain/story';
import { slugify } from '../../../shared/domain/slug';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { ConflictNotice } from './ConflictNotice';
import { SaveStatus } from './SaveStatus';
import { useSaveState, useStorySaver } from './useStorySaver';

type TextField = 'headline' | 'standfirst' | 'byline' | 'dateline' | 'credit' | 'slug';

const LINE_FIELDS: {
  field: Exclude<TextField, 'headline' | 'standfirst' | 'slug'>;
  label: string;
  hint: string;
}[] = [
  { field: 'byline', label: 'Byline', hint: 'By Jane Reporter' },
  { field: 'dateline', label: 'Dateline', hint: 'SEOUL' },
  { field: 'credit', label: 'Credit', hint: 'reports Yonhap' },
];

/** The story's fields, saved as they are typed. */
export function StoryForm(props: {
  story: Story;
  readOnly: boolean;
  onReload(): void;
  onOpenStory(id: string): void;
}) {
  const client = useClient();
  const [fields, setFields] = useState<Pick<StoryFields, TextField>>(() => ({
    headline: props.story.headline,
    standfirst: props.story.standfirst,
    byline: props.story.byline,
    dateline: props.story.dateline,
    credit: props.story.credit,
    slug: props.story.slug,
  }));
  const [slugEdited, setSlugEdited] = useState(props.story.slugEdited);
  const [error, setError] = useState<string | null>(null);
  const saver = useStorySaver(props.story, () => undefined);
  const saveState = useSaveState(saver);

  const { onReload } = props;
  const storyId = props.story.id;
  useEffect(
    () =>
      client.on('stories:changed', (event) => {
        if (event.id !== storyId || event.version <= saver.version || saver.saving) return;
        if (!saver.hasUnsavedChanges) onReload();
      }),
    [client, storyId, onReload, saver],
  );

  const change = (field: TextField) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = event.target.value;
    const next = { ...fields, [field]: value };
    const changes: Partial<StoryFields> = { [field]: value };
    if (field === 'headline' && !slugEdited) next.slug = slugify(value);
    if (field === 'slug') setSlugEdited(value !== '');
    setFields(next);
    saver.update(changes);
  };

  const keepMineAsCopy = async () => {
    try {
      const copy = await client.call('stories:create', {
        ...fields,
        headline: `${fields.headline || 'Untitled story'} (my version)`,
        slug: '',
      });
      props.onOpenStory(copy.id);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  const blur = () => void saver.flush();

  return (
    <div className="story-form">
      {saveState.kind === 'conflict' && (
        <ConflictNotice message={saveState.message} onReload={props.onReload} onKeepCopy={keepMineAsCopy} />
      )}
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      <fieldset disabled={props.readOnly} className="fields">
        <label className="field field-headline">
          <span>Headline</span>
          <textarea
            rows={2}
            value={fields.headline}
            onChange={change('headline')}
            onBlur={blur}
            placeholder="Write a headline"
            spellCheck
          />
        </label>
        <label className="field field-standfirst">
          <span>Standfirst</span>
          <textarea
            rows={3}
            value={fields.standfirst}
            onChange={change('standfirst')}
            onBlur={blur}
            placeholder="The one or two sentences under the headline"
            spellCheck
          />
        </label>
        <div className="field-row">
          {LINE_FIELDS.map(({ field, label, hint }) => (
            <label key={field} className="field">
              <span>{label}</span>
              <input value={fields[field]} onChange={change(field)} onBlur={blur} placeholder={hint} />
            </label>
          ))}
        </div>
        <label className="field">
          <span>Slug</span>
          <input
            value={fields.slug}
            onChange={change('slug')}
            onBlur={blur}
            placeholder="derived-from-the-headline"
            spellCheck={false}
          />
        </label>
      </fieldset>
      <footer className="status-bar">
        <SaveStatus state={saveState} />
        <span>{props.story.wordCount} words</span>
      </footer>
    </div>
  );
}
