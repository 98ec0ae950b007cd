// Screenshots of the frame on three screens for `npm run screenshots`: a 1280x720 laptop, a 1440x900 one and a
// 390x844 phone, the sandbox and lesson 1, light and dark (docs/screenshots/screen-*.png). Kept apart from
// tools/screenshots.mjs so each branch extends that script with one call.

const SCREENS = [
  [1280, 720],
  [1440, 900],
  [390, 844],
];

/** Takes the shots with a fresh page per screen (a phone is a mobile, touch viewport). */
export async function screenShots({ browser, base, out }) {
  for (const [width, height] of SCREENS) {
    const phone = width < 720;
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1, colorScheme: scheme, isMobile: phone, hasTouch: phone });
      const shot = async (name) => {
        await page.waitForTimeout(600); // fades and the fit settle
        const path = `${out}/screen-${name}-${width}x${height}-${scheme}.png`;
        await page.screenshot({ path });
        console.log(`screenshots: ${path}`);
      };
      await page.goto(base);
      await page.getByTestId('parse-status').filter({ hasNotText: 'reading…' }).waitFor({ state: 'attached' });
      await page.getByTestId('play').click();
      await page.waitForTimeout(1500);
      await page.getByTestId('play').click();
      await shot('sandbox');
      await page.goto(`${base}#/lessons/01-decouple-the-checkout`);
      await page.getByTestId('lesson-goals').waitFor();
      await shot('lesson');
      if (phone) {
        await page.getByTestId('phone-tab-dock').click();
        await page.getByTestId('dock-tab-events').click();
        await shot('lesson-panels');
      }
      await page.close();
    }
  }
}
