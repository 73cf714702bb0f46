import { builtinTemplateSets } from '../../core/template/registry';
import type { CliCommand } from '../registry';

export const command: CliCommand = {
  name: 'templates',
  summary: '列出内置模板（编号与名称）',
  usage: 'templates',
  async run(_args, io) {
    for (const set of builtinTemplateSets()) io.out(`${set.id}\t${set.name}`);
    return 0;
  },
};
