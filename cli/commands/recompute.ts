import { recomputeAll } from '../../core/derive/recompute.command';
import { formatChanges, previewCommand } from '../../core/commands/preview';
import type { CliCommand } from '../registry';
import { documentOutput, policyOf, readDocument, sameFile, writeInPlace, writeOutputs } from '../io';
import { serializeDocumentBytes } from '../../core/file/serialize';

/**
 * `recompute FILE` lists every computed cell (合计, 类/款 subtotals, 部门/单位 rows, formula columns) whose stored
 * figure differs from the sum it stands for, old → new, and changes nothing: a published figure is only replaced
 * when the officer chooses it. `--apply` updates FILE in place (the old version kept as FILE.bak; refused while the
 * app has FILE open or when FILE changed on disk meanwhile); `--apply -o OUT` writes the recomputed copy to OUT
 * instead (an existing OUT needs --overwrite).
 * Exit 0: nothing to change, or applied; 1: changes listed, not applied; 2: unusable file or arguments.
 */
export const command: CliCommand = {
  name: 'recompute',
  summary: '列出重新计算合计与小计会修改的单元格（原值 → 新值）；加 --apply 直接修改原文件（原版本保存为 .bak），或 --apply -o 输出文件 另存',
  usage: 'recompute FILE [--apply [-o OUT] [--overwrite]] [--json]',
  valueOptions: ['output'],
  flagOptions: ['apply', 'json', 'overwrite'],
  aliases: { o: 'output' },
  async run(args, io) {
    const [file, extra] = args.positionals;
    const { output, apply, json } = args.options;
    if (file === undefined || extra !== undefined) {
      io.err('请给出一个文件，例如：recompute 预算公开.ysgk');
      return 2;
    }
    if (!apply && output !== undefined) {
      io.err('-o 只与 --apply 一起使用：不加 --apply 时只列出会修改的单元格，不写文件');
      return 2;
    }
    if (typeof output === 'string' && sameFile(io.cwd, output, file)) {
      io.err(`-o 给出的“${output}”就是原文件，未写入。要直接修改原文件请去掉 -o（原版本将保存为“${file}.bak”），或用 -o 另存为新文件。`);
      return 2;
    }
    const r = await readDocument(io.cwd, file);
    if (!r.ok) {
      io.err(r.message);
      return 2;
    }
    const cmd = recomputeAll();
    const preview = previewCommand(r.doc, r.template, cmd);
    if (!preview.ok) {
      io.err(`${file}：无法重新计算：${preview.message}`);
      return 2;
    }
    const { changes } = preview;
    if (json) {
      io.out(JSON.stringify({ changes: changes.map((c) => ({ table: c.table, row: c.row, column: c.column, old: c.oldText, new: c.newText })) }, null, 2));
    } else if (changes.length === 0) {
      io.out(`${file}：所有合计与小计都等于其下各项之和，没有需要修改的单元格。`);
    } else {
      io.out(`${file}：重新计算将修改 ${changes.length} 个单元格（原值 → 新值）：`);
      for (const line of formatChanges(changes)) io.out(`  ${line}`);
    }
    if (changes.length === 0) return 0;
    if (!apply) {
      if (!json) io.out('未修改文件。确认要按上面改写时，加 --apply 重新运行（直接修改原文件，原版本保存为 .bak），或加 --apply -o 输出文件 另存。');
      return 1;
    }
    cmd.apply(r.doc, { template: r.template });
    if (typeof output === 'string') {
      const [written] = await writeOutputs(io.cwd, [documentOutput(output, r.doc)], policyOf(io, args.options, [file], '保存'));
      if (!json) io.out(`已修改 ${changes.length} 个单元格，保存到：${written}`);
      return 0;
    }
    const written = await writeInPlace(io.cwd, file, serializeDocumentBytes(r.doc), {
      overwrite: args.options.overwrite === true,
      stamp: r.stamp,
      ...(io.writeFiles ? { writeFiles: io.writeFiles } : {}),
    });
    if (!json) io.out(`已修改 ${changes.length} 个单元格，直接保存在原文件：${written}（原版本保存为“${file}.bak”）`);
    return 0;
  },
};
