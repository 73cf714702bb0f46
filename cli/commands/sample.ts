import { FILE_EXTENSION } from '../../core/document/document';
import type { CliCommand } from '../registry';
import { documentOutput, policyOf, writeOutputs } from '../io';
import { sampleDocument } from '../sample-source';

export const command: CliCommand = {
  name: 'sample',
  summary: `把内置示例（若羌县医疗保障局 2024 年部门预算）保存为 .${FILE_EXTENSION} 文件（已存在时需 --overwrite）`,
  usage: 'sample -o FILE [--overwrite]',
  valueOptions: ['output'],
  flagOptions: ['overwrite'],
  aliases: { o: 'output' },
  async run(args, io) {
    const out = args.options.output;
    if (typeof out !== 'string') {
      io.err('请用 -o 指定输出文件，例如：sample -o 示例.ysgk');
      return 2;
    }
    const [full] = await writeOutputs(io.cwd, [documentOutput(out, sampleDocument())], policyOf(io, args.options, [], '保存'));
    io.out(`已保存示例：${full}`);
    return 0;
  },
};
