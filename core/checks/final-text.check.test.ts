import { describe, expect, it } from 'vitest';
import { createFinalSampleDocument, finalSampleSet } from '../sample/final-sample';
import { createContext } from '../text/context';
import { FINAL_INPUT, sangongCountKey } from '../text/final/keys';
import { checkDocumentText, typedTexts } from './check-text';
import { checkFinalCompletion } from './final-completion.check';
import { checkFinalProcurement, checkFinalSangong, checkFinalUnits } from './final-text.check';

const set = finalSampleSet();
const messages = (found: { severity: string; message: string }[]) => found.map((f) => `${f.severity} ${f.message}`);

describe('决算 text checks', () => {
  it('find nothing in the sample', () => {
    const doc = createFinalSampleDocument();
    const rules = checkDocumentText(doc, set).map((f) => f.rule);
    expect(rules.filter((r) => r.startsWith('final-'))).toEqual([]);
  });

  it('ask for the 三公 counts of an item with money, and why the 决算数 left its 预算数', () => {
    const doc = createFinalSampleDocument();
    delete doc.inputs[sangongCountKey('receptionPersons')];
    delete doc.inputs[sangongCountKey('vehiclesHeld')];
    delete doc.inputs[FINAL_INPUT.sangongReason];
    expect(messages(checkFinalSangong(createContext(doc, set)))).toEqual([
      'warning 公务用车运行费有决算数，未填写公务用车保有量',
      'warning 公务接待费有决算数，未填写国内公务接待人次',
      'warning “三公”经费决算数 6.00万元小于预算数 6.50万元，未填写主要原因',
    ]);
  });

  it('hold 授予小微企业 within 授予中小企业 within the total, as entered and as the officer wrote it', () => {
    const doc = createFinalSampleDocument();
    doc.inputs['other.procurement'] = { goods: 1100, services: 600, sme: 1800, smeMicro: 1900 };
    doc.inputs['override.s11-2.sme'] = '授予中小企业合同金额12.00万元，其中：授予小微企业合同金额15.00万元。';
    expect(messages(checkFinalProcurement(createContext(doc, set), typedTexts(doc)))).toEqual([
      'error 授予小微企业合同金额 19.00万元 大于授予中小企业合同金额 18.00万元（小微企业是中小企业的一部分）',
      'error 授予中小企业合同金额 18.00万元 大于政府采购支出总额 17.00万元',
      'error 文字中授予小微企业合同金额 15.00万元 大于授予中小企业合同金额 12.00万元',
    ]);
    // A 决算 is checked in its own words only, not also as a 预算's 预留.
    expect(checkDocumentText(doc, set).filter((f) => f.rule === 'text.procurement-sme')).toEqual([]);
  });

  it('want every typed amount printed with its unit (万元; "元" for 万元 figures is the generic check)', () => {
    const doc = createFinalSampleDocument();
    doc.inputs['override.s11-1.amount'] = '本年机关运行经费支出77.00，比上年增加2.00万元；截至2024.12底车辆1辆。';
    doc.inputs['override.s3.basic'] = '基本支出274.00万元，占75.69%。';
    doc.inputs['override.s7-1.total'] = '“三公”经费支出决算为125.58元。';
    expect(messages(checkFinalUnits(createContext(doc, set), typedTexts(doc)))).toEqual([
      'warning 文字中“77.00”没有写单位，表格金额单位为万元',
    ]);
    expect(checkDocumentText(doc, set).filter((f) => f.rule === 'text.unit-mismatch').map((f) => f.message)).toEqual([
      '文字中“125.58元”的单位是元，表格单位是万元，请核对',
    ]);
  });

  it('check a 三公 completion rate the officer typed against its own 预算数 and 决算数', () => {
    const doc = createFinalSampleDocument();
    doc.inputs['override.s7-1.total'] = '2024年度财政拨款“三公”经费支出预算为6.50万元，支出决算为6.00万元，完成预算的95.00%。';
    expect(checkFinalCompletion(doc, set).map((f) => f.message)).toEqual([
      '“2024年度财政拨款“三公”经费支出预算为6.50万元，支出决算为6.00万元，完成预算的95.00%”：完成预算 95.00%，按决算数 6.00万元 ÷ 预算数应为 92.31%',
    ]);
  });
});
