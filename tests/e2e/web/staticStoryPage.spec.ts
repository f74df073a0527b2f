import { expect, test } from './browserHost';

const HEADLINE =
  'Harbour authority says "the bridge will reopen before the winter storms arrive", despite a six-month delay';
const SHOTS = 'test-results/screenshots/desk';

test('a static story page: the headline, standfirst and byline fit a 390-px phone’s first screen, and the page reads well at 1440×900', async ({
  page,
  host,
}) => {
  await host.rpc('settings:update', { requireApproval: false });
  const story = await host.rpc('stories:create', {
    headline: HEADLINE,
    slug: 'harbour-bridge',
    standfirst: 'Engineers found more corrosion than expected, but the city’s deadline holds.',
    byline: 'By Mina Park',
    dateline: 'BUSAN',
    credit: 'reports Yonhap',
    sectionId: 'top-news',
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'Officials said the work would be reviewed again in the spring. '.repeat(8),
            },
          ],
        },
      ],
    },
  });
  const job = await host.rpc('publish:start', { storyId: story.id });
  await expect
    .poll(
      async () => {
        const status = await host.rpc('publish:status', { storyId: story.id });
        return status.jobs.find((each: { id: string }) => each.id === job.id)?.state;
      },
      { timeout: 20_000 },
    )
    .toBe('done');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${host.url}/site/stories/harbour-bridge.html`);
  const headline = page.getByRole('heading', { level: 1 });
  await expect(headline).toHaveText(
    'Harbour authority says “the bridge will reopen before the winter storms arrive”, despite a six-month delay',
  );
  // The headline, the standfirst and the byline line are all on the first screen, with nothing wider than it.
  for (const part of [headline, page.locator('.standfirst'), page.locator('.meta')])
    await expect(part).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/static-story-390.png` });

  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(headline).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: `${SHOTS}/static-story-1440.png` });
});
