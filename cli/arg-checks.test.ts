import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'bd-args-'));
const cli = (...args: string[]) => runCli(dir, args);

describe('usage mistakes of merge and templates', () => {
  it('say what is missing with an example and exit 2, writing nothing', async () => {
    const cases: [string[], string][] = [
      [['merge'], '请给出要汇总的单位文件，例如：merge 单位1.ysgk 单位2.ysgk -o 部门.ysgk --unit 某某局'],
      [['merge', '单位1.ysgk', '-o', '部门.ysgk'], '请用 -o 指定部门文件，并用 --unit 给出部门名称，例如 -o 部门.ysgk --unit 某某局'],
      [['merge', '单位1.ysgk', '-o', '部门.ysgk', '--unit', '  '], '请用 -o 指定部门文件，并用 --unit 给出部门名称，例如 -o 部门.ysgk --unit 某某局'],
      [['merge', '单位1.ysgk', '--unit', '某某局'], '请用 -o 指定部门文件，并用 --unit 给出部门名称，例如 -o 部门.ysgk --unit 某某局'],
      [['templates', 'check'], '参数有误。用法：templates [check 模板.json | infer 空白模板.xlsx -o 模板.json | add 模板.json | remove ID]'],
      [['templates', 'check', 'a.json', 'b.json'], '参数有误。用法：templates [check 模板.json | infer 空白模板.xlsx -o 模板.json | add 模板.json | remove ID]'],
      [['templates', 'copy', 'a.json'], '未知的操作“copy”，可用：check、infer、add、remove'],
      [['templates', 'infer', '空白.xlsx'], '请用 -o 指定生成的模板文件，例如 -o 模板.json'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect({ args, code: r.code, err: r.err.trim(), out: r.out }).toEqual({ args, code: 2, err: message, out: '' });
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
