import { basename } from 'node:path';
import { builtinSource, builtinTemplateSets, parseTemplateSetText } from '../../core/template/registry';
import type { CliCommand, CliIO, ParsedArgs } from '../registry';
import { policyOf, writeOutputs } from '../io';
import { textOption, usageError } from '../arg-checks';
import { TemplateStore } from '../../node/template-store';
import { readSetFile } from '../template-source';
import { inferSetFile } from '../template-infer';

/**
 * `templates` lists the built-in sets and the officer's own (kept in the per-user store), one a line starting with
 * the id; `templates check FILE.json` validates a set file (every error with its place, exit 0 valid / 2 invalid);
 * `templates infer BLANK.xlsx -o SET.json` proposes a set from a bureau's blank workbook; `templates add FILE.json`
 * keeps a set for later runs (and the app); `templates remove ID` forgets it.
 */
export const command: CliCommand = {
  name: 'templates',
  summary: '列出模板；check 检查模板文件；infer 由空白模板工作簿生成模板；add/remove 保存或删除自己的模板',
  usage: 'templates [check 模板.json | infer 空白模板.xlsx -o 模板.json [--id ID] [--name 名称] | add 模板.json | remove ID]',
  valueOptions: ['output', 'id', 'name'],
  flagOptions: ['overwrite'],
  aliases: { o: 'output' },
  async run(args, io) {
    const [action, target, extra] = args.positionals;
    const store = new TemplateStore();
    if (action === undefined) return list(io, store);
    if (extra !== undefined || (action !== 'list' && target === undefined)) {
      return usageError(io, '参数有误。用法：templates [check 模板.json | infer 空白模板.xlsx -o 模板.json | add 模板.json | remove ID]');
    }
    switch (action) {
      case 'list':
        return list(io, store);
      case 'check':
        return check(io, store, target!);
      case 'infer':
        return infer(io, args, target!);
      case 'add':
        return add(io, store, target!);
      case 'remove':
        if (await store.remove(target!)) {
          io.out(`已删除模板“${target!}”`);
          return 0;
        }
        io.err(`没有已保存的模板“${target!}”（内置模板不能删除）`);
        return 2;
      default:
        return usageError(io, `未知的操作“${action}”，可用：check、infer、add、remove`);
    }
  },
};

async function list(io: CliIO, store: TemplateStore): Promise<number> {
  for (const set of builtinTemplateSets()) {
    const parent = (builtinSource(set.id) as { extends?: unknown } | undefined)?.extends;
    io.out([set.id, set.name, typeof parent === 'string' ? `扩展自 ${parent}` : '', '内置'].join('\t'));
  }
  for (const stored of await store.list()) {
    const parent = stored.parent ? `扩展自 ${stored.parent}` : '';
    if (stored.result.ok) io.out([stored.id, stored.result.set.name, parent, '自定义'].join('\t'));
    else io.out([stored.id, `（有 ${stored.result.errors.length} 处错误，无法使用：${stored.result.errors[0]}）`, parent, '自定义'].join('\t'));
  }
  return 0;
}

/**
 * A set file read and validated (resolved against the built-in and stored sets); on failure every error is printed
 * with the file's name through `say`, ending with `verdict`, and null is returned.
 */
async function readValid(io: CliIO, store: TemplateStore, file: string, say: (line: string) => void, verdict: string) {
  const read = await readSetFile(io.cwd, file);
  if (!read.ok) {
    io.err(read.message);
    return null;
  }
  const result = parseTemplateSetText(read.text, await store.lookup());
  if (!result.ok) {
    for (const error of result.errors) say(`${file}：${error}`);
    say(`${file}：有 ${result.errors.length} 处错误，${verdict}`);
    return null;
  }
  return { text: read.text, set: result.set };
}

async function check(io: CliIO, store: TemplateStore, file: string): Promise<number> {
  const valid = await readValid(io, store, file, io.out, '模板不能使用。');
  if (!valid) return 2;
  const set = valid.set;
  io.out(`${file}：模板“${set.name}”（${set.id}）有效：${set.tables.length} 张表，${set.rules.length} 条审核公式。`);
  return 0;
}

async function add(io: CliIO, store: TemplateStore, file: string): Promise<number> {
  const valid = await readValid(io, store, file, io.err, '未保存。');
  if (!valid) return 2;
  const { set, text } = valid;
  if (builtinTemplateSets().some((s) => s.id === set.id)) {
    io.err(`模板标识“${set.id}”与内置模板相同，未保存。请在文件中改用另一个 id。`);
    return 2;
  }
  const saved = await store.save(set.id, text);
  io.out(`已保存模板“${set.name}”（${set.id}）：${saved}。以后可用 --template ${set.id} 使用。`);
  return 0;
}

async function infer(io: CliIO, args: ParsedArgs, input: string): Promise<number> {
  const { id, name } = args.options;
  const output = textOption(args, 'output');
  if (!output) return usageError(io, '请用 -o 指定生成的模板文件，例如 -o 模板.json');
  const r = await inferSetFile(io.cwd, input, {
    ...(typeof id === 'string' ? { id } : {}),
    name: typeof name === 'string' ? name : `${basename(input).replace(/\.xlsx$/i, '')}（由空白模板生成）`,
  });
  if (!r.ok) {
    io.err(r.message);
    return 2;
  }
  const [written] = await writeOutputs(io.cwd, [{ path: output, bytes: new TextEncoder().encode(r.text) }], policyOf(io, args.options, [input], '保存'));
  for (const line of r.summary) io.out(line);
  io.out(`已生成模板：${written}。请核对后用 templates check 检查，用 --template ${output} 使用，或用 templates add 保存。`);
  return 0;
}
