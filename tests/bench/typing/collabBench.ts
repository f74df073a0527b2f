// Typing cost with collaboration on (the editor bound to the story's desk document, a real desk in this
// process, another person's client on the same document) against the same editor in solo mode, same run.
import type { Browser } from '@playwright/test';
import { join } from 'node:path';
import { startDesk } from '../../../main/desk/startDesk';
import { connect, joinDesk, waitFor } from '../../desk/deskKit';
import { median, percentile, round, type Measurement } from '../measurement';
import { documentOf, openStory, startCopydesk } from './storyPages';
import type { ProfileSummary } from './cpuProfile';
import { profileTyping, sample, type Sample, type TypingOptions } from './typingBench';

const WORDS = 10_000;
const SOLO = 'Typing bench solo';
const SHARED = 'Typing bench on the desk';

export async function collabTypingBench(
  browser: Browser,
  dir: string,
  options: TypingOptions,
  onProfile: (editor: string, words: number, summary: ProfileSummary) => void,
): Promise<Measurement[]> {
  const desk = await startDesk({ dataDir: join(dir, 'desk'), port: 0 });
  const host = await startCopydesk(join(dir, 'host'));
  const peers: { close(): void }[] = [];
  try {
    const content = documentOf(WORDS);
    // Written before joining, so it stays on this machine: solo mode.
    await host.rpc('stories:create', { headline: SOLO, body: content });
    await host.rpc('desk:join', { address: desk.url, code: desk.firstInvitation, name: 'Bench Reporter' });
    const invitation = await host.rpc<{ code: string }>('desk:invite', {
      name: 'Bench Editor',
      role: 'editor',
    });
    const other = await joinDesk(desk, invitation.code);
    // Written on a joined machine, so it goes to the desk; the other person opens it too.
    const shared = await host.rpc<{ id: string }>('stories:create', { headline: SHARED, body: content });
    const onDesk = async () =>
      (await host.rpc<{ onDesk: boolean }>('desk:storyState', { storyId: shared.id })).onDesk;
    for (let tries = 0; !(await onDesk()); tries++) {
      if (tries > 100) throw new Error('the story never reached the desk');
      await new Promise((done) => setTimeout(done, 100));
    }
    const peer = connect(desk, other.token, `story/${shared.id}`);
    peers.push(peer);
    await waitFor(
      () => peer.doc.getXmlFragment('default').length > 0,
      20_000,
      'the other person to get the story',
    );

    const solo: Sample[] = [];
    const collab: Sample[] = [];
    for (let n = 0; n < options.rounds; n++) {
      for (const [headline, samples] of [
        [SOLO, solo],
        [SHARED, collab],
      ] as const) {
        const page = await openStory(browser, host, headline);
        samples.push(await sample(browser, page, options));
        await page.close();
      }
    }
    if (options.profile) {
      for (const [editor, headline] of [
        ['Copydesk solo', SOLO],
        ['Copydesk with collaboration', SHARED],
      ] as const)
        onProfile(
          editor,
          WORDS,
          await profileTyping(browser, await openStory(browser, host, headline), options),
        );
    }
    const medianOf = (samples: Sample[], pick: (s: Sample) => number[], p = 0.5) =>
      median(samples.map((s) => percentile(pick(s), p)));
    const reference = 'the same editor in solo mode (no desk)';
    const measured = (name: string, pick: (s: Sample) => number[], digits: number): Measurement => ({
      section: 'collab',
      name: `${name} with collaboration on, 10,000 words`,
      unit: 'ms',
      value: round(medianOf(collab, pick), digits),
      reference: { name: reference, value: round(medianOf(solo, pick), digits) },
      goal: null,
      detail: {
        p95: round(medianOf(collab, pick, 0.95)),
        referenceP95: round(medianOf(solo, pick, 0.95)),
        rounds: options.rounds,
      },
    });
    return [
      measured('keystroke EventDispatch (keydown+keypress+keyup)', (s) => s.eventDispatch, 3),
      measured('keydown → next frame', (s) => s.frame, 2),
    ];
  } finally {
    for (const peer of peers) peer.close();
    await host.stop();
    await desk.close();
  }
}
