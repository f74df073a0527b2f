import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { LIVE_RACE_MS } from '../../../main/services/desk/fieldOverwrites';
import { removeDir, startDeskProcess, type DeskProcess } from '../../desk/deskKit';
import { screenshotAtBothSizes } from './atBothSizes';
import { seriousViolations } from './axe';
import { cutOff } from './cutOff';
import { expect, startHost, test, type RunningHost } from './browserHost';

/**
 * Two machines (two browser hosts with their own data folders) and a desk process on loopback, both with the
 * same desk story open: its fields follow the doc live.
 */
test.describe.configure({ mode: 'serial', timeout: 90_000 });

let desk: DeskProcess;
let editorHost: RunningHost & { close(): Promise<void> };
let reporterHost: RunningHost & { close(): Promise<void> };
let editor: Page;
let reporter: Page;

async function openMachine(browser: Browser, host: RunningHost) {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(host.uiUrl);
  return page;
}

/** A story the reporter wrote, on the desk and open on both machines. */
async function storyOpenOnBoth(headline: string, standfirst: string): Promise<string> {
  const story = await reporterHost.rpc<{ id: string }>('stories:create', {
    headline,
    standfirst,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First line.' }] }] },
  });
  await expect
    .poll(
      () =>
        editorHost.rpc('stories:get', { id: story.id }).then(
          (s) => s.headline,
          () => null,
        ),
      {
        timeout: 10_000,
      },
    )
    .toBe(headline);
  for (const page of [editor, reporter]) {
    await page.getByRole('button', { name: 'All stories' }).click();
    await page
      .getByRole('region', { name: 'Stories' })
      .getByRole('button', { name: new RegExp(headline) })
      .click();
    await expect(page.getByLabel('Headline')).toHaveValue(headline);
  }
  // Each sees the other on the story: both editors are bound to its doc.
  for (const page of [editor, reporter])
    await expect(page.getByRole('list', { name: 'Also on this story' })).toBeVisible({ timeout: 10_000 });
  return story.id;
}

const fieldsOn = (host: RunningHost, id: string) =>
  host.rpc('stories:get', { id }).then((s) => ({ headline: s.headline, standfirst: s.standfirst }));

test.beforeAll(async ({ browser }) => {
  desk = await startDeskProcess();
  editorHost = await startHost({ name: 'Eda Editor', role: 'editor' });
  reporterHost = await startHost({ name: 'Rey Reporter', role: 'reporter' });
  await editorHost.rpc('desk:join', { address: desk.url, code: desk.firstInvitation, name: 'Eda Editor' });
  const invitation = await editorHost.rpc<{ code: string }>('desk:invite', {
    name: 'Rey Reporter',
    role: 'reporter',
  });
  await reporterHost.rpc('desk:join', { address: desk.url, code: invitation.code });
  editor = await openMachine(browser, editorHost);
  reporter = await openMachine(browser, reporterHost);
});

test.afterAll(async () => {
  await editor?.context().close();
  await reporter?.context().close();
  await editorHost?.close();
  await reporterHost?.close();
  await desk?.stop();
  if (desk) removeDir(desk.dataDir);
});

test('fields are live: one types the headline while the other changes the standfirst, both stay; the last to finish a field wins it', async () => {
  const id = await storyOpenOnBoth('Ferry strike called off', 'Talks went on all night.');
  const headline = editor.getByLabel('Headline');

  // The editor is in the middle of typing the headline when the reporter's standfirst arrives: it shows at once.
  await headline.click();
  await editor.keyboard.press('End');
  await Promise.all([
    editor.keyboard.type(' tonight', { delay: 120 }),
    reporter.getByLabel('Standfirst').fill('Unions and operators agreed at midnight.'),
  ]);
  await expect(editor.getByLabel('Standfirst')).toHaveValue('Unions and operators agreed at midnight.');
  await expect(headline).toBeFocused();
  await expect(headline).toHaveValue('Ferry strike called off tonight');
  await expect(reporter.getByLabel('Headline')).toHaveValue('Ferry strike called off tonight');
  for (const host of [editorHost, reporterHost])
    await expect
      .poll(() => fieldsOn(host, id), { timeout: 10_000 })
      .toEqual({
        headline: 'Ferry strike called off tonight',
        standfirst: 'Unions and operators agreed at midnight.',
      });

  // Both in the same field: what the editor is typing is never replaced; theirs is offered beside it. The
  // reporter has selected the whole headline to retype it when the editor's " as" arrives: the selection stays
  // on the whole (longer) headline, so what the reporter types replaces it rather than following it.
  const theirHeadline = reporter.getByLabel('Headline');
  await theirHeadline.selectText();
  await editor.keyboard.type(' as');
  await expect(theirHeadline).toHaveValue('Ferry strike called off tonight as');
  expect(
    await theirHeadline.evaluate((field: HTMLTextAreaElement) => [field.selectionStart, field.selectionEnd]),
  ).toEqual([0, 34]);
  await reporter.keyboard.insertText('Ferry strike is off');
  await theirHeadline.blur();
  // The note names who made the change (their window wrote the doc's value, its awareness says who).
  await expect(editor.getByRole('status').filter({ hasText: 'while you typed' })).toContainText(
    'Rey Reporter changed this to “Ferry strike is off” while you typed; yours is kept.',
  );
  await expect(headline).toHaveValue('Ferry strike called off tonight as');
  await screenshotAtBothSizes(editor, 'live-fields-overtaken');
  await editor.keyboard.type(' planned');
  await editor.getByLabel('Standfirst').click();
  await expect(theirHeadline).toHaveValue('Ferry strike called off tonight as planned');
  await expect(editor.getByRole('status').filter({ hasText: 'while you typed' })).toHaveCount(0);

  // Out of the field, the other machine's change shows at once; so does "Use theirs" when typing.
  await theirHeadline.fill('Ferry strike is off');
  await theirHeadline.blur();
  await expect(headline).toHaveValue('Ferry strike is off');
  /** The editor types `typed` at the end of the headline; once the reporter sees it, they put in `theirs`. */
  const overtakeEditor = async (typed: string, theirs: string) => {
    const mine = `${await headline.inputValue()}${typed}`;
    await headline.click();
    await editor.keyboard.press('End');
    await editor.keyboard.type(typed);
    await expect(theirHeadline).toHaveValue(mine);
    await theirHeadline.fill(theirs);
    await theirHeadline.blur();
  };
  await overtakeEditor('!', 'Ferries run again');
  await editor.getByRole('button', { name: 'Use theirs' }).click();
  await expect(headline).toHaveValue('Ferries run again');
  await expect(headline).toBeFocused();
  await editor.getByLabel('Standfirst').click();
  for (const host of [editorHost, reporterHost])
    await expect
      .poll(() => fieldsOn(host, id).then((f) => f.headline), { timeout: 10_000 })
      .toBe('Ferries run again');

  // Left without another letter, the kept headline wins, and the slug follows it on both machines.
  await overtakeEditor(' at noon', 'Ferries are back');
  await expect(editor.getByRole('button', { name: 'Use theirs' })).toBeVisible();
  await editor.getByLabel('Standfirst').click();
  await expect(theirHeadline).toHaveValue('Ferries run again at noon');
  for (const page of [editor, reporter])
    await expect(page.getByLabel('Slug')).toHaveValue('ferries-run-again-at-noon');
  await expect
    .poll(() => reporterHost.rpc('stories:get', { id }).then((s) => [s.slug, s.slugEdited]), {
      timeout: 10_000,
    })
    .toEqual(['ferries-run-again-at-noon', false]);
});

test('moved to the desk while the person types: the switch to the live editor loses no keystroke and keeps the caret', async ({
  browser,
}) => {
  const soloHost = await startHost({ name: 'Sol Stringer', role: 'reporter' });
  try {
    const written = await soloHost.rpc<{ id: string }>('stories:create', {
      headline: 'Lighthouse keeper retires',
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'After forty years,' }] }],
      },
    });
    const invitation = await editorHost.rpc<{ code: string }>('desk:invite', {
      name: 'Sol Stringer',
      role: 'reporter',
    });
    await soloHost.rpc('desk:join', { address: desk.url, code: invitation.code });
    const page = await openMachine(browser, soloHost);
    await page.getByRole('button', { name: 'All stories' }).click();
    await page
      .getByRole('region', { name: 'Stories' })
      .getByRole('button', { name: /Lighthouse keeper/ })
      .click();
    const body = page.getByRole('textbox', { name: 'Story body' });
    await expect(body).toHaveText('After forty years,');
    await expect(page.getByRole('region', { name: 'Not on the desk' })).toBeVisible();
    await body.click();
    await page.keyboard.press('Control+End');

    // Typed without any delay while the story goes to the desk (as "Move to desk" in another window does).
    const typed =
      ' the keeper of the Point Reyes light handed over the keys on Sunday and walked down the hill.';
    await Promise.all([
      page.keyboard.type(typed),
      new Promise((done) => setTimeout(done, 150)).then(() =>
        soloHost.rpc('desk:share', { storyId: written.id }),
      ),
    ]);
    await expect(page.getByRole('region', { name: 'Not on the desk' })).toHaveCount(0);
    await expect(body).toHaveText(`After forty years,${typed}`);

    // Live now: the editor opening it is on the story with this person, and the caret is still at the end.
    await editor.getByRole('button', { name: 'All stories' }).click();
    await editor
      .getByRole('region', { name: 'Stories' })
      .getByRole('button', { name: /Lighthouse keeper/ })
      .click();
    await expect(page.getByRole('list', { name: 'Also on this story' })).toContainText('Eda Editor', {
      timeout: 10_000,
    });
    await page.keyboard.type(' He is 71.');
    const all = `After forty years,${typed} He is 71.`;
    await expect(body).toHaveText(all);
    await expect(editor.getByRole('textbox', { name: 'Story body' })).toHaveText(all, { timeout: 10_000 });
    await page.context().close();
  } finally {
    await soloHost.close();
  }
});

test('changed after approval: the editor publishes the approved revision from the notice, the later edits open as a draft', async () => {
  const site = join(editorHost.dataDir, 'public-site');
  await editorHost.rpc('targets:save', {
    id: 'static',
    kind: 'static',
    folder: site,
    url: 'https://news.example.org',
  });
  const written = await reporterHost.rpc<{ id: string; version: number }>('stories:create', {
    headline: 'Museum reopens',
    slug: 'museum-reopens',
    sectionId: 'politics',
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The museum reopened.' }] }],
    },
  });
  await expect
    .poll(() => reporterHost.rpc('desk:storyState', { storyId: written.id }).then((s) => s.onDesk))
    .toBe(true);
  await reporterHost.rpc('desk:transition', { storyId: written.id, action: 'submit' });
  await expect
    .poll(
      () =>
        editorHost.rpc('stories:get', { id: written.id }).then(
          (s) => s.status,
          () => null,
        ),
      { timeout: 10_000 },
    )
    .toBe('in_review');
  await editorHost.rpc('desk:transition', { storyId: written.id, action: 'approve' });
  await expect
    .poll(() => reporterHost.rpc('stories:get', { id: written.id }).then((s) => s.status), {
      timeout: 10_000,
    })
    .toBe('approved');
  // The reporter's machine names the editor who approved it on the desk.
  await reporter.getByRole('button', { name: 'All stories' }).click();
  await reporter
    .getByRole('region', { name: 'Stories' })
    .getByRole('button', { name: /Museum reopens/ })
    .click();
  await expect(reporter.getByRole('note').filter({ hasText: 'Approved by' })).toHaveText(
    'Approved by Eda Editor just now.',
  );
  await screenshotAtBothSizes(reporter, 'desk-approved-by');
  const approved = await reporterHost.rpc('stories:get', { id: written.id });
  await reporterHost.rpc('stories:save', {
    id: written.id,
    expectedVersion: approved.version,
    changes: {
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'The museum reopened. Entry is free.' }] },
        ],
      },
    },
  });
  await expect
    .poll(
      () => editorHost.rpc('desk:storyState', { storyId: written.id }).then((s) => s.changedAfterApproval),
      {
        timeout: 10_000,
      },
    )
    .toBe(true);

  await editor.getByRole('button', { name: 'All stories' }).click();
  await editor
    .getByRole('region', { name: 'Stories' })
    .getByRole('button', { name: /Museum reopens/ })
    .click();
  const notice = editor.getByRole('region', { name: 'Changed after approval' });
  await expect(notice.getByRole('button', { name: 'Approve the new text' })).toBeVisible();
  await expect(editor.getByRole('textbox', { name: 'Story body' })).toContainText('Entry is free.');
  // A review story changed after approval has the most header buttons: none is cut off at either size.
  await screenshotAtBothSizes(editor, 'publish-approved-revision', async () =>
    expect(await cutOff(editor)).toEqual([]),
  );
  await notice.getByRole('button', { name: 'Publish the approved revision' }).click();

  const done = editor.getByRole('status').filter({ hasText: 'The approved revision is on its way' });
  await expect(done).toBeVisible({ timeout: 15_000 });
  await expect
    .poll(() => editorHost.rpc('publish:status', { storyId: written.id }).then((s) => s.jobs[0]?.state), {
      timeout: 15_000,
    })
    .toBe('done');
  const page = readFileSync(join(site, 'stories', 'museum-reopens.html'), 'utf8');
  expect(page).toContain('The museum reopened.');
  expect(page).not.toContain('Entry is free.');
  await expect(editor.getByRole('textbox', { name: 'Story body' })).not.toContainText('Entry is free.');
  await expect
    .poll(() => editorHost.rpc('stories:get', { id: written.id }).then((s) => s.status))
    .toBe('published');
  await expect(editor.locator('.pane-toolbar')).toContainText('Published', { ignoreCase: true });
  await screenshotAtBothSizes(editor, 'publish-approved-revision-done');

  await done.getByRole('button', { name: 'Open the draft' }).click();
  await expect(editor.getByLabel('Headline')).toHaveValue('Museum reopens (edits after approval)');
  await expect(editor.getByRole('textbox', { name: 'Story body' })).toContainText(
    'The museum reopened. Entry is free.',
  );
});

test('a headline changed on both machines while apart: the machine whose headline gave way offers it back, and “Use this machine’s” puts it back on both', async () => {
  const id = await storyOpenOnBoth('Harbour reopens', 'Boats sailed at dawn.');
  for (const page of [editor, reporter]) await page.getByRole('button', { name: 'All stories' }).click();
  await desk.stop();
  const hosts = [editorHost, reporterHost];
  const headlines = ['Harbour reopens after storm', 'Boats return to the harbour'];
  for (const [index, host] of hosts.entries()) {
    const story = await host.rpc<{ version: number }>('stories:get', { id });
    await host.rpc('stories:save', {
      id,
      expectedVersion: story.version,
      changes: { headline: headlines[index] },
    });
  }
  // Apart for longer than a live race between two people typing in the field.
  await new Promise((resolve) => setTimeout(resolve, LIVE_RACE_MS));
  desk = await startDeskProcess({ dataDir: desk.dataDir, port: desk.port, firstStart: false });

  // Either machine's headline may be the one the doc keeps (Yjs decides by client id).
  let loser = -1;
  await expect
    .poll(
      async () => {
        const states = await Promise.all(hosts.map((host) => host.rpc('desk:storyState', { storyId: id })));
        loser = states.findIndex((state: { overwrites: unknown[] }) => state.overwrites.length > 0);
        return loser;
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(0);
  const page = [editor, reporter][loser]!;
  const lost = headlines[loser]!;
  const kept = headlines[1 - loser]!;
  await page
    .getByRole('region', { name: 'Stories' })
    .getByRole('button', { name: new RegExp(kept) })
    .click();
  await expect(page.getByLabel('Headline')).toHaveValue(kept);
  const notice = page.getByRole('region', { name: 'Changed on two machines' });
  await expect(notice).toContainText(
    `The headline was changed here and on another machine while the two were apart, and the story has the other machine’s. This machine’s was “${lost}”.`,
  );
  expect(await seriousViolations(page), 'axe over the notice').toEqual([]);
  await screenshotAtBothSizes(page, 'desk-field-overwritten');
  await notice.getByRole('button', { name: 'Use this machine’s' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByLabel('Headline')).toHaveValue(lost);
  for (const host of hosts)
    await expect.poll(() => fieldsOn(host, id).then((f) => f.headline), { timeout: 10_000 }).toBe(lost);
});
