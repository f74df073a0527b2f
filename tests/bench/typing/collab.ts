// Typing cost per character on the 10,000-word story with collaboration on (the editor bound to the story's
// desk document, a real desk in this process, another person's client on the document) versus solo mode.
// Prints one JSON line per mode: keydown → next frame latency in ms.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDesk } from '../../../main/desk/startDesk';
import { connect, joinDesk, waitFor } from '../../desk/deskKit';
import { CHROMIUM, CHROMIUM_ARGS } from '../../support/chromium';
import { copydeskHost, documentOf, KEYS, measure } from './typingPage';

const WORDS = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'copydesk-typing-collab-'));
const desk = await startDesk({ dataDir: join(dir, 'desk'), port: 0 });
const host = await copydeskHost(join(dir, 'data'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const rpc = async <T>(channel: string, input: unknown): Promise<T> => {
  const response = await fetch(`${host.url}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
};
const peers: { close(): void }[] = [];
try {
  await rpc('people:create', { name: 'Bench Reporter', role: 'reporter' });
  await rpc('desk:join', { address: desk.url, code: desk.firstInvitation, name: 'Bench Reporter' });
  const invitation = await rpc<{ code: string }>('desk:invite', { name: 'Bench Editor', role: 'editor' });
  const other = await joinDesk(desk, invitation.code);

  for (const mode of ['solo', 'collab'] as const) {
    const headline = `Long story ${mode}`;
    const story = await rpc<{ id: string }>('stories:create', { headline, body: documentOf(WORDS) });
    if (mode === 'collab') {
      await rpc('desk:share', { storyId: story.id });
      const peer = connect(desk, other.token, `story/${story.id}`);
      peers.push(peer);
      await waitFor(() => peer.doc.getXmlFragment('default').length > 0, 20_000, 'the peer to get the story');
    }
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${host.url}/#token=${host.token}`);
    await page.getByRole('button', { name: new RegExp(headline) }).click();
    await page.getByRole('textbox', { name: 'Story body' }).locator('p').first().waitFor();
    const { median, p95 } = await measure(page);
    await page.close();
    console.log(
      JSON.stringify({ bench: 'typing', words: WORDS, mode, keys: KEYS, medianMs: median, p95Ms: p95 }),
    );
  }
} finally {
  for (const peer of peers) peer.close();
  await browser.close();
  host.stop();
  await desk.close();
  rmSync(dir, { recursive: true, force: true });
}
