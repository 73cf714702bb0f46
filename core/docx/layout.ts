import { LANDSCAPE_TEXT_HEIGHT, LINE, TEXT_HEIGHT, TEXT_WIDTH } from './styles';

/**
 * A deterministic pagination estimate of the document as the exporter lays it out, so that the 目录 can print page
 * numbers without a TOC field (LibreOffice and WPS do not update one, and an unupdated field shows nothing).
 * Every part and every table starts a new page, so an estimate error cannot accumulate beyond one part.
 */
export class PageFlow {
  /** Current page number (body numbering: the first body page is 1). */
  page = 1;
  private used = 0;
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

  /** Places a heading that must stay on the page of the first line after it (keepNext). */
  placeKeep(height: number, next = LINE): void {
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

/** Lines of a body paragraph at 三号 (16 pt = 320 twips per CJK character, 0.5 for Latin letters and digits). */
export function bodyLines(text: string, firstIndentChars = 2, width = TEXT_WIDTH, charTwips = 320): number {
  const perLine = Math.floor(width / charTwips);
  let lines = 1;
  let room = perLine - firstIndentChars;
  let prevLatin: boolean | undefined;
  for (const ch of text) {
    const latin = ch.charCodeAt(0) < 0x2e80;
    // Word and LibreOffice put a quarter-em of space between Chinese and Latin text (autospace).
    let w = latin ? 0.5 : 1;
    if (prevLatin !== undefined && prevLatin !== latin && !/[，。；：、（）“”]/.test(ch)) w += 0.25;
    prevLatin = latin;
    if (w > room + 1e-9) {
      lines += 1;
      room = perLine;
    }
    room -= w;
  }
  return lines;
}
