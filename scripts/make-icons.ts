/**
 * Renders public/icons/icon.svg to the PNG sizes the web app manifest lists (192 and 512 px),
 * with Debian's Chromium, so the PNGs always match the SVG. Run after editing the SVG:
 *   npx tsx scripts/make-icons.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/browser';

const dir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const svg = readFileSync(`${dir}icon.svg`, 'utf8');
const browser = await launchChromium();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`,
    );
    writeFileSync(`${dir}icon-${size}.png`, await page.screenshot({ type: 'png' }));
    await page.close();
    console.log(`public/icons/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
