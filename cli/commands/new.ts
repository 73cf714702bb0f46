import { createDocument } from '../../core/document/create';
import { chooseTemplate, knownIds } from '../template-source';
import type { CliCommand } from '../registry';
import { documentOutput, policyOf, writeOutputs } from '../io';

export const command: CliCommand = {
  name: 'new',
  summary: '按模板新建空白的预算公开文件（文件已存在时需 --overwrite，原文件保存为 .bak）',
  usage: 'new --template ID|模板.json -o FILE [--unit 名称] [--year 2025] [--overwrite]',
  valueOptions: ['template', 'output', 'unit', 'year'],
  flagOptions: ['overwrite'],
  aliases: { o: 'output', t: 'template' },
  async run(args, io) {
    const { template: id, output, unit, year } = args.options;
    if (typeof id !== 'string') {
      io.err(`请用 --template 指定模板（${(await knownIds()).join('、')}）或模板文件`);
      return 2;
    }
    const chosen = await chooseTemplate(io.cwd, id);
    if (!chosen.ok) {
      io.err(chosen.message);
      return 2;
    }
    const template = chosen.set;
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
