import { INPUT } from './keys';

/** Chinese names of the officer's inputs, for messages that must name a field ("主要职能", "项目说明"). */
const NAMES: Record<string, string> = {
  [INPUT.duties]: '主要职能', [INPUT.subUnits]: '下属预算单位', [INPUT.departments]: '内设机构', [INPUT.staff]: '人员情况',
  [INPUT.projects]: '项目说明', [INPUT.performanceOverall]: '部门整体绩效目标', [INPUT.performanceProjects]: '项目支出绩效目标',
  [INPUT.performanceNonFiscal]: '非财政拨款项目', [INPUT.procurement]: '政府采购', [INPUT.assets]: '国有资产占用',
  [INPUT.operatingAmount]: '机关运行经费', [INPUT.otherNotes]: '其他需说明的事项', [INPUT.glossary]: '名词解释',
};

const PREFIXES: [prefix: string, name: string][] = [['reason.', '变动原因'], ['usage.class.', '主要用途'], ['override.', '改写的段落']];

/** "说明文字“主要职能”", or the key itself where no name is known. */
export function inputLabel(key: string): string {
  const name = NAMES[key] ?? PREFIXES.find(([p]) => key.startsWith(p))?.[1];
  return `说明文字“${name ?? key}”${name && name !== NAMES[key] ? `（${key}）` : ''}`;
}
