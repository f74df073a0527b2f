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
