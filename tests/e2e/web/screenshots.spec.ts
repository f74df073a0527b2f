import { png } from '../../support/png';
import { expect, test } from './browserHost';

const STORIES: [headline: string, standfirst: string][] = [
  [
    'Harbour bridge reopens after six months of repairs',
    'Commuters return to the crossing as the city counts the cost.',
  ],
  [
    'Central bank holds rates, signals cuts later this year',
    'Policymakers point to easing inflation but warn of risks.',
  ],
  ['Flood warnings issued for three river valleys', 'Residents told to prepare as heavy rain moves inland.'],
  ['City council approves night bus network', 'Twelve new routes will run between midnight and 5 a.m.'],
];

/** Screenshots of the UI in light and dark themes, for people to look at (test-results/screenshots). */
for (const colorScheme of ['light', 'dark'] as const) {
  test(`library and story pane, ${colorScheme} theme`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme });
    for (const [headline, standfirst] of STORIES) {
      const response = await page.request.post(`${host.url}/rpc/stories:create`, {
        data: { headline, standfirst, byline: 'By Mina Park', dateline: 'SEOUL', credit: 'reports Yonhap' },
        headers: { Authorization: `Bearer ${host.token}` },
      });
      expect(response.ok()).toBe(true);
    }
    await page.goto(host.uiUrl);
    await page.getByRole('button', { name: new RegExp(STORIES[0]![0]) }).click();
    await expect(page.getByLabel('Headline')).toHaveValue(STORIES[0]![0]);
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector('.pane')!).backgroundColor,
    );
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(28, 32, 36)' : 'rgb(255, 255, 255)');
    await page.screenshot({ path: `test-results/screenshots/library-${colorScheme}.png` });
  });
}

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: ReturnType<typeof text>[]) => ({ type: 'paragraph', content });

test('the editor with a real story, and its history', async ({ page, host }) => {
  const call = host.rpc;
  const image = await call('media:import', {
    fileName: 'bridge.png',
    mimeType: 'image/png',
    dataBase64: png(480, 220).toString('base64'),
  });
  await call('stories:create', {
    headline: 'Harbour bridge reopens after six months of repairs',
    standfirst: 'Commuters return to the crossing as the city counts the cost of the closure.',
    byline: 'By Mina Park',
    dateline: 'BUSAN',
    credit: 'reports Yonhap',
    sectionId: 'top-news',
    body: {
      type: 'doc',
      content: [
        paragraph(
          text('The Gwangan harbour bridge reopened to traffic on Friday morning, '),
          text('six months', [{ type: 'bold' }]),
          text(' after cracks in two support cables forced the city to close it.'),
        ),
        paragraph(
          text('Officials said the repairs cost 48 billion won, '),
          text('according to the city’s transport office', [
            { type: 'link', attrs: { href: 'https://example.com/transport' } },
          ]),
          text('.'),
        ),
        { type: 'pullQuote', content: [text('“We built it to last another fifty years.”')] },
        { type: 'heading', attrs: { level: 2 }, content: [text('What changes for commuters')] },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [paragraph(text('Buses return to their old routes on Monday.'))] },
            {
              type: 'listItem',
              content: [paragraph(text('Tolls stay suspended until the end of the month.'))],
            },
          ],
        },
        {
          type: 'figure',
          attrs: {
            src: image.src,
            alt: 'The bridge at dusk',
            caption: 'The bridge at dusk',
            credit: 'Photo: Yonhap',
          },
        },
        {
          type: 'blockquote',
          content: [paragraph(text('It feels like the city has its skyline back, said one driver.'))],
        },
      ],
    },
  });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Harbour bridge reopens/ }).click();
  await expect(page.getByRole('textbox', { name: 'Story body' }).locator('figure img')).toBeVisible();
  await expect(page.getByTestId('reading-time')).toHaveText('1 min read');
  await page.screenshot({ path: 'test-results/screenshots/editor.png' });

  await page.getByRole('button', { name: 'History' }).click();
  await expect(
    page.getByRole('complementary', { name: 'History' }).getByRole('button', { name: /Created/ }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/history.png' });
});

test('a story page of the built-in static site, among its section', async ({ page, host }) => {
  const call = host.rpc;
  await call('settings:update', { requireApproval: false });
  const story = async (headline: string, standfirst: string, sectionId: string, extra: object[] = []) => {
    const created = await call<{ id: string }>('stories:create', {
      headline,
      standfirst,
      byline: 'By Mina Park',
      dateline: 'BUSAN',
      credit: 'reports Yonhap',
      sectionId,
      body: {
        type: 'doc',
        content: [
          paragraph(text(`${standfirst} `.repeat(3).trim())),
          ...extra,
          paragraph(text('Officials said the work would be reviewed again in the spring. '.repeat(6).trim())),
        ],
      },
    });
    const job = await call<{ id: string }>('publish:start', { storyId: created.id });
    await expect
      .poll(async () => {
        const status = await call<{ jobs: { id: string; state: string }[] }>('publish:status', {
          storyId: created.id,
        });
        return status.jobs.find((each) => each.id === job.id)?.state;
      })
      .toBe('done');
    return created.id;
  };
  const linked = await story(
    'Ferry operators add winter crossings',
    'Two extra sailings a day will run until March.',
    'world',
  );
  await story('Council agrees harbour budget', 'The vote came after an all-night sitting.', 'top-news');
  await story(
    'Harbour bridge reopens after six months of repairs',
    'Commuters return to the crossing as the city counts the cost of the closure.',
    'top-news',
    [
      { type: 'pullQuote', content: [text('“We built it to last another fifty years.”')] },
      { type: 'alsoRead', attrs: { storyId: linked, headline: '' } },
    ],
  );
  await story(
    'Night buses start on twelve routes',
    'Services will run between midnight and 5 a.m.',
    'top-news',
  );

  await page.goto(`${host.url}/site/stories/harbour-bridge-reopens-after-six-months-of-repairs.html`);
  await expect(page.locator('.also-read')).toContainText('Ferry operators add winter crossings');
  await expect(page.getByRole('navigation', { name: 'More in Top News' })).toContainText(
    'PreviousCouncil agrees harbour budgetNextNight buses start on twelve routes',
  );
  await expect(page.getByRole('region', { name: 'Latest from Top News' }).getByRole('listitem')).toHaveCount(
    2,
  );
  await page.screenshot({ path: 'test-results/screenshots/static-story.png', fullPage: true });
});
