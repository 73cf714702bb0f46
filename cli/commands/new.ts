import { createDocument } from '../../core/document/create';
import { builtinTemplateSets, getBuiltinTemplateSet } from '../../core/template/registry';
import type { CliCommand } from '../registry';
import { documentOutput, policyOf, writeOutputs } from '../io';

export const command: CliCommand = {
  name: 'new',
  summary: '按模板新建空白的预算公开文件（文件已存在时需 --overwrite，原文件保存为 .bak）',
  usage: 'new --template ID -o FILE [--unit 名称] [--year 2025] [--overwrite]',
  valueOptions: ['template', 'output', 'unit', 'year'],
  flagOptions: ['overwrite'],
  aliases: { o: 'output', t: 'template' },
  async run(args, io) {
    const { template: id, output, unit, year } = args.options;
    const ids = builtinTemplateSets().map((s) => s.id).join('、');
    if (typeof id !== 'string') {
      io.err(`请用 --template 指定模板（${ids}）`);
      return 2;
    }
    const template = getBuiltinTemplateSet(id);
    if (!template) {
      io.err(`未知的模板“${id}”，可用的模板有：${ids}`);
      return 2;
    }
    if (typeof output !== 'string') {
      io.err('请用 -o 指定输出文件');
      return 2;
    }
    let y: number | undefined;
    if (year !== undefined) {
      y = Number(year);
      if (typeof year !== 'string' || !/^\d{4}$/.test(year)) {
        io.err(`年度“${String(year)}”无效，应为四位数字，如 2025`);
        return 2;
      }
    }
    const doc = createDocument(template, { ...(typeof unit === 'string' ? { unitName: unit } : {}), ...(y ? { year: y } : {}) });
    const [full] = await writeOutputs(io.cwd, [documentOutput(output, doc)], policyOf(io, args.options, [], '保存'));
    io.out(`已新建：${full}（${template.name}）`);
    return 0;
  },
};
