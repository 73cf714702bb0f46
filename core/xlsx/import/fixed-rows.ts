import type { RowData } from '../../document/document';
import { initialRows } from '../../document/create';
import type { FixedRowDef } from '../../template/template.schema';
import { mapTarget, rowMapKey } from './import-map';
import { isTotalLabel, labelKey, norm } from './labels';
import type { ReadContext } from './read-context';

/**
 * Rows of a fixed-row table (三公) and of two lists printed side by side (表1, 表4): printed labels matched to the
 * template's rows by their label and synonyms (numbering, "其中：", spaces and bracket widths ignored; 支出 rows by
 * their 类 code), then by the officer's answers in the import map. A label nothing matches is asked about in the
 * mapping step, never guessed; a table without a label column (2021 表八) is read by position.
 */
export function readFixedRows(ctx: ReadContext): RowData[] {
  const { loc } = ctx;
  const table = loc.table;
  const model = table.rows;
  if (model.kind !== 'fixed' && model.kind !== 'sideBySide') return [];
  const rows = initialRows(table);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const nameCol = table.columns.find((c) => c.kind === 'name' && (c.side ?? 0) === 0);
  const sides: { defs: FixedRowDef[]; side?: 0 | 1; labelCol?: string }[] =
    model.kind === 'fixed'
      ? [{ defs: model.rows, labelCol: nameCol && loc.columns.has(nameCol.id) ? nameCol.id : undefined }]
      : [0, 1].map((s) => ({
          defs: [...model.sides[s], model.totals[s]],
          side: s as 0 | 1,
          labelCol: table.columns.find((c) => c.kind === 'name' && (c.side ?? 0) === s)?.id,
        }));
  const sideWord = (side?: 0 | 1) => (side === undefined ? '' : side === 0 ? '左侧' : '右侧');
  for (const { defs, side, labelCol } of sides) {
    const taken = new Set<string>();
    let position = 0;
    for (let r = loc.bodyStart; r < loc.bodyEnd; r++) {
      if (ctx.blankRow(r)) continue;
      const note = ctx.noteOf(r);
      if (note !== undefined) {
        if (side !== 1) ctx.notes.push(note);
        continue;
      }
      const label = labelCol ? ctx.text(r, labelCol) : '';
      let def: FixedRowDef | undefined;
      if (!labelCol) def = defs[position];
      else if (label) {
        def = matchFixedRow(defs, label, taken);
        if (!def) {
          const target = mapTarget(ctx.options.map, 'row', table.id, label);
          if (target === null) {
            ctx.mapped.push({ table: table.id, kind: 'row', label, to: null });
            ctx.issue('info', `按您的选择忽略“${label}”行${sideWord(side)}`, r);
            continue;
          }
          def = target ? defs.find((d) => d.id === target && !taken.has(d.id)) : undefined;
          if (def) ctx.mapped.push({ table: table.id, kind: 'row', label, to: def.id });
        }
      }
      position++;
      if (!def) {
        const values = ctx.readAmounts(r, side);
        if (!label && Object.keys(values).length === 0) continue;
        const figures = Object.keys(values).length > 0;
        ctx.issue(figures ? 'error' : 'info', `无法对应到本表的项目：“${label || ctx.firstText(r)}”，该行${sideWord(side)}未导入`, r);
        if (label) {
          ctx.unmatched.push({
            kind: 'row', table: table.id, label, key: rowMapKey(label), sheet: ctx.grid.name, cell: `第${r + 1}行`,
            sample: ctx.sampleOfRow(r, side), options: defs.filter((d) => !taken.has(d.id)).map((d) => ({ id: d.id, label: d.label })),
            ...(side !== undefined ? { side } : {}),
          });
        }
        continue;
      }
      taken.add(def.id);
      const row = byId.get(def.id);
      if (row) {
        Object.assign(row.values, ctx.readAmounts(r, side));
        ctx.keep(row.id, r, side);
      }
    }
  }
  return rows;
}

function matchFixedRow(defs: FixedRowDef[], label: string, taken: Set<string>): FixedRowDef | undefined {
  const key = labelKey(label);
  const free = defs.filter((d) => !taken.has(d.id));
  const code = /^(\d{3})(?!\d)/.exec(norm(label))?.[1];
  if (code) {
    const byCode = free.find((d) => d.code === code);
    if (byCode) return byCode;
  }
  const labels = (d: FixedRowDef) => [d.label, ...(d.synonyms ?? [])];
  return (
    free.find((d) => labels(d).some((l) => labelKey(l) === key)) ??
    free.find((d) => d.code && labelKey(d.label.replace(d.code, '')) === key.replace(/^\d{3}/, '')) ??
    (isTotalLabel(label) || /(总计|合计)$/.test(key) ? free.find((d) => /总计|合计/.test(norm(d.label))) : undefined)
  );
}
