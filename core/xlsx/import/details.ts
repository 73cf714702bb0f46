import { address, type SheetGrid } from './sheet-reader';
import type { LocatedTable } from './table-locator';
import type { DetailSource, ImportDetails } from './import-report';

/**
 * Document details read from the workbook itself, each with where it was found: the unit name from the 编制部门 /
 * 编制单位 line (else a title's prefix "若羌县医疗保障局2024年…"), the year from a title, a heading, a sheet name,
 * a note or the file name, 部门/单位 from the titles, and whether zeros print blank. Nothing is taken from the
 * document that was open before.
 */
export interface DetailInput {
  located: LocatedTable[];
  sheets: SheetGrid[];
  tableNo: (tableId: string) => string;
  notes: { table: string; text: string }[];
  fileName?: string;
  zeros: number;
  blanks: number;
  templateBlankZero: boolean;
}

const YEAR = /(20\d{2})\s*年/;

export function readDetails(input: DetailInput): ImportDetails {
  const { located, sheets, tableNo } = input;
  const where = (l: LocatedTable, row: number, col: number) => `${tableNo(l.table.id)}（工作表“${sheets[l.title.sheet].name}”${address(row, col)}）`;
  const details: ImportDetails = { blankZero: blankZero(input) };

  const withCompiler = located.find((l) => l.compiler);
  if (withCompiler?.compiler) {
    const at = withCompiler.compilerCell ?? { row: withCompiler.title.row + 1, col: 0 };
    const source = `${where(withCompiler, at.row, at.col)}的“编制部门”`;
    details.compiler = { value: withCompiler.compiler, source };
    details.unitName = { value: withCompiler.compiler, source };
  } else {
    for (const l of located) {
      const m = /^(.{2,40}?)(20\d{2})\s*年/.exec(l.title.text.replace(/^(附)?表\s*\S{1,3}\s+/, ''));
      if (m && /(局|委|院|所|中心|站|办|厅|部|会|队|校|园|馆)$/.test(m[1].trim())) {
        details.unitName = { value: m[1].trim(), source: `${where(l, l.title.row, l.title.col)}的标题` };
        break;
      }
    }
  }

  const year = findYear(input, where);
  if (year) details.year = year;
  const kind = located.find((l) => l.title.entityKind);
  if (kind?.title.entityKind) details.entityKind = { value: kind.title.entityKind, source: `${where(kind, kind.title.row, kind.title.col)}的标题` };
  return details;
}

function findYear(input: DetailInput, where: (l: LocatedTable, row: number, col: number) => string): DetailSource<number> | undefined {
  const { located, sheets } = input;
  for (const l of located) {
    const m = YEAR.exec(l.title.text);
    if (m) return { value: Number(m[1]), source: `${where(l, l.title.row, l.title.col)}的标题` };
  }
  // A heading above the tables ("乌尔禾区医保局2022年部门预算公开表"), on any sheet: the first rows only.
  for (const grid of sheets) {
    for (let r = 0; r < Math.min(grid.rows.length, 6); r++) {
      for (const [c, cell] of (grid.rows[r] ?? []).entries()) {
        const m = /(20\d{2})\s*年.{0,12}(预算|决算)/.exec(cell.text);
        if (m && !cell.mergedCopy) return { value: Number(m[1]), source: `工作表“${grid.name}”${address(r, c)}的标题` };
      }
    }
  }
  for (const grid of sheets) {
    const m = YEAR.exec(grid.name);
    if (m) return { value: Number(m[1]), source: `工作表名“${grid.name}”` };
  }
  for (const n of input.notes) {
    const m = /(20\d{2})\s*年/.exec(n.text);
    if (m) return { value: Number(m[1]), source: `${input.tableNo(n.table)}的表注` };
  }
  if (input.fileName) {
    const m = /(20\d{2})\s*年?/.exec(input.fileName);
    if (m) return { value: Number(m[1]), source: `文件名“${input.fileName}”` };
  }
  return undefined;
}

/** Zeros print blank when the workbook leaves zero cells empty and prints no 0.00; the template decides a tie. */
function blankZero(input: DetailInput): DetailSource<boolean> {
  const { zeros, blanks } = input;
  if (zeros === 0 && blanks === 0) return { value: input.templateBlankZero, source: '模板默认（工作簿中没有零值单元格）' };
  if (zeros === 0) return { value: true, source: `工作簿中零值单元格留空（${blanks} 处）` };
  if (blanks === 0) return { value: false, source: `工作簿中零值显示为 0.00（${zeros} 处）` };
  const value = blanks > zeros;
  return { value, source: `工作簿中零值 ${zeros} 处显示为 0.00、${blanks} 处留空，按多数${value ? '留空' : '显示 0.00'}` };
}
