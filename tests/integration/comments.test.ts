import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../shared/domain/activity';
import type { Comment } from '../../shared/domain/comment';
import type { Person } from '../../shared/domain/person';
import type { Story } from '../../shared/domain/story';
import { storyToHtml } from '../../shared/editor';
import { testCore } from '../support/testCore';

let core: ReturnType<typeof testCore>;
beforeEach(() => {
  core = testCore();
});
afterEach(() => core.dispose());

const call = <T = unknown>(channel: string, input?: unknown) => core.call<T>(channel, input);

const anchored = (text: string, commentId: string) => ({
  type: 'text',
  text,
  marks: [{ type: 'commentAnchor', attrs: { commentId } }],
});
const doc = (...content: unknown[]) => ({ type: 'doc', content: [{ type: 'paragraph', content }] });
const plain = (text: string) => ({ type: 'text', text });

async function saveBody(story: Story, body: unknown): Promise<Story> {
  return call<Story>('stories:save', { id: story.id, expectedVersion: story.version, changes: { body } });
}

describe('comments', () => {
  it('needs someone to say who they are', async () => {
    const story = await call<Story>('stories:create', { headline: 'A' });
    const result = await core.dispatch('comments:create', { storyId: story.id, text: 'Hm', quote: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('stores comments with replies, resolves and reopens them, in document order', async () => {
    await call<Person>('people:create', { name: 'Ed Editor', role: 'editor' });
    let story = await call<Story>('stories:create', { body: doc(plain('Rates will rise sharply')) });
    const first = await call<Comment>('comments:create', {
      storyId: story.id,
      text: 'Which rates?',
      quote: 'Rates',
    });
    const second = await call<Comment>('comments:create', {
      storyId: story.id,
      text: 'Says who?',
      quote: 'rise',
    });
    expect(first).toMatchObject({ author: 'Ed Editor', resolved: false, orphaned: false, replies: [] });

    story = await saveBody(
      story,
      doc(anchored('Rates', second.id), plain(' will '), anchored('rise', first.id)),
    );
    let comments = await call<Comment[]>('comments:list', { storyId: story.id });
    expect(comments.map((c) => [c.text, c.position, c.orphaned])).toEqual([
      ['Says who?', 0, false],
      ['Which rates?', 1, false],
    ]);

    await call<Person>('people:create', { name: 'Rita Reporter', role: 'reporter' });
    const replied = await call<Comment>('comments:reply', { commentId: first.id, text: 'The base rate' });
    expect(replied.replies.map((r) => [r.author, r.text])).toEqual([['Rita Reporter', 'The base rate']]);
    expect((await call<Comment>('comments:resolve', { commentId: first.id, resolved: true })).resolved).toBe(
      true,
    );
    expect((await call<Comment>('comments:resolve', { commentId: first.id, resolved: false })).resolved).toBe(
      false,
    );

    const activity = await call<ActivityEntry[]>('activity:list', { storyId: story.id });
    expect(activity.filter((a) => a.kind === 'comment').map((a) => [a.actor, a.summary])).toEqual([
      ['Rita Reporter', 'Reopened a comment'],
      ['Rita Reporter', 'Resolved a comment'],
      ['Rita Reporter', 'Replied: The base rate'],
      ['Ed Editor', 'Commented on “rise”: Says who?'],
      ['Ed Editor', 'Commented on “Rates”: Which rates?'],
    ]);
    comments = await call<Comment[]>('comments:list', { storyId: story.id });
    expect(comments).toHaveLength(2);
  });

  it('keeps a comment whose text was deleted, marked orphaned, and un-orphans it when the text returns', async () => {
    await call<Person>('people:create', { name: 'Ed Editor', role: 'editor' });
    let story = await call<Story>('stories:create', {});
    const comment = await call<Comment>('comments:create', {
      storyId: story.id,
      text: 'Cut this?',
      quote: 'sharply',
    });
    const withAnchor = doc(plain('Rates rise '), anchored('sharply', comment.id));
    story = await saveBody(story, withAnchor);
    story = await saveBody(story, doc(plain('Rates rise')));
    expect(await call<Comment[]>('comments:list', { storyId: story.id })).toMatchObject([
      { id: comment.id, orphaned: true, position: null, quote: 'sharply' },
    ]);
    story = await saveBody(story, withAnchor);
    expect(await call<Comment[]>('comments:list', { storyId: story.id })).toMatchObject([
      { id: comment.id, orphaned: false, position: 0 },
    ]);
  });

  it('announces every comment write, and every anchor a body save finds, moves or loses', async () => {
    const seen: unknown[] = [];
    core.events.on('comments:changed', (event) => seen.push(event));
    const took = () => seen.splice(0);

    await call<Person>('people:create', { name: 'Ed Editor', role: 'editor' });
    let story = await call<Story>('stories:create', { body: doc(plain('Rates will rise sharply')) });
    const other = await call<Story>('stories:create', { headline: 'Other' });
    expect(took()).toEqual([]);

    const first = await call<Comment>('comments:create', {
      storyId: story.id,
      text: 'Which?',
      quote: 'Rates',
    });
    expect(took()).toEqual([{ storyId: story.id, commentId: first.id }]);
    const second = await call<Comment>('comments:create', { storyId: story.id, text: 'Who?', quote: 'rise' });
    expect(took()).toEqual([{ storyId: story.id, commentId: second.id }]);
    const elsewhere = await call<Comment>('comments:create', { storyId: other.id, text: 'Hm', quote: '' });
    expect(took()).toEqual([{ storyId: other.id, commentId: elsewhere.id }]);

    await call('comments:reply', { commentId: first.id, text: 'The base rate' });
    expect(took()).toEqual([{ storyId: story.id, commentId: first.id }]);
    await call('comments:resolve', { commentId: first.id, resolved: true });
    expect(took()).toEqual([{ storyId: story.id, commentId: first.id }]);
    await call('comments:resolve', { commentId: first.id, resolved: false });
    expect(took()).toEqual([{ storyId: story.id, commentId: first.id }]);

    // Anchoring both, then swapping their order, then cutting one: each comment whose place changed.
    story = await saveBody(
      story,
      doc(anchored('Rates', first.id), plain(' will '), anchored('rise', second.id)),
    );
    expect(took()).toEqual([
      { storyId: story.id, commentId: first.id },
      { storyId: story.id, commentId: second.id },
    ]);
    story = await saveBody(
      story,
      doc(anchored('Rise', second.id), plain(' in '), anchored('rates', first.id)),
    );
    expect(took()).toEqual([
      { storyId: story.id, commentId: second.id },
      { storyId: story.id, commentId: first.id },
    ]);
    story = await saveBody(story, doc(anchored('Rise', second.id), plain(' in rates, sharply')));
    expect(took()).toEqual([{ storyId: story.id, commentId: first.id }]);
    // Typing that leaves every anchor where it was is no comment change.
    story = await saveBody(story, doc(anchored('Rise', second.id), plain(' in rates, very sharply')));
    await call('stories:save', { id: story.id, expectedVersion: story.version, changes: { headline: 'H' } });
    expect(took()).toEqual([]);

    // Writes that fail announce nothing.
    await expect(
      call('comments:reply', { commentId: '01J00000000000000000000000', text: 'x' }),
    ).rejects.toThrow(/not-found/);
    await expect(call('comments:resolve', { commentId: 'nope', resolved: true })).rejects.toThrow(
      /invalid-input/,
    );
    expect(took()).toEqual([]);
  });

  it('never reaches published output', () => {
    const html = storyToHtml(doc(plain('Rates '), anchored('rise', '01J00000000000000000000000')) as never, {
      forPublishing: true,
    });
    expect(html).not.toContain('data-comment-id');
    expect(html).toContain('rise');
  });

  it('coalesces saves into one timeline entry per person and five minutes', async () => {
    await call<Person>('people:create', { name: 'Rita Reporter', role: 'reporter' });
    let story = await call<Story>('stories:create', {});
    for (let i = 0; i < 4; i++) {
      core.tick(30_000);
      story = await call<Story>('stories:save', {
        id: story.id,
        expectedVersion: story.version,
        changes: { headline: `H${i}` },
      });
    }
    core.tick(6 * 60_000);
    await call<Story>('stories:save', {
      id: story.id,
      expectedVersion: story.version,
      changes: { headline: 'Later' },
    });
    const activity = await call<ActivityEntry[]>('activity:list', { storyId: story.id });
    expect(activity.map((a) => [a.kind, a.count])).toEqual([
      ['saved', 1],
      ['saved', 4],
      ['created', 1],
    ]);
  });
  it('re-anchors comments to text a restored revision still has, and orphans those whose text it lacks', async () => {
    await call<Person>('people:create', { name: 'Ed Editor', role: 'editor' });
    const para = (...content: unknown[]) => ({ type: 'paragraph', content });
    let story = await call<Story>('stories:create', {
      body: { type: 'doc', content: [para(plain('Rates will rise sharply.')), para(plain('Banks wait.'))] },
    });
    const old = (await call<{ n: number }[]>('revisions:list', { storyId: story.id }))[0]!.n;
    const kept = await call<Comment>('comments:create', {
      storyId: story.id,
      text: 'Which?',
      quote: 'Rates',
    });
    const edited = await call<Comment>('comments:create', {
      storyId: story.id,
      text: 'Who?',
      quote: 'Banks',
    });
    const gone = await call<Comment>('comments:create', { storyId: story.id, text: 'Source?', quote: 'Fed' });
    story = await saveBody(story, {
      type: 'doc',
      content: [
        para(anchored('Rates', kept.id), plain(' will rise sharply.')),
        // Its text was edited after the comment: the anchored text now is what is looked for.
        para(anchored('Banks wait', edited.id), plain('.')),
        para(plain('The '), anchored('Fed', gone.id), plain(' said so.')),
      ],
    });

    story = await call<Story>('revisions:restore', {
      storyId: story.id,
      n: old,
      expectedVersion: story.version,
    });
    const comments = await call<Comment[]>('comments:list', { storyId: story.id });
    expect(comments.map((c) => [c.text, c.orphaned, c.position])).toEqual([
      ['Which?', false, 0],
      ['Who?', false, 1],
      ['Source?', true, null],
    ]);
    expect(story.body).toEqual({
      type: 'doc',
      content: [
        para(anchored('Rates', kept.id), plain(' will rise sharply.')),
        para(anchored('Banks wait', edited.id), plain('.')),
      ],
    });
  });

  it('lets only the author edit or delete a comment (with its replies), and the core refuses anyone else', async () => {
    const ed = await call<Person>('people:create', { name: 'Ed Editor', role: 'editor' });
    const story = await call<Story>('stories:create', { body: doc(plain('Rates rise')) });
    const comment = await call<Comment>('comments:create', {
      storyId: story.id,
      text: 'Which?',
      quote: 'Rates',
    });
    await call<Person>('people:create', { name: 'Rita Reporter', role: 'reporter' });
    await call('comments:reply', { commentId: comment.id, text: 'The base rate' });

    for (const [channel, input] of [
      ['comments:edit', { commentId: comment.id, text: 'Mine now' }],
      ['comments:delete', { commentId: comment.id }],
    ] as const) {
      expect(await core.dispatch(channel, input)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: 'Only Ed Editor can ' + channel.slice(9) + ' this comment.' },
      });
    }
    expect((await call<Comment[]>('comments:list', { storyId: story.id }))[0]!.text).toBe('Which?');
    expect(await core.dispatch('comments:edit', { commentId: comment.id, text: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });

    await call('people:switch', { id: ed.id });
    const edited = await call<Comment>('comments:edit', { commentId: comment.id, text: 'Which rates?' });
    expect(edited).toMatchObject({ text: 'Which rates?', replies: [{ text: 'The base rate' }] });
    expect(await call('comments:delete', { commentId: comment.id })).toEqual({ id: comment.id });
    expect(await call<Comment[]>('comments:list', { storyId: story.id })).toEqual([]);
    expect(await core.dispatch('comments:edit', { commentId: comment.id, text: 'Back?' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('lets only the author edit or delete a reply, leaving the comment and the other replies', async () => {
    const ed = await call<Person>('people:create', { name: 'Ed Editor', role: 'editor' });
    const story = await call<Story>('stories:create', { body: doc(plain('Rates rise')) });
    const comment = await call<Comment>('comments:create', {
      storyId: story.id,
      text: 'Which?',
      quote: 'Rates',
    });
    await call('comments:reply', { commentId: comment.id, text: 'Mine' });
    await call<Person>('people:create', { name: 'Rita Reporter', role: 'reporter' });
    const replied = await call<Comment>('comments:reply', { commentId: comment.id, text: 'The base rate' });
    const [edsReply, ritasReply] = replied.replies;

    expect(await core.dispatch('comments:edit', { commentId: edsReply!.id, text: 'Hers now' })).toMatchObject(
      {
        ok: false,
        error: { code: 'forbidden', message: 'Only Ed Editor can edit this reply.' },
      },
    );
    expect(await core.dispatch('comments:delete', { commentId: edsReply!.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Only Ed Editor can delete this reply.' },
    });
    const edited = await call<Comment>('comments:edit', {
      commentId: ritasReply!.id,
      text: 'The base rate, 3%',
    });
    expect(edited).toMatchObject({ id: comment.id, text: 'Which?' });
    expect(edited.replies.map((r) => r.text)).toEqual(['Mine', 'The base rate, 3%']);

    await call('people:switch', { id: ed.id });
    expect(await call('comments:delete', { commentId: edsReply!.id })).toEqual({ id: edsReply!.id });
    const [left] = await call<Comment[]>('comments:list', { storyId: story.id });
    expect(left).toMatchObject({ id: comment.id, text: 'Which?' });
    expect(left!.replies.map((r) => [r.author, r.text])).toEqual([['Rita Reporter', 'The base rate, 3%']]);
  });
});
