import { describe, expect, it } from 'vitest';
import { createFinalSampleDocument, finalSampleSet } from '../../sample/final-sample';
import { randomFinalDocument } from '../../testing/final-random';
import type { Block } from '../blocks';
import { createContext } from '../context';
import { finalExpenditureText } from './expenditure';
import { FINAL_INPUT, sangongCountKey } from './keys';
import { finalAssetsText, finalProcurementText } from './other';
import { budgetColumnOf, sangongItemsText, sangongTotalText } from './sangong';

const set = finalSampleSet();
const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === 'para' ? b.text : ''));
const row = (doc: ReturnType<typeof createFinalSampleDocument>, table: string, id: string) => doc.tables[table].rows.find((r) => r.id === id)!;

describe('决算 支出决算 by kind', () => {
  it('states 基本/项目 with their change and names the kinds without money together', () => {
    expect(texts(finalExpenditureText(createContext(createFinalSampleDocument(), set), 's3')).slice(-1)).toEqual([
      '本年无上缴上级支出、经营支出、对附属单位补助支出。',
    ]);
  });

  it('gives 上缴上级/经营/对附属单位补助 with money their share, all kinds adding up to 100.00%', () => {
    const doc = createFinalSampleDocument();
    const total = row(doc, 't3', 'total');
    // 10.00 经营支出 more in the 合计 row: the shares are of the whole the table prints.
    total.values.operatingExpense = 1000;
    total.values.total = (total.values.total ?? 0) + 1000;
    const lines = texts(finalExpenditureText(createContext(doc, set), 's3'));
    expect(lines).toContain('经营支出10.00万元，占2.69%。');
    expect(lines.at(-1)).toBe('本年无上缴上级支出、对附属单位补助支出。');
    const shares = lines.flatMap((l) => [...l.matchAll(/占([\d.]+)%/g)].map((m) => Math.round(Number(m[1]) * 100)));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(10000);
  });
});

describe('决算 “三公” 总体 and 具体', () => {
  it('reads each 预算数 from the column headed like its 决算数', () => {
    const t7 = set.tables.find((t) => t.role === 'sangong')!;
    expect(['total', 'abroad', 'vehicle', 'vehiclePurchase', 'reception'].map((c) => budgetColumnOf(t7, c))).toEqual(['bTotal', 'bAbroad', 'bVehicle', 'bVehiclePurchase', 'bReception']);
  });

  it('says a count was not typed rather than printing 0, and leaves the 保有量 out for a unit without car money', () => {
    const doc = createFinalSampleDocument();
    delete doc.inputs[sangongCountKey('receptionBatches')];
    let lines = texts(sangongItemsText(createContext(doc, set), 's7-2'));
    expect(lines[3]).toBe('3. 公务接待费支出1.20万元，国内公务接待批次和人次未填写。');
    const t7 = row(doc, 't7', 'total');
    for (const c of ['vehicle', 'vehicleOperation', 'total']) t7.values[c] = (t7.values[c] ?? 0) - 480;
    delete doc.inputs[sangongCountKey('vehiclesHeld')];
    lines = texts(sangongItemsText(createContext(doc, set), 's7-2'));
    expect(lines[2]).toBe('2. 公务用车购置及运行费支出0.00万元。其中：公务用车购置费0.00万元，本年无购置车辆；公务用车运行费0.00万元。');
  });

  it('states a 决算数 without 预算数 as such, and gives the reason only when the officer wrote one', () => {
    const doc = createFinalSampleDocument();
    const t7 = row(doc, 't7', 'total');
    t7.values.abroad = 300;
    t7.values.total = (t7.values.total ?? 0) + 300;
    delete doc.inputs[FINAL_INPUT.sangongReason];
    const lines = texts(sangongTotalText(createContext(doc, set), 's7-1'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('其中：因公出国（境）费支出决算为3.00万元，年初未安排预算；');
  });

  it('a 决算 without any 三公 money says so in both parts', () => {
    const doc = randomFinalDocument(3);
    doc.tables.t7.rows = [{ id: 'total', values: {} }];
    const ctx = createContext(doc, set);
    expect(texts(sangongTotalText(ctx, 's7-1'))).toEqual(['测试档案馆2024年度未安排财政拨款“三公”经费预算，也无“三公”经费支出。']);
    expect(texts(sangongItemsText(ctx, 's7-2'))).toEqual(['测试档案馆2024年度无财政拨款“三公”经费支出。']);
  });
});

describe('决算 政府采购 and 国有资产', () => {
  it('gives 中小企业 its share of the total and 小微企业 its share of 中小企业', () => {
    const doc = createFinalSampleDocument();
    doc.inputs['other.procurement'] = { goods: 1100, services: 600, sme: 1000, smeMicro: 0 };
    expect(texts(finalProcurementText(createContext(doc, set), 's11-2'))[1]).toBe(
      '授予中小企业合同金额10.00万元，占政府采购支出总额的58.82%，其中：授予小微企业合同金额0.00万元，占授予中小企业合同金额的0.00%。');
    doc.inputs['other.procurement'] = { none: true };
    expect(texts(finalProcurementText(createContext(doc, set), 's11-2'))).toEqual(['2024年度，示例县档案馆无政府采购支出。']);
  });

  it('lists 车辆 by kind and 单价50万元以上设备, with no 预算 购置计划', () => {
    const doc = createFinalSampleDocument();
    doc.inputs['other.assets'] = { vehicles: [{ kind: '一般公务用车', count: 1, value: 1850 }, { kind: '执法执勤用车', count: 2, value: 4000 }], equipment50: 3, equipment100: 1 };
    expect(texts(finalAssetsText(createContext(doc, set), 's11-3')).slice(1)).toEqual([
      '车辆3辆，价值58.50万元；其中：一般公务用车1辆，价值18.50万元；执法执勤用车2辆，价值40.00万元。',
      '单价50万元以上设备3台（套），其中：单价100万元以上设备1台（套）。',
    ]);
  });
});
