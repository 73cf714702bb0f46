import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CliCommand } from '../registry';
import { textOption, usageError } from '../arg-checks';
import { checkOutputs, documentOutput, policyOf, readDocument, writeInPlace, writeOutputs } from '../io';
import { parseDocument } from '../../core/file/parse';
import { serializeDocumentBytes } from '../../core/file/serialize';
import { mergeUnits, snapshotsOf, type MergeUnit } from '../../core/merge/merge-units';
import { remergePlan, remergePlanLines, remergeSize } from '../../core/merge/remerge';
import { recordedUnitPath } from '../../core/merge/unit-paths';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { ioErrorMessage } from '../../node/io-errors';
import { sha256Hex } from '../../node/file-stamp';

/**
 * `merge <unit files…> -o 部门.ysgk --unit 部门名称`: a 部门 document summed from its units (coded tables per code,
 * project rows kept under their unit, 合计 / 部门 / 单位 rows as consolidated releases print them), with a snapshot
 * of each unit for the checks. `merge --update 部门.ysgk` (重新汇总) re-reads the unit files the document names,
 * lists every amount that changes (old → new), in the tables, the inputs consolidation sums and 上年预算数, and
 * updates them and the snapshots in place (the old version kept as .bak); the officer's text, notes and other
 * inputs stay as they are.
 */
export const command: CliCommand = {
  name: 'merge',
  summary: '汇总下属单位：把多个单位文件相加生成部门文件（-o 部门.ysgk --unit 部门名称）；--update 部门.ysgk 重新读取各单位并列出、写入变化',
  usage: 'merge <单位文件…> -o 部门.ysgk --unit 部门名称 [--overwrite]\nmerge --update 部门.ysgk [--overwrite]',
  valueOptions: ['output', 'unit', 'update'],
  flagOptions: ['overwrite'],
  aliases: { o: 'output' },
  async run(args, io) {
    const update = textOption(args, 'update');
    if (update) return runUpdate(update, args.options.overwrite === true, io);
    if (args.positionals.length === 0) return usageError(io, '请给出要汇总的单位文件，例如：merge 单位1.ysgk 单位2.ysgk -o 部门.ysgk --unit 某某局');
    const output = textOption(args, 'output');
    const unit = textOption(args, 'unit');
    if (!output || !unit) return usageError(io, '请用 -o 指定部门文件，并用 --unit 给出部门名称，例如 -o 部门.ysgk --unit 某某局');
    const policy = policyOf(io, args.options, args.positionals, '保存');
    await checkOutputs(io.cwd, [output], policy);
    const units = await readUnits(io.cwd, args.positionals, resolve(io.cwd, output), io);
    if (!units) return 2;
    const template = getBuiltinTemplateSet(units[0]!.doc.meta.templateId);
    if (!template) {
      io.err(`“${args.positionals[0]}”使用的模板“${units[0]!.doc.meta.templateId}”不是内置模板，暂不能汇总`);
      return 2;
    }
    const r = mergeUnits(units, template, unit);
    if (!r.ok) {
      io.err(`未汇总：${r.message}`);
      return 2;
    }
    const [written] = await writeOutputs(io.cwd, [documentOutput(output, r.doc)], policy);
    io.out(`已汇总 ${units.length} 个单位：${units.map((u) => u.doc.meta.unitName).join('、')}`);
    io.out(`已保存：${written}`);
    return 0;
  },
};

/**
 * Reads unit files; each snapshot records its file as the app does (core/merge/unit-paths.ts): relative to the 部门
 * document's folder when it lies in, below or beside it, so the folder can move; absolute otherwise.
 */
async function readUnits(cwd: string, names: readonly string[], documentPath: string, io: { err(t: string): void }): Promise<MergeUnit[] | null> {
  const units: MergeUnit[] = [];
  for (const name of names) {
    const full = resolve(cwd, name);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(full);
    } catch (error) {
      io.err(ioErrorMessage('打开', name, error));
      return null;
    }
    const r = parseDocument(bytes, { resolveTemplate: (id) => getBuiltinTemplateSet(id) });
    if (!r.ok) {
      io.err(`${name}：${r.message}`);
      return null;
    }
    units.push({ file: recordedUnitPath(documentPath, full), sha256: sha256Hex(bytes), doc: r.doc });
  }
  return units;
}

async function runUpdate(file: string, overwrite: boolean, io: Parameters<CliCommand['run']>[1]): Promise<number> {
  const r = await readDocument(io.cwd, file);
  if (!r.ok) {
    io.err(r.message);
    return 2;
  }
  const snapshots = snapshotsOf(r.doc);
  if (snapshots.length === 0) {
    io.err(`“${file}”不是汇总生成的部门文件（没有下属单位记录），无法重新汇总`);
    return 2;
  }
  const documentPath = resolve(io.cwd, file);
  const units = await readUnits(dirname(documentPath), snapshots.map((s) => s.file), documentPath, io);
  if (!units) return 2;
  const plan = remergePlan(r.doc, r.template, units);
  if (!plan.ok) {
    io.err(`未重新汇总：${plan.message}`);
    return 2;
  }
  if (plan.unchanged) {
    io.out('各单位文件没有变化，部门文件无需更新。');
    return 0;
  }
  plan.command.apply(r.doc, { template: r.template });
  const written = await writeInPlace(io.cwd, file, serializeDocumentBytes(r.doc), { overwrite, stamp: r.stamp, ...(io.writeFiles ? { writeFiles: io.writeFiles } : {}) });
  if (plan.changedUnits.length) io.out(`有变化的单位：${plan.changedUnits.join('、')}`);
  for (const line of remergePlanLines(plan)) io.out(line);
  io.out(`已重新汇总，${remergeSize(plan)}，保存在原文件：${written}（原版本保存为“${file}.bak”）`);
  return 0;
}
