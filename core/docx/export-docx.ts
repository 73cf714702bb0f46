import {
  AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, Tab, Table, TabStopType, LeaderType,
  TextRun, SectionType, type ISectionOptions,
} from 'docx';
import type { BudgetDocument } from '../document/document';
import type { TemplateSet } from '../template/template.schema';
import { renderOutline, type RenderedNode } from '../text/generate';
import type { Block } from '../text/blocks';
import { chineseDate } from '../text/pattern';
import { createContext } from '../text/context';
import { PageFlow, bodyLines } from './layout';
import { buildDataTable, buildGrid, tableParagraphStyles } from './tables';
import { injectRawBodies } from './raw-rows';
import { documentForExport } from '../document/export-guard';
import { BODY_STYLE, blankLine, bodyParagraph, exactLine, font, headingParagraph, LINE, PAGE, partTitle, run, SIZE, TEXT_WIDTH } from './styles';

export interface ExportDocxOptions {
  /** Word document title (core properties). Defaults to the cover title. */
  title?: string;
  /** Called with each paragraph id and the estimated page and filled height after it (pagination diagnostics). */
  layoutTrace?: (id: string, page: number, used: number) => void;
}

type Child = Paragraph | Table;
interface SectionDraft {
  landscape: boolean;
  numbered: boolean;
  restart: boolean;
  children: Child[];
}
interface TocEntry {
  title: string;
  depth: number;
  page: number;
}

export { chineseDate };

function pageFooter(align: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: align,
      children: [
        run('— ', '宋体', SIZE.sihao),
        new TextRun({ children: [PageNumber.CURRENT], font: font('宋体'), size: SIZE.sihao }),
        run(' —', '宋体', SIZE.sihao),
      ],
    })],
  });
}

/**
 * Lines that must follow a heading on its page. Measured against Writer: a short first paragraph (up to four lines)
 * goes with its heading whole; a longer one needs its first two lines there (orphan control).
 */
function followingLines(n: RenderedNode): number {
  const first = n.blocks[0];
  if (first?.kind !== 'para') return 2;
  const lines = bodyLines(first.text);
  return lines <= 4 ? lines : 2;
}

/**
 * Builds the whole release as .docx bytes: cover, 目录 with computed page numbers, the parts of the set's outline
 * (tables on their own pages, wide ones landscape), 名词解释, closing unit name and date. Pure: no I/O, no clock.
 * It does not refuse a document with 错误 findings; the caller decides (exportDocxToFile needs force) — except a text
 * over 32,767 characters, which always throws.
 */
export async function exportDocx(input: BudgetDocument, template: TemplateSet, options: ExportDocxOptions = {}): Promise<Uint8Array> {
  // Refuses (Chinese, naming the fields) while a text is over Excel's cell limit, whatever the caller's force.
  const doc = documentForExport(input, template);
  const ctx = createContext(doc, template);
  const rendered = renderOutline(doc, template);
  const sections: SectionDraft[] = [];
  const flow = new PageFlow();
  const toc: TocEntry[] = [];
  let tocNode: RenderedNode | undefined;
  let coverNode: RenderedNode | undefined;
  let current: SectionDraft | undefined;
  let bodyStarted = false;
  const rawBodies: { marker: string; xml: string }[] = [];

  const startSection = (landscape: boolean) => {
    current = { landscape, numbered: true, restart: !bodyStarted, children: [] };
    sections.push(current);
    if (bodyStarted) flow.newPage(landscape);
    bodyStarted = true;
  };
  const add = (...c: Child[]) => {
    if (!current) startSection(false);
    current!.children.push(...c);
  };
  const para = (text: string, id = '') => {
    add(bodyParagraph(text));
    flow.paragraph(bodyLines(text));
    options.layoutTrace?.(id, flow.page, flow.filled);
  };

  const blocks = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.kind === 'para') para(b.text, b.id);
      else if (b.kind === 'heading') {
        add(headingParagraph(b.text, b.level));
        flow.placeKeep(LINE * bodyLines(b.text));
      } else {
        const g = buildGrid(b.title, b.subtitle, b.columns, b.rows);
        add(...g.children);
        flow.place(g.headHeight + (g.bodyRows[0] ?? 0));
        flow.table([], g.bodyRows.slice(1));
      }
    }
  };

  const content = (n: RenderedNode) => {
    if (n.depth >= 1 && n.title) {
      add(headingParagraph(n.title, Math.min(3, n.depth) as 1 | 2 | 3));
      flow.placeKeep(LINE * bodyLines(n.title), LINE * followingLines(n));
      if (n.depth === 1) toc.push({ title: n.title, depth: 1, page: flow.page });
    }
    blocks(n.blocks);
    for (const c of n.children) content(c);
  };

  const partHeading = (n: RenderedNode, first: boolean) => {
    if (!first) flow.breakPage();
    add(partTitle(n.title, !first));
    flow.placeKeep(760 + 120);
    toc.push({ title: n.title, depth: 0, page: flow.page });
  };

  for (const n of rendered) {
    switch (n.node.kind) {
      case 'cover':
        coverNode = n;
        break;
      case 'toc':
        tocNode = n;
        break;
      case 'tables': {
        let first = true;
        for (const child of n.children) {
          const def = child.node.table ? template.tables.find((t) => t.id === child.node.table) : undefined;
          if (!def) continue;
          const landscape = def.landscape === true;
          startSection(landscape);
          if (first) {
            add(partTitle(n.title, false));
            flow.place(760 + 120);
            toc.push({ title: n.title, depth: 0, page: flow.page });
            first = false;
          }
          toc.push({ title: child.title, depth: 1, page: flow.page });
          const t = buildDataTable(doc, template, def, landscape);
          if (t.rawBody) rawBodies.push(t.rawBody);
          add(...t.children);
          flow.place(t.headHeight);
          flow.table(t.headerRows, t.bodyRows);
          if (t.tailHeight) flow.place(t.tailHeight);
        }
        if (!first) startSection(false);
        break;
      }
      case 'closing':
        add(blankLine(), blankLine());
        for (const text of [doc.meta.unitName, chineseDate(doc.meta.date)]) {
          add(new Paragraph({ children: [run(text, '仿宋_GB2312', SIZE.sanhao)], alignment: AlignmentType.RIGHT, spacing: exactLine(), indent: { right: 640 } }));
        }
        flow.lines(4);
        break;
      default: {
        const first = !current || current.children.length === 0;
        partHeading(n, first);
        blocks(n.blocks);
        for (const c of n.children) content(c);
      }
    }
  }

  const front: Child[] = [];
  const coverTitle = coverNode?.title ?? ctx.s('cover.title');
  for (let i = 0; i < 5; i++) front.push(blankLine());
  if (doc.meta.region) front.push(new Paragraph({ children: [run(doc.meta.region, '黑体', SIZE.sanhao)], alignment: AlignmentType.CENTER, spacing: exactLine(800) }));
  front.push(new Paragraph({ children: [run(doc.meta.unitName, '方正小标宋简体', SIZE.erhao)], alignment: AlignmentType.CENTER, spacing: exactLine(1000) }));
  front.push(new Paragraph({ children: [run(coverTitle, '方正小标宋简体', 72)], alignment: AlignmentType.CENTER, spacing: exactLine(1400) }));
  if (tocNode) {
    front.push(new Paragraph({ children: [run(tocNode.title || ctx.s('toc.title'), '黑体', SIZE.erhao)], alignment: AlignmentType.CENTER, spacing: exactLine(900), pageBreakBefore: true }));
    for (const e of toc) {
      front.push(new Paragraph({
        children: [
          run(e.title, e.depth === 0 ? '黑体' : '仿宋_GB2312', SIZE.sanhao),
          new TextRun({ children: [new Tab(), String(e.page)], font: font('仿宋_GB2312'), size: SIZE.sanhao }),
        ],
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
        indent: e.depth === 0 ? { left: 640, hanging: 640 } : { left: 1280, hanging: 640 },
        spacing: exactLine(),
      }));
    }
  }

  const sectionOptions = (s: SectionDraft): ISectionOptions => ({
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: PAGE.margin,
        pageNumbers: s.restart ? { start: 1 } : undefined,
      },
    },
    footers: { default: pageFooter(AlignmentType.RIGHT), even: pageFooter(AlignmentType.LEFT) },
    children: s.children,
  });

  const document = new Document({
    title: options.title ?? `${doc.meta.unitName}${coverTitle}`,
    creator: doc.meta.unitName,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font('仿宋_GB2312'), size: SIZE.sanhao } },
      },
      paragraphStyles: [BODY_STYLE, ...tableParagraphStyles()],
    },
    sections: [
      { properties: { page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT }, margin: PAGE.margin } }, children: front },
      ...sections.filter((s) => s.children.length > 0).map(sectionOptions),
    ],
  });
  return injectRawBodies(new Uint8Array(await Packer.toArrayBuffer(document)), rawBodies);
}
