import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { removeDir, startDeskProcess, type DeskProcess } from '../../desk/deskKit';
import { startServe, stopProcess } from '../../support/serveProcess';
import { tempDir } from '../../support/tempDir';
import { screenshotAtBothSizes } from './atBothSizes';
import { expect, test } from './browserHost';

/** A second machine: its own `copydesk serve` on its own data folder. */
async function secondHost() {
  const dir = tempDir('copydesk-e2e-second-');
  const token = randomBytes(24).toString('base64url');
  const running = await startServe(dir.path, token);
  const rpc = async <T>(channel: string, input: unknown): Promise<T> => {
    const response = await fetch(`${running.url}/rpc/${channel}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
    return result.value as T;
  };
  await rpc('people:create', { name: 'Rey Reporter', role: 'reporter' });
  return {
    uiUrl: running.uiUrl,
    rpc,
    stop: async () => {
      await stopProcess(running.child);
      dir.remove();
    },
  };
}

let desk: DeskProcess;
test.beforeEach(async () => {
  desk = await startDeskProcess();
});
test.afterEach(async () => {
  await desk.stop();
  removeDir(desk.dataDir);
});

const bodyOf = (page: Page) => page.getByRole('textbox', { name: 'Story body' });

/** Puts the caret at the end of the body's first paragraph. */
async function caretAtEndOfFirstParagraph(page: Page) {
  await bodyOf(page).locator('p').first().click();
  await page.keyboard.press('End');
}

test('two machines on one desk: typing shows in the other’s open editor, concurrent edits of a paragraph both stay, carets and names shown', async ({
  page,
  host,
  browser,
}) => {
  test.setTimeout(90_000);
  const reporterHost = await secondHost();
  try {
    await host.rpc('desk:join', { address: desk.url, code: desk.firstInvitation, name: 'Eda Editor' });
    const invitation = await host.rpc<{ code: string }>('desk:invite', {
      name: 'Rey Reporter',
      role: 'reporter',
    });
    await reporterHost.rpc('desk:join', { address: desk.url, code: invitation.code });
    const story = await reporterHost.rpc<{ id: string }>('stories:create', {
      headline: 'Harbour reopens after the storm',
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'The harbour reopened on Tuesday.' }] },
        ],
      },
    });
    await reporterHost.rpc('desk:share', { storyId: story.id });
    await expect
      .poll(
        () =>
          host.rpc('stories:get', { id: story.id }).then(
            (s) => s.headline,
            () => null,
          ),
        { timeout: 10_000 },
      )
      .toBe('Harbour reopens after the storm');

    const reporterContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const reporter = await reporterContext.newPage();
    for (const [p, url] of [
      [page, host.uiUrl],
      [reporter, reporterHost.uiUrl],
    ] as const) {
      await p.goto(url);
      await p
        .getByRole('button', { name: /Harbour reopens after the storm/ })
        .first()
        .click();
      await expect(bodyOf(p)).toContainText('The harbour reopened on Tuesday.');
    }

    // Typed on one machine, shown in the other's open editor without a reload. At a typist's pace, so the
    // doc reaches the row (once a second) while the keys go: neither window asks for the story again.
    const storyReads = (p: typeof page) => {
      let reads = 0;
      p.on('request', (request) => {
        if (request.url().includes(`/rpc/${encodeURIComponent('stories:get')}`)) reads++;
      });
      return () => reads;
    };
    const readsHere = storyReads(page);
    const readsThere = storyReads(reporter);
    await caretAtEndOfFirstParagraph(reporter);
    await reporter.keyboard.type(' Ferries run again.', { delay: 90 });
    await expect(bodyOf(page)).toContainText('The harbour reopened on Tuesday. Ferries run again.', {
      timeout: 10_000,
    });
    await expect
      .poll(async () =>
        JSON.stringify((await reporterHost.rpc<{ body: unknown }>('stories:get', { id: story.id })).body),
      )
      .toContain('Ferries run again.');
    await page.waitForTimeout(1_500);
    expect([readsHere(), readsThere()]).toEqual([0, 0]);

    // Both type into the same paragraph at once: both edits are kept, on both screens.
    await caretAtEndOfFirstParagraph(page);
    await bodyOf(reporter).locator('p').first().click();
    await reporter.keyboard.press('Home');
    await Promise.all([page.keyboard.type(' Tolls are waived.'), reporter.keyboard.type('UPDATE: ')]);
    const both = /^UPDATE: The harbour reopened on Tuesday\. Ferries run again\. Tolls are waived\.$/;
    for (const p of [page, reporter])
      await expect(bodyOf(p).locator('p').first()).toHaveText(both, { timeout: 10_000 });

    // The other person: their name in the header and their caret in the body.
    const presence = page.getByRole('list', { name: 'Also on this story' });
    await expect(presence).toContainText('Rey Reporter');
    await expect(bodyOf(page).locator('.collab-caret[data-person="Rey Reporter"]')).toBeVisible();
    await expect(reporter.getByRole('list', { name: 'Also on this story' })).toContainText('Eda Editor');
    await expect(bodyOf(reporter).locator('.collab-caret[data-person="Eda Editor"]')).toBeVisible();

    // What the editor typed is saved on the editor's machine from the doc (no save of the body from the page).
    await expect
      .poll(() => host.rpc('stories:get', { id: story.id }).then((s) => JSON.stringify(s.body)), {
        timeout: 10_000,
      })
      .toContain('Tolls are waived.');

    await screenshotAtBothSizes(page, 'live-editor');

    // Spiked on the desk, the story takes no more edits: what the reporter types goes into a correction draft.
    await host.rpc('desk:transition', { storyId: story.id, action: 'spike' });
    await expect
      .poll(
        () =>
          reporterHost
            .rpc<{ status: string }>('desk:storyState', { storyId: story.id })
            .then((s) => s.status),
        {
          timeout: 10_000,
        },
      )
      .toBe('spiked');
    await caretAtEndOfFirstParagraph(reporter);
    await reporter.keyboard.type(' A late fix.');
    const notice = reporter.getByRole('status').filter({ hasText: 'correction draft' });
    await expect(notice).toContainText(
      'Your edits after it was spiked are in the correction draft “Correction: Harbour reopens after the storm”',
    );
    await expect(bodyOf(page).locator('p').first()).not.toContainText('A late fix.');
    // Once the reporter stops typing, their open editor shows the story as it stays: the words are in the correction.
    await expect(bodyOf(reporter).locator('p').first()).toHaveText(
      'UPDATE: The harbour reopened on Tuesday. Ferries run again. Tolls are waived.',
    );
    await expect(notice).toBeVisible();
    await screenshotAtBothSizes(reporter, 'live-editor-correction');
    await notice.getByRole('button', { name: 'Open the correction' }).click();
    await expect(reporter.getByLabel('Headline')).toHaveValue('Correction: Harbour reopens after the storm');
    await expect(bodyOf(reporter)).toContainText('Tolls are waived. A late fix.');
    await reporterContext.close();
  } finally {
    await reporterHost.stop();
  }
});
