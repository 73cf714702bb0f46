import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportDocx } from './export-docx';
import { sampleDoc, sampleSet } from '../text/sample-doc.testutil';

/**
 * The sample's Word export as LibreOffice prints it (CI installs it): page facts read back from the PDF with
 * poppler's word boxes. PNGs of every page go to test-output/docx/ to look at.
 */

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
const poppler = spawnSync('which', ['pdftotext']).status === 0;
if (!soffice || !poppler) console.warn('render.docx.test: LibreOffice (soffice) or poppler-utils missing — render test skipped');

const PT_PER_MM = 72 / 25.4;
/** Text area bottom of a portrait A4 page (bottom margin 35 mm), in PDF points from the top. */
const PORTRAIT_BOTTOM = 841.89 - 35 * PT_PER_MM;

interface Word { x0: number; y0: number; x1: number; y1: number; text: string }
interface Line { y0: number; y1: number; x0: number; x1: number; text: string }
interface Page { height: number; words: Word[]; lines: Line[] }

function parseBbox(html: string): Page[] {
  return html.split('<page ').slice(1).map((chunk) => {
    const height = Number(/height="([\d.]+)"/.exec(chunk)?.[1] ?? 0);
    const words: Word[] = [];
    const lines: Line[] = [];
    for (const l of chunk.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const ws = [...l[5].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
        .map((w) => ({ x0: +w[1], y0: +w[2], x1: +w[3], y1: +w[4], text: w[5] }));
      words.push(...ws);
      lines.push({ x0: +l[1], y0: +l[2], x1: +l[3], y1: +l[4], text: ws.map((w) => w.text).join('') });
    }
    return { height, words, lines };
  });
}

const pages: Page[] = [];
const outDir = resolve(__dirname, '../../test-output/docx');

/** Characters of a line as the grid counts them: a Latin letter or digit is half a character. */
const gridChars = (text: string) => [...text].reduce((a, ch) => a + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
const pageOf = (pred: (l: Line) => boolean, from = 0) => pages.findIndex((p, i) => i >= from && p.lines.some(pred));
const isPortrait = (p: Page) => p.height > 800;

describe.skipIf(!soffice || !poppler)('the sample as LibreOffice prints it', () => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docx-render-'));
    try {
      const file = join(dir, 'sample.docx');
      writeFileSync(file, await exportDocx(sampleDoc(), sampleSet()));
      const fonts = resolve(__dirname, '../../../shared/tools/fontconfig/fonts.conf');
      const env = { ...process.env, ...(existsSync(fonts) ? { FONTCONFIG_FILE: fonts } : {}) };
      execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { env, stdio: 'ignore', timeout: 170_000 });
      const pdf = join(dir, 'sample.pdf');
      execFileSync('pdftotext', ['-bbox-layout', pdf, join(dir, 'sample.html')]);
      pages.push(...parseBbox(readFileSync(join(dir, 'sample.html'), 'utf8')));
      mkdirSync(outDir, { recursive: true });
      for (const f of readdirSync(outDir)) if (f.startsWith('sample-')) rmSync(join(outDir, f));
      if (spawnSync('which', ['pdftoppm']).status === 0) execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(outDir, 'sample')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('holds 28 characters on a full body line', () => {
    const at = pageOf((l) => l.text.startsWith('（一）贯彻落实'));
    expect(at).toBeGreaterThan(0);
    const full = pages[at].lines.filter((l) => l.x1 - l.x0 > 400 && l.y1 < PORTRAIT_BOTTOM);
    const counts = full.map((l) => gridChars(l.text));
    expect(Math.max(...counts)).toBe(28);
  });

  it('puts the whole 目录 on one page', () => {
    const toc = pageOf((l) => l.text.replace(/\s/g, '') === '目录');
    expect(toc).toBeGreaterThanOrEqual(0);
    expect(pages[toc].lines.some((l) => l.text.startsWith('第四部分') && /\.{5,}\d+$/.test(l.text))).toBe(true);
    expect(pages[toc + 1].lines.some((l) => /\.{5,}\d+$/.test(l.text))).toBe(false);
    // No entry wraps: every entry line ends with its page number.
    for (const l of pages[toc].lines.filter((x) => x.text.replace(/\s/g, '') !== '目录' && x.y1 < PORTRAIT_BOTTOM)) expect(l.text).toMatch(/\d+$/);
  });

  it('numbers every 目录 entry with the page Writer prints it on', () => {
    const toc = pageOf((l) => l.text.replace(/\s/g, '') === '目录');
    const entries = pages[toc].lines.map((l) => /^(.*?)\.{4,}(\d+)$/.exec(l.text)).filter((m) => m !== null);
    expect(entries.length).toBeGreaterThan(20);
    const firstBody = pageOf((l) => l.text === entries[0]![1], toc + 1);
    const wrong: string[] = [];
    for (const m of entries) {
      const title = m![1];
      // A table's entry is numbered (一、…); the page prints its title alone. A long heading may wrap: its start.
      const printed = /情况表$|明细表$/.test(title) ? title.replace(/^[一二三四五六七八九十]+、/, '') : title.slice(0, 14);
      const at = pageOf((l) => (printed === title.slice(0, 14) ? l.text.startsWith(printed) : l.text === printed), firstBody);
      if (at - firstBody + 1 !== Number(m![2])) wrong.push(`${title}: 目录 ${m![2]}, printed on ${at - firstBody + 1}`);
    }
    expect(wrong).toEqual([]);
  });

  it('prints 表2 and 表4 on one page each', () => {
    const body = pageOf((l) => l.text === '第二部分2024年部门预算公开表');
    for (const [title, next] of [['部门收入总体情况表', '部门支出总体情况表'], ['财政拨款收支预算总体情况表', '一般公共预算支出情况表']]) {
      const at = pageOf((l) => l.text === title, body);
      expect(at).toBeGreaterThan(body - 1);
      expect(pages[at + 1].lines.some((l) => l.text === next), `${title} continues on page ${at + 2}`).toBe(true);
    }
  });

  it('lets 绩效 tables run to the foot of a page and repeats the indicator header', () => {
    const titles = ['部门整体绩效目标表', '项目支出绩效目标表'];
    const first = pageOf((l) => titles.includes(l.text), pageOf((l) => l.text.startsWith('第三部分')));
    const last = pageOf((l) => l.text.startsWith('（五）其他需说明的事项'), first);
    expect(first).toBeGreaterThan(0);
    expect(last).toBeGreaterThanOrEqual(first);
    const gaps: number[] = [];
    for (let p = first; p < last; p++) {
      const next = pages[p + 1].lines.filter((l) => l.y1 < PORTRAIT_BOTTOM).sort((a, b) => a.y0 - b.y0)[0];
      // A table ends on this page when the next page starts with a title of the next one.
      if (!next || titles.includes(next.text)) continue;
      const bottom = Math.max(...pages[p].words.filter((w) => w.y1 < PORTRAIT_BOTTOM + 1).map((w) => w.y1));
      const gapMm = (PORTRAIT_BOTTOM - bottom) / PT_PER_MM;
      gaps.push(Math.round(gapMm * 10) / 10);
      expect(gapMm, `page ${p + 1} ends ${gapMm.toFixed(1)} mm above the text area's bottom`).toBeLessThanOrEqual(10);
      expect(isPortrait(pages[p])).toBe(true);
      // A page that continues a table's indicators starts with their header row.
      const seen = pages.slice(first, p + 1).flatMap((x) => x.lines.filter((l) => l.y1 < PORTRAIT_BOTTOM).sort((a, b) => a.y0 - b.y0)).map((l) => l.text);
      const lastTitle = Math.max(...titles.map((t) => seen.lastIndexOf(t)));
      const inIndicators = seen.slice(lastTitle).some((t) => t.startsWith('一级指标'));
      if (inIndicators) expect(next.text.startsWith('一级指标'), `page ${p + 2} starts with ${next.text}`).toBe(true);
    }
    console.info(`绩效 pages ${first + 1}–${last + 1}: gaps at page foot (mm) ${JSON.stringify(gaps)}`);
  });
});
