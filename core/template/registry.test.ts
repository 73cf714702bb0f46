import { describe, expect, it } from 'vitest';
import { builtinTemplateSets, getBuiltinTemplateSet, parseTemplateSet, parseTemplateSetJson, templateSummaries } from './registry';

function dept2024Json(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(getBuiltinTemplateSet('xj-dept-2024-11'))) as Record<string, unknown>;
}

describe('template registry', () => {
  it('lists the built-in sets by stable id', () => {
    expect(builtinTemplateSets().map((s) => s.id)).toContain('xj-dept-2024-11');
    expect(getBuiltinTemplateSet('nope')).toBeUndefined();
  });

  it('the 2024 set has the 11 tables in printed order with the id conventions', () => {
    const set = getBuiltinTemplateSet('xj-dept-2024-11')!;
    expect(set.tables.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11']);
    expect(set.tables.map((t) => t.no)).toEqual(['表1', '表2', '表3', '表4', '表5', '表6', '表7', '表8', '表9', '表10', '表11']);
    const t1 = set.tables[0];
    if (t1.rows.kind !== 'sideBySide') throw new Error('表1 should be side by side');
    expect(t1.rows.sides[1]).toHaveLength(30);
    expect(t1.rows.sides[1][0]).toMatchObject({ id: 'c201', code: '201' });
    expect(t1.rows.totals.map((r) => r.id)).toEqual(['inTotal', 'outTotal']);
    expect(set.tables[1].columns.map((c) => c.id)).toEqual([
      'lei', 'kuan', 'xiang', 'name', 'total', 'fiscalSubtotal', 'gpb', 'gpbTransfer', 'fund', 'fundTransfer', 'soe',
      'specialAccount', 'unitFunds', 'fiscalCarryover', 'nonFiscalCarryover',
    ]);
    expect(set.display.blankZero).toBe(true);
  });

  it('reports shape errors in Chinese naming the table and column', () => {
    const json = dept2024Json();
    const tables = json.tables as { columns: { kind: string }[] }[];
    tables[2].columns[4].kind = 'money';
    const result = parseTemplateSet(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toContain('表3');
    expect(result.errors[0]).toContain('第5列');
    expect(result.errors[0]).toContain('取值无效');
  });

  it('reports duplicate ids, unknown formula references and outline references', () => {
    const json = dept2024Json();
    const tables = json.tables as { id: string; columns: { id: string; formula?: string }[] }[];
    tables[3].id = 't3';
    tables[4].columns[4].formula = 'basic + projects';
    json.outline = [{ id: 'x', title: '表十二', kind: 'table', table: 't12' }];
    const result = parseTemplateSet(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(expect.arrayContaining([
      expect.stringContaining('表标识“t3”与前面的表重复'),
      expect.stringContaining('引用的列“projects”不存在'),
      expect.stringContaining('引用的表“t12”不存在'),
    ]));
  });

  it('reports row formula and header problems', () => {
    const json = dept2024Json();
    const tables = json.tables as { rows: { rows: { formula?: string }[] }; columns: { header: string[] }[] }[];
    tables[9].rows.rows[0].formula = 'abroad + reception + car';
    tables[9].columns[2].header = ['资金来源'];
    const result = parseTemplateSet(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toContain('引用的行“car”不存在');
    expect(result.errors.join('\n')).toContain('层级不一致');
  });

  it('rejects something that is not a set at all', () => {
    const result = parseTemplateSet(42);
    expect(result).toEqual({ ok: false, errors: ['模板文件：类型不对，应为对象'] });
  });

  it("reads a bureau's set file as text, BOM and syntax errors included", () => {
    const text = '\uFEFF' + JSON.stringify({ ...dept2024Json(), id: 'bureau-own' });
    const ok = parseTemplateSetJson(text);
    expect(ok.ok && ok.set.id).toBe('bureau-own');
    const bad = parseTemplateSetJson('{"id": ');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toBe('模板文件不是有效的 JSON 格式，请用文本编辑器检查括号、引号和逗号');
    const extra = parseTemplateSetJson('{"a": 1}\n}');
    if (!extra.ok) expect(extra.errors[0]).toBe('模板文件不是有效的 JSON 格式（第 2 行附近），请用文本编辑器检查括号、引号和逗号');
    expect(extra.ok).toBe(false);
  });

  it('a 100,000-deep outline is refused in Chinese, not by a stack overflow', () => {
    const deep = `${'{"children":['.repeat(100_000)}{}${']}'.repeat(100_000)}`;
    const text = JSON.stringify({ ...dept2024Json(), outline: '__DEEP__' }).replace('"__DEEP__"', `[${deep}]`);
    const r = parseTemplateSetJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^模板文件中的数据嵌套超过 \d+ 层/);
  });

  it('summaries list the built-in sets, the Xinjiang ones first', () => {
    expect(templateSummaries().map((s) => [s.id, s.tables]).slice(0, 3)).toEqual([
      ['xj-dept-2024-11', 11], ['xj-unit-2021-9', 9], ['xj-unit-2021-9-econ', 9],
    ]);
  });
});
