import { useState } from 'react';
import type { MetaPatch } from '../../core/commands/document-fields.command';
import { blankZeroOf, type DocumentMeta } from '../../core/document/document';
import { textAmountStyleOf, type TextAmountStyle } from '../../core/text/context';
import { templateSets } from './core-adapter';
import { Dialog } from './Dialog';

export interface SettingsDialogProps {
  meta: DocumentMeta;
  /** The template set's blank-zero default; omitted → looked up by the document's template id. */
  templateBlankZero?: boolean;
  onSave: (patch: MetaPatch) => void;
  onClose: () => void;
}

/** The set's display default for zero amounts, for a document whose own setting is absent. */
function templateDefault(meta: DocumentMeta): boolean {
  return templateSets().find((t) => t.id === meta.templateId)?.display.blankZero ?? false;
}

/** Document settings: unit name, 编制部门 line, year, 部门/单位 wording, unit type, region, date, zero display. */
export function SettingsDialog({ meta, templateBlankZero, onSave, onClose }: SettingsDialogProps) {
  const [unitName, setUnitName] = useState(meta.unitName);
  const [compiler, setCompiler] = useState(meta.compiler);
  const [year, setYear] = useState(String(meta.year));
  const [entityKind, setEntityKind] = useState(meta.entityKind);
  const [unitType, setUnitType] = useState(meta.unitType ?? '');
  const [region, setRegion] = useState(meta.region ?? '');
  const [date, setDate] = useState(meta.date);
  // What the grid and both exports show now: the document's own choice, else the template's default.
  const shownBlankZero = blankZeroOf(meta, templateBlankZero ?? templateDefault(meta));
  const [blankZero, setBlankZero] = useState(shownBlankZero);
  const [amountStyle, setAmountStyle] = useState<TextAmountStyle>(textAmountStyleOf(meta));
  const yearNumber = Number(year);
  const yearOk = /^\d{4}$/.test(year) && yearNumber >= 2000 && yearNumber <= 2100;
  const submit = () => {
    if (!yearOk || unitName.trim() === '') return;
    const patch: MetaPatch = {};
    if (unitName.trim() !== meta.unitName) patch.unitName = unitName.trim();
    if (compiler.trim() !== meta.compiler) patch.compiler = compiler.trim();
    if (yearNumber !== meta.year) patch.year = yearNumber;
    if (entityKind !== meta.entityKind) patch.entityKind = entityKind;
    if (unitType !== (meta.unitType ?? '')) patch.unitType = unitType === '' ? undefined : (unitType as DocumentMeta['unitType']);
    if (region.trim() !== (meta.region ?? '')) patch.region = region.trim() === '' ? undefined : region.trim();
    if (date !== meta.date) patch.date = date;
    // Stored only when the officer changes it, then as the document's own setting (not as "follow the template").
    if (blankZero !== shownBlankZero) patch.blankZero = blankZero;
    if (amountStyle !== textAmountStyleOf(meta)) patch.textAmountStyle = amountStyle;
    if (Object.keys(patch).length > 0) onSave(patch);
    onClose();
  };
  return (
    <Dialog
      title="文档设置"
      onClose={onClose}
      testId="settings-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>取消</button>
          <button type="button" className="is-primary" disabled={!yearOk || unitName.trim() === ''} onClick={submit}>确定</button>
        </>
      }
    >
      <form className="bd-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <label>单位名称<input name="unitName" value={unitName} onChange={(e) => setUnitName(e.target.value)} required /></label>
        <label>编制部门<input name="compiler" value={compiler} onChange={(e) => setCompiler(e.target.value)} placeholder="表格上“编制部门：”后的名称" /></label>
        <label>
          年度
          <input name="year" value={year} inputMode="numeric" onChange={(e) => setYear(e.target.value)} aria-invalid={!yearOk} />
        </label>
        {!yearOk ? <span className="bd-form-error">年度应为四位数字，如 2025</span> : null}
        <fieldset>
          <legend>公开主体</legend>
          {(['部门', '单位'] as const).map((k) => (
            <label key={k} className="bd-radio">
              <input type="radio" name="entityKind" checked={entityKind === k} onChange={() => setEntityKind(k)} />
              {k}预算
            </label>
          ))}
        </fieldset>
        <label>
          单位性质
          <select value={unitType} onChange={(e) => setUnitType(e.target.value)}>
            <option value="">（未填）</option>
            <option value="行政">行政单位</option>
            <option value="参公">参照公务员法管理单位</option>
            <option value="事业">事业单位</option>
            <option value="其他">其他</option>
          </select>
        </label>
        <label>地区<input value={region} onChange={(e) => setRegion(e.target.value)} placeholder="封面地区行，如 新疆维吾尔自治区…" /></label>
        <label>公开日期<input type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>
        <label className="bd-radio">
          <input type="checkbox" name="blankZero" checked={blankZero} onChange={(e) => setBlankZero(e.target.checked)} />
          零值显示为空白（不显示 0.00）
        </label>
        <fieldset>
          <legend>说明中金额的写法</legend>
          <label className="bd-radio" title="与表格一致，如 824.50万元、10.10万元">
            <input type="radio" name="textAmountStyle" value="fixed2" checked={amountStyle === 'fixed2'} onChange={() => setAmountStyle('fixed2')} />
            保留两位小数（与表格一致）
          </label>
          <label className="bd-radio" title="省略末尾的0，如 824.5万元、10.1万元">
            <input type="radio" name="textAmountStyle" value="minimal" checked={amountStyle === 'minimal'} onChange={() => setAmountStyle('minimal')} />
            省略末尾的零
          </label>
          <span className="bd-muted">百分比始终保留两位小数</span>
        </fieldset>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
