import type { Channel, ChannelInput, EventName, EventPayload } from '../../shared/ipc/contract';

/** A query key or the start of one: `['library:query']` is every library page, `['comments:list', { storyId }]` one story's. */
export type StaleKey = readonly [Channel] | readonly [Channel, Partial<ChannelInput<Channel>>];

export interface Stale {
  key: StaleKey;
  /** False marks the answers stale without asking again now: the next component to show them asks. */
  refetch?: false;
}

/** What this window already knows of a changed story when the event arrives. */
export interface Known {
  /** The cache holds this version of the story already: it is the answer to a write made here. */
  holdsVersion: boolean;
  /** It is the answer to this window's `stories:save`, already put into the open story and its list rows. */
  savedHere: boolean;
  /** That save changed which stories the body links to. */
  linksChanged: boolean;
  /** This window edits the story live through its desk doc (liveDocs.ts). */
  liveHere: boolean;
}

const stale = <C extends Channel>(channel: C, input?: Partial<ChannelInput<C>>): Stale => ({
  key: input ? [channel, input] : [channel],
});

type Rules = {
  [E in EventName]: (payload: EventPayload<E>, known: Known) => Stale[];
};

/**
 * The one table from core events to the answers they make stale. Only answers some component shows are
 * asked again; the others are asked when next shown.
 */
export const eventInvalidations: Rules = {
  'stories:changed': (event, { holdsVersion, savedHere, linksChanged, liveHere }) => {
    const storyId = event.id;
    const always = [
      stale('workflow:queue'),
      stale('workflow:approval', { storyId }),
      stale('activity:list', { storyId }),
      stale('revisions:list', { storyId }),
      stale('comments:list', { storyId }),
      ...(event.change === 'created' ? [stale('library:authors')] : []),
      ...(event.change === 'trashed' || event.change === 'restored' ? [stale('tags:list')] : []),
    ];
    // This window's own save is in the cache already; only what the core derives from it may have moved.
    if (savedHere)
      return [
        ...always,
        { ...stale('publish:preflight', { storyId }), refetch: false },
        ...(linksChanged ? [stale('links:forStory', { id: storyId })] : []),
      ];
    // The desk doc this window edits live, written into the row: the window holds those edits, so the story is
    // not asked again for each (the core takes a write at the version held here, rowsBeforeCalls.ts), nor its
    // workflow, which a doc does not change; what the row's new text changes elsewhere is.
    const fromOwnDoc = event.fromDoc === true && liveHere;
    return [
      ...always,
      ...(holdsVersion
        ? []
        : [
            fromOwnDoc
              ? { ...stale('stories:get', { id: storyId }), refetch: false as const }
              : stale('stories:get', { id: storyId }),
          ]),
      stale('library:query'),
      stale('publish:preflight', { storyId }),
      ...(fromOwnDoc ? [] : [stale('workflow:history', { storyId })]),
      // Other stories show this one's headline and state in their links, and the pickers list it.
      stale('links:forStory'),
      stale('links:search'),
    ];
  },
  'tags:changed': () => [stale('tags:list'), stale('tags:ofStory'), stale('library:query')],
  // Job rows themselves go to the publish job store (publishSessions.ts); a finished job changes the publication,
  // and with it the pre-flight of every story that links to this one.
  'publish:progress': (job) => [
    stale('publish:status', { storyId: job.storyId }),
    ...(job.state === 'done'
      ? [stale('publish:preflight'), stale('activity:list', { storyId: job.storyId })]
      : []),
  ],
  'comments:changed': ({ storyId }) => [
    stale('comments:list', { storyId }),
    // The unresolved-comments warning of the pre-flight, and the queue's open-comment counts.
    stale('publish:preflight', { storyId }),
    stale('workflow:queue'),
    stale('activity:list', { storyId }),
  ],
  'people:changed': () => [
    stale('people:current'),
    stale('people:list'),
    stale('workflow:queue'),
    stale('desk:people'),
  ],
  // A story's desk state, or (without a story) the membership: joined, online, the desk's people.
  'desk:changed': ({ storyId }) =>
    storyId
      ? [stale('desk:storyState', { storyId }), stale('workflow:queue')]
      : [stale('desk:status'), stale('desk:people')],
  // A live editor applies these itself (storyDocBinding.ts); the story row follows as stories:changed.
  'deskDoc:changed': () => [],
  'deskPresence:changed': () => [],
};

/** Writes the core announces no event for: what each makes stale in this window. */
export const writeInvalidations: Partial<Record<Channel, Stale[]>> = {
  'sections:create': [stale('sections:list')],
  'sections:rename': [stale('sections:list'), stale('library:query')],
  'sections:reorder': [stale('sections:list')],
  'settings:update': [stale('publish:preflight')],
  'targets:save': [stale('targets:list'), stale('publish:preflight')],
  'targets:remove': [stale('targets:list'), stale('publish:preflight')],
  'revisions:create': [stale('revisions:list')],
  'desk:join': [stale('desk:status'), stale('desk:people')],
  'desk:invite': [stale('desk:people')],
  'desk:remove': [stale('desk:people'), stale('people:list')],
  'desk:share': [stale('desk:storyState')],
  'desk:shareAll': [stale('desk:storyState')],
  'backups:create': [stale('backups:list')],
  'backups:restore': [stale('backups:list')],
};

/** Channels whose answers the table above keeps fresh: they are not asked again just because a component mounts. */
export const followedChannels: ReadonlySet<Channel> = new Set<Channel>([
  'stories:get',
  'library:query',
  'library:authors',
  'links:forStory',
  'links:search',
  'publish:preflight',
  'publish:status',
  'workflow:history',
  'workflow:queue',
  'workflow:approval',
  'tags:list',
  'tags:ofStory',
  'comments:list',
  'people:current',
  'people:list',
  'activity:list',
  'revisions:list',
  // A revision never changes once written.
  'revisions:get',
  'sections:list',
  'settings:get',
  'targets:list',
  'desk:status',
  'desk:people',
  'desk:storyState',
]);
