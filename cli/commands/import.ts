import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { formatImportReport, reportCounts, mapSkeleton, parseImportMap, type ImportMap } from '../../core/xlsx/import-xlsx';
import { INPUT_LIMITS } from '../../core/xlsx/input-guard';
import type { TemplateSet } from '../../core/template/template.schema';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { chooseTemplate } from '../template-source';
import { tableTitle } from '../../core/template/header-layout';
import type { CliCommand } from '../registry';
import { checkOutputs, documentOutput, policyOf, writeOutputs } from '../io';
import { ioErrorMessage } from '../../node/io-errors';
import { importXlsxInWorker } from '../worker/run-in-worker';

/**
 * `import XLSX -o FILE [--template ID] [--yuan] [--year Y] [--map MAP.json]`: reads a workbook (our own export or a
 * budget system's), writes the document and prints the import report. Exit 2 when the workbook is unusable or
 * names no year and --year is not given (nothing written); 1 when the document was written but some cells could
 * not be read or some labels matched nothing (the report lists them, followed by a ready-to-edit map to pass back
 * with --map); 0 otherwise.
 */
export const command: CliCommand = {
  name: 'import',
  summary: '从 Excel 工作簿导入预算公开表，生成文件并打印导入报告（--yuan 表示金额单位为元；--map 给出列/行对应关系；输出文件已存在时需 --overwrite）',
  usage: 'import XLSX -o FILE [--template ID|模板.json] [--yuan] [--wan] [--year 2025] [--unit 名称] [--map 对应关系.json] [--json] [--overwrite]',
  valueOptions: ['output', 'template', 'year', 'unit', 'map'],
  flagOptions: ['yuan', 'wan', 'json', 'overwrite'],
  aliases: { o: 'output', t: 'template' },
  async run(args, io) {
    const [input, extra] = args.positionals;
    const { output, template, yuan, wan, json, year, unit, map: mapFile } = args.options;
    if (input === undefined || extra !== undefined) {
      io.err('请给出一个要导入的 Excel 文件，例如：import 预算表.xlsx -o 预算公开.ysgk');
      return 2;
    }
    if (typeof output !== 'string') {
      io.err('请用 -o 指定导入后保存的文件，例如 -o 预算公开.ysgk');
      return 2;
    }
    if (yuan && wan) {
      io.err('--yuan 与 --wan 不能同时使用');
      return 2;
    }
    if (year !== undefined && (typeof year !== 'string' || !/^\d{4}$/.test(year))) {
      io.err(`年度“${String(year)}”无效，应为四位数字，如 2025`);
      return 2;
    }
    // A set file or a stored set is the one candidate; a built-in id picks among the built-in sets.
    let chosen: TemplateSet | undefined;
    if (typeof template === 'string') {
      const c = await chooseTemplate(io.cwd, template);
      if (!c.ok) {
        io.err(c.message);
        return 2;
      }
      chosen = c.set;
    }
    const policy = policyOf(io, args.options, typeof mapFile === 'string' ? [input, mapFile] : [input], '保存');
    // Refuse before the (possibly long) import: the output is the workbook itself, exists, or is open in the app.
    await checkOutputs(io.cwd, [output], policy);
    let map: ImportMap | undefined;
    if (typeof mapFile === 'string') {
      let text: string;
      try {
        text = await readFile(resolve(io.cwd, mapFile), 'utf8');
      } catch (error) {
        io.err(ioErrorMessage('打开', mapFile, error));
        return 2;
      }
      const parsed = parseImportMap(text);
      if (!parsed.ok) {
        io.err(`${mapFile}：${parsed.message}`);
        return 2;
      }
      map = parsed.map;
    }
    const full = resolve(io.cwd, input);
    let bytes: Uint8Array;
    try {
      // Check the size before reading a huge file into memory.
      const info = await stat(full);
      if (info.isDirectory()) {
        io.err(`无法打开“${input}”：这是一个文件夹`);
        return 2;
      }
      if (info.size > INPUT_LIMITS.maxFileBytes) {
        io.err(`“${input}”过大（${Math.round(info.size / 1024 / 1024)} MB），超过导入上限 ${INPUT_LIMITS.maxFileBytes / 1024 / 1024} MB。`);
        return 2;
      }
      bytes = await readFile(full);
    } catch (error) {
      io.err(ioErrorMessage('打开', input, error));
      return 2;
    }
    // In a worker thread with a heap limit: a hostile workbook ends in a Chinese message, never a crash.
    const result = await importXlsxInWorker(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      ...(chosen ? { templateId: chosen.id, templates: [chosen] } : {}),
      ...(yuan ? { yuan: true } : wan ? { yuan: false } : {}),
      ...(map ? { map } : {}),
      fileName: basename(full),
      // Details a budget system's workbook rarely carries (our own export restores its own).
      meta: { ...(typeof year === 'string' ? { year: Number(year) } : {}), ...(typeof unit === 'string' ? { unitName: unit } : {}) },
    });
    if (!result.ok) {
      const message = result.needsYear ? `${result.message.replace(/请指定年度后重新导入。$/, '')}请用 --year 指定，例如 --year 2024。` : result.message;
      if (json) io.out(JSON.stringify({ error: message, ...(result.needsYear ? { needsYear: true } : {}) }));
      io.err(`${input}：${message}`);
      return 2;
    }
    const [written] = await writeOutputs(io.cwd, [documentOutput(output, result.document)], policy);
    const set = chosen ?? getBuiltinTemplateSet(result.report.templateId);
    const titles: Record<string, string> = {};
    for (const t of set?.tables ?? []) titles[t.id] = `${t.no} ${tableTitle(t, result.document.meta.entityKind)}`;
    const unmatched = result.report.unmatched ?? [];
    const skeleton = unmatched.length > 0 ? mapSkeleton(result.report.templateId, unmatched, map) : undefined;
    if (json) io.out(JSON.stringify({ output: written, report: result.report, ...(skeleton ? { map: skeleton } : {}) }, null, 2));
    else {
      io.out(`${formatImportReport(result.report, titles)}\n已保存：${written}`);
      if (skeleton) {
        io.out(`\n有 ${unmatched.length} 处列或行无法对应。把下面的内容保存为对应关系文件（如 对应关系.json），按“说明”填好后用 --map 重新导入：`);
        io.out(JSON.stringify(skeleton, null, 2));
      }
    }
    return reportCounts(result.report).errors > 0 || unmatched.length > 0 ? 1 : 0;
  },
};
