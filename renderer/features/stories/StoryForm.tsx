import { QueryObserver, useQueryClient } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
  type ReactNode,
} from 'react';
import { storyFieldsOf, type Story, type StoryFields } from '../../../shared/domain/story';
import { SLUG_MAX_LENGTH, slugify } from '../../../shared/domain/slug';
import { callKey } from '../../api/callKey';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { LIMITS } from '../../components/fieldLimits';
import { StatusBadge } from '../../components/StatusBadge';
import { useStickyOffset } from '../../components/useStickyOffset';
import { PresenceList } from '../editor/collab/PresenceList';
import { subscribeTo, type StoryDocBinding } from '../editor/collab/storyDocBinding';
import { CorrectionNotice } from '../desk/CorrectionNotice';
import { useStoryDoc } from '../editor/collab/useStoryDoc';
import { StoryEditor } from '../editor/StoryEditor';
import { DocStats } from '../editor/DocStats';
import { ReturnedNote } from '../review/ReturnedNote';
import { ApprovedNote } from '../review/ApprovedNote';
import { DeskStoryNotices } from '../desk/DeskStoryNotices';
import { CommentButton, ReviewPanelToggles, ReviewSidePanel, useReviewState } from '../review/ReviewPanels';
import { WorkflowActions } from '../review/WorkflowActions';
import { LinksPanel } from '../links/LinksPanel';
import { useStoryLinks } from '../links/useStoryLinks';
import { PublishButton } from '../publish/PublishButton';
import { ConflictNotice } from './ConflictNotice';
import { EmbargoField } from './EmbargoField';
import { FeaturedImageField } from './FeaturedImageField';
import { SaveStatus } from './SaveStatus';
import './storyForm.css';
import { TextControl } from './TextControl';
import { StoryTextField } from './StoryTextField';
import { useSections } from './useSections';
import { TagsField } from '../tags/TagsField';
import { useStorySaver } from './useStorySaver';
import { checkChanges } from './storySaver';
import { OvertakenNote } from './OvertakenNote';
import { useLiveFields } from './useLiveFields';
import { useLiveSwitch } from './useLiveSwitch';
import type { SyncedField } from '../../../shared/domain/storyDocShape';

type TextField = 'headline' | 'standfirst' | 'byline' | 'dateline' | 'credit';
type FormFields = Pick<StoryFields, TextField | 'slug' | 'sectionId' | 'featuredImage' | 'embargoUntil'>;

const LINE_FIELDS: { field: 'byline' | 'dateline' | 'credit'; label: string; hint: string }[] = [
  { field: 'byline', label: 'Byline', hint: 'By Jane Reporter' },
  { field: 'dateline', label: 'Dateline', hint: 'SEOUL' },
  { field: 'credit', label: 'Credit', hint: 'reports Yonhap' },
];

/** The value a desk story's doc holds for what the form shows (the slug as typed is stored as a slug). */
function docValueOf<F extends SyncedField>(shown: FormFields, field: F): FormFields[F] {
  return field === 'slug'
    ? ((slugify(shown.slug) || slugify(shown.headline)) as FormFields[F])
    : shown[field];
}

/** Puts a body from elsewhere in the editor without an update event or an undo step, keeping the cursor near where it was. */
function replaceBody(editor: Editor, body: Story['body']) {
  const { from, to } = editor.state.selection;
  editor.chain().setMeta('addToHistory', false).setContent(body, { emitUpdate: false }).run();
  const end = editor.state.doc.content.size;
  editor.commands.setTextSelection({ from: Math.min(from, end), to: Math.min(to, end) });
}

/** One open story: its fields, its body editor, history, and the autosave behind them. */
export function StoryForm(props: {
  story: Story;
  readOnly: boolean;
  /** Actions beside the side panels; `flush` sends pending changes first (e.g. before moving to the trash). */
  headerActions(flush: () => Promise<void>): ReactNode;
  onOpenStory(id: string): void;
}) {
  const { story } = props;
  const client = useClient();
  const queryClient = useQueryClient();
  const sections = useSections();
  const [fields, setFields] = useState<FormFields>(() => {
    const { body: _body, ...editable } = storyFieldsOf(story);
    return editable;
  });
  // What the form shows as of the last change, before React renders it (a field left right after typing reads it).
  const shown = useRef(fields);
  const setShown = useCallback((next: (previous: FormFields) => FormFields) => {
    shown.current = next(shown.current);
    setFields(shown.current);
  }, []);
  const [slugEdited, setSlugEdited] = useState(story.slugEdited);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState<{ editor: Editor; mount: string } | null>(null);
  const [killSlot, setKillSlot] = useState<HTMLDivElement | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const saver = useStorySaver(story, () => undefined);
  // Only a conflict changes the form; the status bar follows every save state on its own.
  const conflict = useSyncExternalStore(saver.subscribe, () =>
    saver.state.kind === 'conflict' ? saver.state : null,
  );
  // The editor reads its first body once; later bodies from the store go in through `show`, and a new
  // object here on every save would re-render the editor.
  const [initialBody] = useState(story.body);
  const problems = useSyncExternalStore(saver.subscribe, () => saver.problems);
  const review = useReviewState(story.id);
  const live = useStoryDoc(story.id);
  const bound = useRef<StoryDocBinding | null>(null);
  const { binding, takeOver } = useLiveSwitch({
    offered: live.binding,
    soloEditor: () => (editorRef.current && !bound.current ? editorRef.current : null),
    flush: saver.flush,
    dropBody: () => saver.settled(['body']),
  });
  // An editor once shown stays until the next is ready; the first waits for the story's binding, if any.
  const showEditor = ready !== null || (live.ready && binding === live.binding);
  // A story moved to the desk gets a new (live) editor: until it is ready, the solo one (destroyed) is no editor.
  // So does a new binding of the same story (its doc remade after a correction).
  const editorMount = binding ? `live:${binding.tag}` : 'solo';
  const editor = ready?.mount === editorMount ? ready.editor : null;
  useLayoutEffect(() => {
    bound.current = binding;
  }, [binding]);
  const liveFields = useLiveFields(binding, {
    show: (changes) => setShown((previous) => ({ ...previous, ...changes })),
    valueOf: (field) => docValueOf(shown.current, field),
  });
  /** A change goes into the desk story's doc (when valid; a refused value waits in the saver with its problem), else to the saver. */
  const store = (changes: Partial<FormFields>) => {
    if (!binding) return saver.update(changes);
    const { valid, refused } = checkChanges(changes);
    binding.writeFields(valid);
    saver.settled(Object.keys(valid) as SyncedField[]);
    if (Object.keys(refused).length > 0) saver.update(refused);
  };
  const correctionId = useSyncExternalStore(subscribeTo(binding), () => binding?.correctionId ?? null);
  const setSectionNow = useCallback(
    (sectionId: string) => {
      setShown((previous) => ({ ...previous, sectionId }));
      if (bound.current) bound.current.writeFields({ sectionId });
      else saver.update({ sectionId });
      return saver.flush();
    },
    [saver, setShown],
  );
  const unlinkStory = useCallback(
    (storyId: string) => {
      editor?.commands.unlinkStory(storyId);
      return saver.flush();
    },
    [editor, saver],
  );
  const commentButton = useMemo(
    () => editor && <CommentButton editor={editor} onComment={review.startComment} />,
    [editor, review.startComment],
  );
  const toolbarExtra = useMemo(
    () => (
      <>
        {commentButton}
        {story.trashedAt === null && (
          <PublishButton
            storyId={story.id}
            flush={saver.flush}
            onSection={setSectionNow}
            onOpenStory={props.onOpenStory}
            onUnlink={unlinkStory}
          />
        )}
      </>
    ),
    [commentButton, story.id, story.trashedAt, saver, setSectionNow, props.onOpenStory, unlinkStory],
  );
  const links = useStoryLinks(story.id);
  const header = useStickyOffset<HTMLElement>();

  // A newer story from the store (changed elsewhere, moved, restored, or "Reload their version") replaces
  // what is shown in place, keeping the editor, its cursor and the open panels. Changes typed while it was
  // on its way win: their save then meets the conflict notice.
  const show = useCallback(
    (loaded: Story) => {
      saver.reset(loaded.version);
      const { body, ...editable } = storyFieldsOf(loaded);
      setSlugEdited(loaded.slugEdited);
      const current = editorRef.current;
      // A live desk story's fields and body arrive through its doc, never from the row (which may lag behind it).
      if (bound.current) return;
      setShown(() => editable);
      if (current && JSON.stringify(current.getJSON()) !== JSON.stringify(body)) replaceBody(current, body);
    },
    [saver, setShown],
  );
  useEffect(() => {
    const cached = new QueryObserver<Story>(queryClient, {
      queryKey: callKey('stories:get', { id: story.id }),
      enabled: false,
    });
    return cached.subscribe(({ data }) => {
      if (!data || data.version <= saver.version || saver.saving) return;
      if (!saver.hasUnsavedChanges) show(data);
      else if (bound.current) saver.follow(data.version);
    });
  }, [queryClient, story.id, saver, show]);
  const onReload = useCallback(() => {
    queryClient
      .fetchQuery({ queryKey: callKey('stories:get', { id: story.id }), staleTime: 0 })
      .then((loaded) => {
        if (saver.hasUnsavedChanges && saver.state.kind !== 'conflict') return;
        show(loaded as Story);
      })
      .catch((cause: unknown) => setError(errorMessage(cause)));
  }, [queryClient, story.id, saver, show]);

  const set = (changes: Partial<FormFields>) => {
    setShown((previous) => ({ ...previous, ...changes }));
    store(changes);
  };

  const changeText = (field: TextField) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = event.target.value;
    const changes: Partial<FormFields> = { [field]: value };
    const follows = field === 'headline' && !slugEdited ? { slug: slugify(value) } : {};
    liveFields.typingIn(field);
    setShown((previous) => ({ ...previous, ...changes, ...follows }));
    // A slug in a save is someone's edit: solo, the core derives the following slug; a desk story's doc carries it.
    store(binding ? { ...changes, ...follows } : changes);
  };
  const leaveText = () => {
    liveFields.left();
    flush();
  };
  // A headline kept over someone else's goes back into the doc on leaving, and so does the slug following it.
  const leaveHeadline = () => {
    const follows = bound.current && !slugEdited ? slugify(shown.current.headline) : '';
    leaveText();
    if (follows !== '' && bound.current?.fields.slug !== follows) set({ slug: follows });
  };

  // The slug is shown as typed ("Storm Road") and saved as a slug ("storm-road"); leaving the field shows the
  // slug, and an empty one the slug the core derives from the headline.
  const changeSlug = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const typed = event.target.value;
    setSlugEdited(slugify(typed) !== '');
    liveFields.typingIn('slug');
    setShown((previous) => ({ ...previous, slug: typed }));
    store({ slug: binding ? docValueOf(shown.current, 'slug') : slugify(typed) });
  };
  const leaveSlug = () => {
    setShown((previous) => ({ ...previous, slug: docValueOf(previous, 'slug') }));
    liveFields.left();
    void saver.flush();
  };
  const overtakenNote = (field: SyncedField) =>
    liveFields.overtaken?.field === field && (
      <OvertakenNote
        value={liveFields.overtaken.value}
        by={liveFields.overtaken.by}
        onTakeTheirs={liveFields.takeTheirs}
      />
    );

  const onBodyChange = useCallback(
    (changed: Editor) => {
      // Bound to the desk doc, the body is saved by the core from the doc; fields still go through the saver.
      if (!bound.current) saver.updateBody(() => changed.getJSON() as Story['body']);
    },
    [saver],
  );
  const onReady = useCallback(
    (created: Editor) => {
      editorRef.current = created;
      if (editorMount !== 'solo') takeOver(created);
      setReady({ editor: created, mount: editorMount });
    },
    [editorMount, takeOver],
  );
  const flush = useCallback(() => void saver.flush(), [saver]);

  const keepMineAsCopy = async () => {
    try {
      const copy = await client.call('stories:create', {
        ...fields,
        headline: `${fields.headline || 'Untitled story'} (my version)`,
        slug: '',
        ...(editorRef.current ? { body: editorRef.current.getJSON() as Story['body'] } : {}),
      });
      saver.reset(saver.version); // the edits live on in the copy
      props.onOpenStory(copy.id);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  return (
    <div className="story-workspace">
      <header className="pane-toolbar" ref={header}>
        <StatusBadge status={story.status} />
        <WorkflowActions
          story={story}
          saver={saver}
          onMoved={onReload}
          killSlot={killSlot}
          fixes={{ onSection: setSectionNow, onOpenStory: props.onOpenStory, onUnlink: unlinkStory }}
        />
        {binding && <PresenceList binding={binding} />}
        <div className="pane-toolbar-end">
          <ReviewPanelToggles review={review} onOpen={flush} />
          <div className="kill-actions" role="group" aria-label="Kill" ref={setKillSlot}>
            {props.headerActions(saver.flush)}
          </div>
        </div>
      </header>
      <div className="story-columns">
        <div className="story-form">
          {conflict && (
            <ConflictNotice
              message={conflict.message}
              closeRefused={conflict.closeRefused ?? false}
              onReload={onReload}
              onKeepCopy={() => void keepMineAsCopy()}
            />
          )}
          {error && (
            <p role="alert" className="banner banner-error">
              {error}
            </p>
          )}
          <CorrectionNotice story={story} typedInto={correctionId} onOpenStory={props.onOpenStory} />
          <ReturnedNote story={story} />
          <ApprovedNote story={story} />
          <DeskStoryNotices
            story={story}
            onShowChangesSinceApproval={() => review.setPanel('changes')}
            onOpenStory={props.onOpenStory}
          />
          <fieldset disabled={props.readOnly} className="fields">
            <StoryTextField
              label="Headline"
              className="field-headline"
              multiline
              // A story just started takes the first words as its headline.
              autoFocus={!props.readOnly && story.version === 1 && story.headline === ''}
              value={fields.headline}
              max={LIMITS.headline}
              problem={problems.headline}
              note={overtakenNote('headline')}
              onChange={changeText('headline')}
              onBlur={leaveHeadline}
              placeholder="Write a headline"
            />
            <StoryTextField
              label="Standfirst"
              className="field-standfirst"
              multiline
              value={fields.standfirst}
              max={LIMITS.standfirst}
              problem={problems.standfirst}
              note={overtakenNote('standfirst')}
              onChange={changeText('standfirst')}
              onBlur={leaveText}
              placeholder="The one or two sentences under the headline"
            />
            <div className="field-row">
              {LINE_FIELDS.map(({ field, label, hint }) => (
                <StoryTextField
                  key={field}
                  label={label}
                  value={fields[field]}
                  max={LIMITS[field]}
                  problem={problems[field]}
                  note={overtakenNote(field)}
                  onChange={changeText(field)}
                  onBlur={leaveText}
                  placeholder={hint}
                />
              ))}
            </div>
            <div className="field-row">
              <label className="field">
                <span>Section</span>
                <select
                  value={fields.sectionId ?? ''}
                  onChange={(event) => set({ sectionId: event.target.value || null })}
                  onBlur={flush}
                >
                  <option value="">No section</option>
                  {sections.map((section) => (
                    <option key={section.id} value={section.id}>
                      {section.name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field field-slug">
                <span>Slug</span>
                <TextControl
                  value={fields.slug}
                  maxLength={SLUG_MAX_LENGTH}
                  onChange={changeSlug}
                  onBlur={leaveSlug}
                  placeholder="derived-from-the-headline"
                  spellCheck={false}
                />
                {overtakenNote('slug')}
              </label>
            </div>
            <TagsField storyId={story.id} disabled={props.readOnly} />
            <div className="field-row">
              <FeaturedImageField
                value={fields.featuredImage}
                disabled={props.readOnly}
                onChange={(featuredImage) => set({ featuredImage })}
              />
              <EmbargoField
                value={fields.embargoUntil}
                disabled={props.readOnly}
                onChange={(embargoUntil) => set({ embargoUntil })}
              />
            </div>
          </fieldset>
          {showEditor && (
            <StoryEditor
              key={editorMount}
              collab={binding}
              initialBody={initialBody}
              editable={!props.readOnly}
              onChange={onBodyChange}
              onBlur={flush}
              onReady={onReady}
              toolbarExtra={toolbarExtra}
              storyId={story.id}
              onOpenStory={props.onOpenStory}
              links={links.links}
            />
          )}
          <LinksPanel state={links} onOpenStory={props.onOpenStory} />
        </div>
        <ReviewSidePanel
          review={review}
          storyId={story.id}
          editor={editor}
          saver={saver}
          onReload={onReload}
        />
      </div>
      <footer className="status-bar">
        <SaveStatus saver={saver} binding={binding} />
        <span className="spacer" />
        <DocStats editor={editor} />
      </footer>
    </div>
  );
}
