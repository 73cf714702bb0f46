import { FILE_EXTENSION } from '../../core/document/document';
import type { CliCommand } from '../registry';
import { writeDocument } from '../io';
import { sampleDocument } from '../sample-source';

export const command: CliCommand = {
  name: 'sample',
  summary: `把内置示例（若羌县医疗保障局 2024 年部门预算）保存为 .${FILE_EXTENSION} 文件`,
  usage: 'sample -o FILE',
  valueOptions: ['output'],
  aliases: { o: 'output' },
  async run(args, io) {
    const out = args.options.output;
    if (typeof out !== 'string') {
      io.err('请用 -o 指定输出文件，例如：sample -o 示例.ysgk');
      return 2;
    }
    const full = await writeDocument(io.cwd, out, sampleDocument());
    io.out(`已保存示例：${full}`);
    return 0;
  },
};
