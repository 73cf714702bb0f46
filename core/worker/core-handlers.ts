import type { BudgetDocument } from '../document/document';
import type { HandlerRegistry } from './dispatcher';

/**
 * The handlers every host's worker registers: core's import and export, loaded on first use so a worker that only
 * exports never parses the import code (and the other way round).
 */
export const coreHandlers: HandlerRegistry = {
  async importXlsx({ bytes, options }, ctx) {
    const { importXlsx } = await import('../xlsx/import-xlsx');
    return importXlsx(bytes, { ...options, onProgress: ctx.progress });
  },
  async importCodeList({ bytes, classification, year }, ctx) {
    ctx.progress(0, 1, '正在读取科目表');
    const { importCodeListXlsx } = await import('../xlsx/import-code-list');
    return importCodeListXlsx(bytes, { classification, year });
  },
  async exportXlsx({ doc, template, options }, ctx) {
    const { exportXlsx } = await import('../xlsx/export-xlsx');
    return exportXlsx(doc, template, { ...options, onProgress: ctx.progress });
  },
  async exportDocx({ doc, template, options }, ctx) {
    ctx.progress(0, 1, '正在生成 Word 文档');
    const { exportDocx } = await import('../docx/export-docx');
    const bytes = await exportDocx(doc, template, options);
    ctx.progress(1, 1, '正在生成 Word 文档');
    return bytes;
  },
  async parseDocument({ bytes, templates }) {
    const [{ parseDocument }, { getBuiltinTemplateSet }] = await Promise.all([import('../file/parse'), import('../template/registry')]);
    const sets = new Map(templates.map((t) => [t.id, t]));
    const r = parseDocument(bytes, { resolveTemplate: (id) => sets.get(id) ?? getBuiltinTemplateSet(id) });
    return r.ok ? { ok: true as const, json: JSON.stringify(r.doc), templateId: r.template.id } : { ok: false as const, message: r.message };
  },
  async checkUnit({ name, bytes, options, exports }) {
    const { checkUnitFile } = await import('../batch/unit-check');
    const result = await checkUnitFile(name, bytes, { ...options, keepDocument: exports !== undefined });
    if (!exports || !result.ok || !result.doc) {
      if (result.ok) delete result.doc;
      return { result };
    }
    const { doc, ...kept } = result;
    if (result.summary.errors > 0 && !exports.force) return { result: kept, exportNote: `有 ${result.summary.errors} 个错误，未导出（加 --force 仍然导出）` };
    try {
      const [{ exportXlsx }, { exportDocx }, { getBuiltinTemplateSet }] = await Promise.all([
        import('../xlsx/export-xlsx'), import('../docx/export-docx'), import('../template/registry'),
      ]);
      const template = getBuiltinTemplateSet(result.templateId)!;
      return { result: kept, xlsx: await exportXlsx(doc, template), docx: await exportDocx(doc, template) };
    } catch {
      return { result: kept, exportNote: '导出时出错，未导出' };
    }
  },
  async inferSet({ bytes, options }, ctx) {
    ctx.progress(0, 1, '正在读取空白模板工作簿');
    const { inferTemplateSet } = await import('../template/infer/infer-set');
    return inferTemplateSet(bytes, options);
  },
  async trySet({ json, template, limit }) {
    const [{ createRuleEngine }, { sortFindings, countBySeverity }] = await Promise.all([import('../rules/engine'), import('../rules/finding-order')]);
    const findings = sortFindings(createRuleEngine(template, JSON.parse(json) as BudgetDocument).checkAll());
    const { errors, warnings } = countBySeverity(findings);
    return { errors, warnings, first: findings.slice(0, limit).map((f) => ({ severity: f.severity, ruleName: f.ruleName, message: f.message })) };
  },
  async serialize({ json }) {
    const { serializeDocumentBytes } = await import('../file/serialize');
    return serializeDocumentBytes(JSON.parse(json) as BudgetDocument);
  },
};
