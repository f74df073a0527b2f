import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Story } from '../../shared/domain/story';
import { png } from '../support/png';
import { testCore } from '../support/testCore';

let core: ReturnType<typeof testCore>;
beforeEach(() => {
  core = testCore();
});
afterEach(() => core.dispose());

const refusal = async (channel: string, input: unknown) => {
  const result = await core.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} succeeded`);
  return result.error;
};
const missingImage = `media/${'0'.repeat(64)}.png`;
const withFigure = (src: string) => ({ type: 'doc', content: [{ type: 'figure', attrs: { src } }] });

describe('what a story refers to', () => {
  it('refuses a section that does not exist with not-found naming it, on create and on save', async () => {
    expect(await refusal('stories:create', { sectionId: 'no-such-desk' })).toEqual({
      code: 'not-found',
      message: 'No section with id no-such-desk',
    });
    const story = await core.call<Story>('stories:create', {});
    expect(
      await refusal('stories:save', { id: story.id, expectedVersion: 1, changes: { sectionId: 'gone' } }),
    ).toEqual({
      code: 'not-found',
      message: 'No section with id gone',
    });
  });

  it('refuses a featured image or figure the media store does not have, and keeps one it has', async () => {
    expect(await refusal('stories:create', { featuredImage: missingImage })).toMatchObject({
      code: 'not-found',
      message: `The featured image ${missingImage} is not in the media store`,
    });
    expect(await refusal('stories:create', { body: withFigure(missingImage) })).toMatchObject({
      code: 'not-found',
      message: `The image ${missingImage} is not in the media store`,
    });
    const { src } = await core.call<{ src: string }>('media:import', {
      fileName: 'a.png',
      dataBase64: png(4, 4, 1).toString('base64'),
    });
    const story = await core.call<Story>('stories:create', { featuredImage: src, body: withFigure(src) });
    expect(story.featuredImage).toBe(src);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd'])(
    'refuses a featured image %j with invalid-input',
    async (featuredImage) => {
      expect(await refusal('stories:create', { featuredImage })).toMatchObject({ code: 'invalid-input' });
    },
  );

  it('stores every text field without the characters HTML and XML forbid', async () => {
    const story = await core.call<Story>('stories:create', {
      headline: 'Rates\u0000 rise\u0008',
      standfirst: 'A \u202equarter\u202c point',
      byline: 'By\u001b Jane',
    });
    expect(story).toMatchObject({ headline: 'Rates rise', standfirst: 'A quarter point', byline: 'By Jane' });
  });
});
