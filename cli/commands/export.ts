import type { CliCommand } from '../registry';
import { checkOutputs, CliFailure, policyOf, readDocument, writeOutputs, type Output } from '../io';
import { checkDocument } from '../../core/checks/check-document';
import { countBySeverity } from '../../core/rules/finding-order';
import { findingLine } from '../findings-output';
import { exportInWorker } from '../worker/run-in-worker';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { documentCsvFiles } from '../../core/opendata/csv';
import { openDataJson } from '../../core/opendata/open-data';

/**
 * `export FILE [--xlsx OUT.xlsx] [--docx OUT.docx] [--formulas] [--force] [--overwrite]`. With 错误 findings open
 * nothing is written unless --force; a forced export marks nothing in the document but lists every open finding in
 * the output. Outputs are written all or none: both files are built first, then renamed into place together, so a
 * failure (disk full, a file open in Excel) leaves every target as it was. An output that is the document itself is
 * always refused; an existing one needs --overwrite (the old file is kept as .bak).
 * Open data: `--csv DIR` writes one CSV per table into DIR (created if missing), `--data FILE.json` the whole
 * disclosure as JSON (docs/open-data.schema.json); both join the same all-or-none write.
 */
export const command: CliCommand = {
  name: 'export',
  summary: '导出 Excel 工作簿、Word 公开文本和/或开放数据（每表一个 CSV、整份 JSON）（有错误时需 --force；输出文件已存在时需 --overwrite，原文件保存为 .bak；全部成功才写入）',
  usage: 'export FILE [--xlsx OUT.xlsx] [--docx OUT.docx] [--csv 文件夹] [--data OUT.json] [--formulas] [--force] [--overwrite]',
  valueOptions: ['xlsx', 'docx', 'csv', 'data'],
  flagOptions: ['formulas', 'force', 'overwrite'],
  async run(args, io) {
    const [file, extra] = args.positionals;
    const { xlsx, docx, csv, data, formulas, force } = args.options;
    if (file === undefined || extra !== undefined) {
      io.err('请给出要导出的文件，例如：export 预算公开.ysgk --xlsx 预算公开表.xlsx --docx 预算公开.docx');
      return 2;
    }
    if (typeof xlsx !== 'string' && typeof docx !== 'string' && typeof csv !== 'string' && typeof data !== 'string') {
      io.err('请用 --xlsx 指定导出的 Excel 文件、--docx 指定 Word 文件、--csv 指定 CSV 文件夹，或 --data 指定 JSON 文件');
      return 2;
    }
    const targets = [xlsx, docx, data].filter((t): t is string => typeof t === 'string');
    const policy = policyOf(io, args.options, [file], '导出');
    await checkOutputs(io.cwd, targets, policy);
    const r = await readDocument(io.cwd, file);
    if (!r.ok) {
      io.err(r.message);
      return 2;
    }
    const findings = checkDocument(r.doc, r.template);
    const { errors, warnings } = countBySeverity(findings);
    if (errors > 0 && force !== true) {
      io.err(`有 ${errors} 条错误未解决，未导出。修改后再导出，或加 --force 仍然导出：`);
      for (const f of findings) io.err(findingLine(f));
      return 1;
    }
    // Every output's bytes first (in a worker thread with a heap limit); nothing is written until all are built.
    const outputs: Output[] = [];
    if (typeof xlsx === 'string') {
      const built = await exportInWorker('xlsx', r.doc, r.template, { formulas: formulas === true });
      if (!built.ok) throw new CliFailure(`未导出：生成 Excel 时出错：${built.message}`);
      outputs.push({ path: xlsx, bytes: built.bytes });
    }
    if (typeof docx === 'string') {
      const built = await exportInWorker('docx', r.doc, r.template);
      if (!built.ok) throw new CliFailure(`未导出：生成 Word 时出错：${built.message}`);
      outputs.push({ path: docx, bytes: built.bytes });
    }
    if (typeof data === 'string') outputs.push({ path: data, bytes: new TextEncoder().encode(openDataJson(r.doc, r.template)) });
    const csvOutputs: Output[] = typeof csv === 'string'
      ? documentCsvFiles(r.doc, r.template).map((f) => ({ path: join(csv, f.name), bytes: new TextEncoder().encode(f.text) }))
      : [];
    if (typeof csv === 'string') {
      await checkOutputs(io.cwd, csvOutputs.map((o) => o.path), policy);
      await mkdir(resolve(io.cwd, csv), { recursive: true }).catch((e: unknown) => {
        throw new CliFailure(`无法创建文件夹“${csv}”：${(e as { code?: string }).code === 'EEXIST' || (e as { code?: string }).code === 'ENOTDIR' ? '同名文件已存在' : '请检查路径和权限'}。未写入任何文件。`);
      });
    }
    const written = await writeOutputs(io.cwd, [...outputs, ...csvOutputs], policy);
    const kindOf = (path: string) => (path === xlsx ? 'Excel' : path === docx ? 'Word' : path === data ? '数据 JSON' : 'CSV');
    const all = [...outputs, ...csvOutputs];
    for (const [i, full] of written.entries()) io.out(`已导出 ${kindOf(all[i]!.path)}：${full}`);
    if (findings.length > 0) {
      io.out(`导出时仍有错误 ${errors} 条、提示 ${warnings} 条：`);
      for (const f of findings) io.out(findingLine(f));
    }
    return 0;
  },
};
