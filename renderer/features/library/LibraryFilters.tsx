import { useId } from 'react';
import { StoryStatus } from '../../../shared/domain/story';
import { useQueryCall } from '../../api/useQueryCall';
import { STATUS_LABELS } from '../../components/statusLabels';
import { useSections } from '../stories/useSections';
import { NO_FILTERS, type LibraryFilterState } from './useLibrary';
import './library.css';

/** Status, section, tag, author and date-range filters for the story list. */
export function LibraryFilters(props: {
  value: LibraryFilterState;
  onChange(value: LibraryFilterState): void;
}) {
  const sections = useSections();
  const tags = useQueryCall('tags:list', { limit: 500 }).value?.map((tag) => tag.name) ?? [];
  const authors = useQueryCall('library:authors', {}).value ?? [];
  const tagListId = useId();
  const { value, onChange } = props;
  const set = (changes: Partial<LibraryFilterState>) => onChange({ ...value, ...changes });

  return (
    <div className="library-filters" role="group" aria-label="Filters">
      <label>
        <span>Status</span>
        <select
          value={value.status}
          onChange={(event) => set({ status: event.target.value as StoryStatus | '' })}
        >
          <option value="">Any status</option>
          {StoryStatus.options.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Section</span>
        <select value={value.sectionId} onChange={(event) => set({ sectionId: event.target.value })}>
          <option value="">Any section</option>
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
          <option value="none">No section</option>
        </select>
      </label>
      <label>
        <span>Tag</span>
        <input
          list={tagListId}
          value={value.tag}
          placeholder="Any tag"
          onChange={(event) => set({ tag: event.target.value })}
        />
        <datalist id={tagListId}>
          {tags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </label>
      <label>
        <span>Author</span>
        <select value={value.author} onChange={(event) => set({ author: event.target.value })}>
          <option value="">Anyone</option>
          {authors.map((author) => (
            <option key={author} value={author}>
              {author}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Changed from</span>
        <input
          type="date"
          value={value.updatedFrom}
          onChange={(event) => set({ updatedFrom: event.target.value })}
        />
      </label>
      <label>
        <span>Changed to</span>
        <input
          type="date"
          value={value.updatedTo}
          onChange={(event) => set({ updatedTo: event.target.value })}
        />
      </label>
      <button type="button" className="button-quiet" onClick={() => onChange(NO_FILTERS)}>
        Clear filters
      </button>
    </div>
  );
}
