import type { Editor } from '@tiptap/react';
import { useState, type KeyboardEvent } from 'react';
import type { LinkCandidate } from '../../../shared/ipc/channels/links';
import { Dialog } from '../../components/Dialog';
import type { PickerKind } from './storyLinking';
import { nextActive, optionId, StoryOptions } from './StoryOptions';
import { useStorySearch } from './useStorySearch';
import { LIMITS } from '../../components/fieldLimits';

const LIST_ID = 'dialog-story-picker';

const TEXT: Record<PickerKind, { title: string; submit: string }> = {
  inline: { title: 'Link story', submit: 'Link' },
  also_read: { title: 'Also read', submit: 'Insert' },
};

/** The toolbar's story picker: links the selection (or inserts the headline) or inserts an "Also read" block. */
export function StoryPickerDialog(props: {
  editor: Editor;
  kind: PickerKind;
  excludeId: string | undefined;
  onClose(): void;
}) {
  const { editor, kind } = props;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const search = useStorySearch(query, props.excludeId);
  const current = Math.min(active, Math.max(0, search.items.length - 1));

  const choose = (item: LinkCandidate | undefined) => {
    if (!item) return;
    const headline = item.headline || 'Untitled story';
    const chain = editor.chain().focus();
    if (kind === 'inline') chain.setStoryLink({ storyId: item.id, headline }).run();
    else chain.insertAlsoRead({ storyId: item.id, headline }).run();
    props.onClose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moved = nextActive(event.key, current, search.items.length);
    if (moved === null) return;
    event.preventDefault();
    setActive(moved);
  };

  return (
    <Dialog
      title={TEXT[kind].title}
      submitLabel={TEXT[kind].submit}
      submitDisabled={!search.loading && search.items.length === 0}
      onSubmit={() =>
        search.loading ? search.whenReady((items) => choose(items[0])) : choose(search.items[current])
      }
      onCancel={() => {
        editor.commands.focus();
        props.onClose();
      }}
    >
      <label className="field">
        <span>Find a story</span>
        <input
          autoFocus
          maxLength={LIMITS.linkQuery}
          role="combobox"
          aria-expanded={search.items.length > 0}
          aria-controls={LIST_ID}
          aria-activedescendant={search.items.length > 0 ? optionId(LIST_ID, current) : undefined}
          aria-autocomplete="list"
          value={query}
          placeholder="Type words from the headline"
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      <div className="story-picker-results">
        <StoryOptions
          id={LIST_ID}
          label="Matching stories"
          items={search.items}
          active={current}
          loading={search.loading}
          error={search.error}
          onActive={setActive}
          onChoose={choose}
        />
      </div>
    </Dialog>
  );
}
