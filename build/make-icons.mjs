#!/usr/bin/env node
// Draws the app and document icons (a 预 glyph on a blue square; a page with 预 for .ysgk files) in headless
// Chromium's canvas — no ImageMagick needed — and writes the PNG set for Linux and .ico files for Windows.
// Outputs are committed; run again only to change the design: node build/make-icons.mjs
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

function draw(kind, size) {
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const g = c.getContext('2d');
  const s = size / 256;
  const font = (px) => `bold ${px}px "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif`;
  const rounded = (x, y, w, h, r) => {
    g.beginPath();
    g.roundRect(x, y, w, h, r);
  };
  if (kind === 'app') {
    rounded(8 * s, 8 * s, 240 * s, 240 * s, 44 * s);
    const grad = g.createLinearGradient(0, 0, 0, size);
    grad.addColorStop(0, '#2f7de1');
    grad.addColorStop(1, '#1554b0');
    g.fillStyle = grad;
    g.fill();
    g.fillStyle = '#ffffff';
    g.font = font(176 * s);
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText('预', 128 * s, 136 * s);
  } else {
    // A sheet with a folded corner, a blue band and the glyph: reads as "a document of this app" in Explorer.
    g.beginPath();
    g.moveTo(40 * s, 12 * s);
    g.lineTo(168 * s, 12 * s);
    g.lineTo(216 * s, 60 * s);
    g.lineTo(216 * s, 244 * s);
    g.lineTo(40 * s, 244 * s);
    g.closePath();
    g.fillStyle = '#ffffff';
    g.fill();
    g.lineWidth = Math.max(1, 8 * s);
    g.strokeStyle = '#1554b0';
    g.stroke();
    g.beginPath();
    g.moveTo(168 * s, 12 * s);
    g.lineTo(168 * s, 60 * s);
    g.lineTo(216 * s, 60 * s);
    g.stroke();
    g.fillStyle = '#1f6bd0';
    g.fillRect(56 * s, 92 * s, 144 * s, 132 * s);
    g.fillStyle = '#ffffff';
    g.font = font(112 * s);
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText('预', 128 * s, 162 * s);
  }
  return { png: c.toDataURL('image/png').split(',')[1], rgba: Array.from(g.getImageData(0, 0, size, size).data) };
}

/** ICO with 32-bit DIB entries below 256 px (every Windows shell and NSIS reads those) and a PNG entry at 256. */
function ico(images) {
  const parts = images.map(({ size, png, rgba }) => {
    if (size >= 256) return Buffer.from(png, 'base64');
    const header = Buffer.alloc(40);
    header.writeUInt32LE(40, 0);
    header.writeInt32LE(size, 4);
    header.writeInt32LE(size * 2, 8);
    header.writeUInt16LE(1, 12);
    header.writeUInt16LE(32, 14);
    const pixels = Buffer.alloc(size * size * 4);
    for (let y = 0; y < size; y += 1) {
      for (let x = 0; x < size; x += 1) {
        const from = (y * size + x) * 4;
        const to = ((size - 1 - y) * size + x) * 4;
        pixels[to] = rgba[from + 2];
        pixels[to + 1] = rgba[from + 1];
        pixels[to + 2] = rgba[from];
        pixels[to + 3] = rgba[from + 3];
      }
    }
    const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size);
    return Buffer.concat([header, pixels, mask]);
  });
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach(({ size }, i) => {
    const e = 6 + 16 * i;
    dir[e] = size >= 256 ? 0 : size;
    dir[e + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, e + 4);
    dir.writeUInt16LE(32, e + 6);
    dir.writeUInt32LE(parts[i].length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += parts[i].length;
  });
  return Buffer.concat([dir, ...parts]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.setContent('<span style="font-family:\'Noto Sans CJK SC\';font-weight:bold">预</span>');
  await page.evaluate(() => document.fonts.ready);
  const render = async (kind, size) => ({ size, ...(await page.evaluate(`(${draw})(${JSON.stringify(kind)}, ${size})`)) });

  mkdirSync(join(here, 'icons'), { recursive: true });
  for (const size of PNG_SIZES) {
    const { png } = await render('app', size);
    writeFileSync(join(here, 'icons', `${size}x${size}.png`), Buffer.from(png, 'base64'));
  }
  writeFileSync(join(here, 'icon.png'), Buffer.from((await render('app', 512)).png, 'base64'));
  writeFileSync(join(here, 'icon.ico'), ico(await Promise.all(ICO_SIZES.map((s) => render('app', s)))));
  writeFileSync(join(here, 'file-icon.ico'), ico(await Promise.all(ICO_SIZES.map((s) => render('file', s)))));
  writeFileSync(join(here, 'file-icon.png'), Buffer.from((await render('file', 256)).png, 'base64'));
  console.log('图标已生成：build/icon.png, build/icon.ico, build/file-icon.ico, build/file-icon.png, build/icons/*.png');
} finally {
  await browser.close();
}
