import { CHAR_CONDENSE, LANDSCAPE_TEXT_HEIGHT, LINE, TEXT_HEIGHT, TEXT_WIDTH } from './styles';

/**
 * A deterministic pagination estimate of the document as the exporter lays it out, so that the 目录 can print page
 * numbers without a TOC field (LibreOffice and WPS do not update one, and an unupdated field shows nothing).
 * Every part and every table starts a new page, so an estimate error cannot accumulate beyond one part.
 */
export class PageFlow {
  /** Current page number (body numbering: the first body page is 1). */
  page = 1;
  private used = 0;

  /** Height already filled on the current page (twips). */
  get filled(): number {
    return this.used;
  }
  private height = TEXT_HEIGHT;

  /** Starts a new page; `landscape` switches the usable height for a landscape section. */
  newPage(landscape = false): void {
    if (this.used > 0) this.page += 1;
    this.used = 0;
    this.height = landscape ? LANDSCAPE_TEXT_HEIGHT : TEXT_HEIGHT;
  }

  /** Places a block that cannot be split (a heading with the first line of what follows, a table row). */
  place(height: number): void {
    if (this.used > 0 && this.used + height > this.height) {
      this.page += 1;
      this.used = 0;
    }
    this.used += Math.min(height, this.height);
  }

  /** Places a heading that must stay with the first two lines after it (keepNext + orphan control). */
  placeKeep(height: number, next = 2 * LINE): void {
    if (this.used > 0 && this.used + height + next > this.height) {
      this.page += 1;
      this.used = 0;
    }
    this.used += height;
  }

  /** Places text lines one by one (a paragraph may break across pages). */
  lines(count: number, pitch = LINE): void {
    for (let i = 0; i < count; i++) this.place(pitch);
  }

  /**
   * A paragraph of `count` body lines with widow/orphan control (Word's and Writer's default, set in the Body style):
   * never one line alone at the bottom or the top of a page.
   */
  paragraph(count: number, pitch = LINE): void {
    const room = Math.floor((this.height - this.used) / pitch + 1e-9);
    if (count >= 2 && this.used > 0 && room < count) {
      if (room <= 1) this.breakPage(); // orphan: the first line would stand alone
      else if (count - room === 1 && count >= 3) {
        // widow: move one more line over so two lines start the next page
        this.used += (room - 1) * pitch;
        this.page += 1;
        this.used = 2 * pitch;
        return;
      } else if (count - room === 1) this.breakPage(); // a two-line paragraph stays together
    }
    this.lines(count, pitch);
  }

  /** A table whose header rows repeat on every page it spans. */
  table(headerRows: readonly number[], bodyRows: readonly number[]): void {
    const header = headerRows.reduce((a, b) => a + b, 0);
    this.place(header + (bodyRows[0] ?? 0));
    for (const h of bodyRows.slice(1)) {
      if (this.used + h > this.height) {
        this.page += 1;
        this.used = header;
      }
      this.used += h;
    }
  }

  /** Forces the next content onto a fresh page (page break before a part). */
  breakPage(): void {
    if (this.used > 0) {
      this.page += 1;
      this.used = 0;
    }
  }
}

const HANGING = /[，。、；：！？）”’》]/;

/** Advance of a Latin character in em of the body size (Times New Roman: digits 0.5, '.' 0.25, '(' 0.333 …). */
function latinWidth(ch: string): number {
  if (ch >= '0' && ch <= '9') return 0.5;
  if (ch === '.' || ch === ',' || ch === ' ' || ch === ':' || ch === ';') return 0.25;
  if (ch === '(' || ch === ')' || ch === '-' || ch === '[' || ch === ']') return 0.333;
  if (ch === '%') return 0.833;
  if (ch === '/') return 0.278;
  if (ch >= 'A' && ch <= 'Z') return 0.667;
  return 0.5;
}

/**
 * Lines of a body paragraph at 三号 (16 pt = 320 twips per CJK character, 0.5 for Latin letters and digits), every
 * character condensed by the body's character spacing: 28 characters a line, the GB/T 9704 grid.
 */
export function bodyLines(text: string, firstIndentChars = 2, width = TEXT_WIDTH, charTwips = 320, condense = CHAR_CONDENSE): number {
  const pitch = charTwips + condense;
  let lines = 1;
  let room = width - firstIndentChars * pitch;
  let prevLatin: boolean | undefined;
  for (const ch of text) {
    const latin = ch.charCodeAt(0) < 0x2e80;
    // A little space between Chinese and Latin text (autospace); measured against LibreOffice's line breaks.
    let w = (latin ? latinWidth(ch) : 1) * charTwips + condense;
    if (prevLatin !== undefined && prevLatin !== latin && !/[，。；：、（）“”]/.test(ch)) w += 0.1 * charTwips;
    prevLatin = latin;
    if (w > room + 1e-6) {
      // A closing punctuation mark may hang in the margin instead of starting a line (Word and Writer default).
      if (HANGING.test(ch) && room > -1e-6) {
        room -= w;
        continue;
      }
      lines += 1;
      room = width;
    }
    room -= w;
  }
  return lines;
}
