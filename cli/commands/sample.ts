import { FILE_EXTENSION } from '../../core/document/document';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import type { CliCommand } from '../registry';
import { documentOutput, policyOf, writeOutputs } from '../io';
import { DEFAULT_SAMPLE_SET, SET_SAMPLES } from '../set-samples';
import { knownIds } from '../template-source';

export const command: CliCommand = {
  name: 'sample',
  summary: `把模板的示例文件保存为 .${FILE_EXTENSION} 文件（默认：若羌县医疗保障局 2024 年部门预算；已存在时需 --overwrite）`,
  usage: 'sample -o FILE [--template ID] [--overwrite]',
  valueOptions: ['output', 'template'],
  flagOptions: ['overwrite'],
  aliases: { o: 'output', t: 'template' },
  async run(args, io) {
    const { output: out, template } = args.options;
    if (typeof out !== 'string') {
      io.err('请用 -o 指定输出文件，例如：sample -o 示例.ysgk');
      return 2;
    }
    const id = typeof template === 'string' ? template : DEFAULT_SAMPLE_SET;
    const make = SET_SAMPLES[id];
    if (!make) {
      const withSample = Object.keys(SET_SAMPLES).join('、');
      io.err(getBuiltinTemplateSet(id) || (await knownIds()).includes(id)
        ? `模板“${id}”没有示例文件。有示例的模板：${withSample}；可用 new --template ${id} 新建空白文件。`
        : `未知的模板“${id}”。有示例的模板：${withSample}`);
      return 2;
    }
    const [full] = await writeOutputs(io.cwd, [documentOutput(out, make())], policyOf(io, args.options, [], '保存'));
    io.out(`已保存示例：${full}`);
    return 0;
  },
};
