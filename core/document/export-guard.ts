import { cloneDocument, type BudgetDocument } from './document';
import type { TemplateSet } from '../template/template.schema';
import { cleanDocumentTexts, forEachDocumentText, overLongTexts } from './document-texts';
import { MAX_TEXT_LENGTH, needsCleaning } from './clean-text';

/**
 * What both exporters do first. A text over Excel's cell limit refuses the export, whatever "export anyway" says:
 * Excel would cut or refuse the cell and Word would carry a text the workbook cannot, so the CLI and the app both
 * stop with the fields named. Then the exporters work on a cleaned copy: the last defence, so that a text that
 * reached the document some other way still cannot make document.xml or a sheet ill-formed.
 */
export function documentForExport(doc: BudgetDocument, template: TemplateSet): BudgetDocument {
  const long = overLongTexts(doc, template);
  if (long.length > 0) {
    const named = long.slice(0, 5).map((t) => `${t.field}（${t.text.length} 个字符）`).join('、');
    const more = long.length > 5 ? `等 ${long.length} 处` : '';
    throw new Error(`无法导出：${named}${more}超过了 Excel 单元格最多 ${MAX_TEXT_LENGTH} 个字符的限制。请先删减到 ${MAX_TEXT_LENGTH} 个字符以内再导出。`);
  }
  // Copying a 10,000-row document costs more than scanning it: copy only when something needs cleaning.
  let dirty = false;
  forEachDocumentText(doc, undefined, (t) => {
    dirty ||= needsCleaning(t.text);
  });
  if (!dirty) return doc;
  const copy = cloneDocument(doc);
  cleanDocumentTexts(copy);
  return copy;
}
