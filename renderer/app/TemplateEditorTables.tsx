import { useState } from 'react';
import type { SetDraft } from '../../core/template/edit/set-draft';
import { parseSynonyms, renameColumn, setColumnFormula, setColumnSynonyms, setTableTitle } from '../../core/template/edit/draft-edits';
import type { ColumnDef, TableDef } from '../../core/template/template.schema';
import { CommitInput } from './TemplateEditorInputs';

const KIND: Record<ColumnDef['kind'], string> = { code: '编码', name: '名称', amount: '金额', text: '文字' };
const CODE_PART: Record<NonNullable<ColumnDef['codePart']>, string> = { lei: '类', kuan: '款', xiang: '项', full: '完整编码' };
const ROW_MODEL: Record<TableDef['rows']['kind'], string> = { coded: '按科目编码列示', fixed: '固定行', sideBySide: '左右并列', projects: '按项目列示' };

function rowSummary(table: TableDef): string {
  const m = table.rows;
  if (m.kind === 'coded') return `${ROW_MODEL.coded}（${m.classification === 'economic' ? '经济分类' : '功能分类'}，${m.subtotals ? '类款小计' : '无小计'}，合计行在${m.total.position === 'top' ? '上' : '下'}）`;
  if (m.kind === 'projects') return `${ROW_MODEL.projects}（合计行在${m.total.position === 'top' ? '上' : '下'}）`;
  if (m.kind === 'fixed') return `${ROW_MODEL.fixed}（${m.rows.length} 行）`;
  return `${ROW_MODEL.sideBySide}（${m.sides[0].length} + ${m.sides[1].length} 行）`;
}

/** 表和列: each table's title, and its columns — rename, mark computed with a formula, synonyms for the import. */
export function TemplateEditorTables({ draft, onChange }: { draft: SetDraft; onChange: (change: (d: SetDraft) => SetDraft) => void }) {
  const tables = draft.set.tables;
  const [selected, setSelected] = useState(tables[0]?.id ?? '');
  const table = tables.find((t) => t.id === selected) ?? tables[0];
  if (!table) return <p className="bd-muted">模板中没有表。</p>;
  const amountIds = table.columns.filter((c) => c.kind === 'amount').map((c) => c.id);
  return (
    <div className="bd-te-split">
      <ul className="bd-te-list" aria-label="表">
        {tables.map((t) => (
          <li key={t.id}>
            <button type="button" data-table-id={t.id} className={t.id === table.id ? 'is-active' : ''} onClick={() => setSelected(t.id)}>
              {t.no} {t.title.replace(/\{主体\}/g, draft.set.entityKind)}
            </button>
          </li>
        ))}
      </ul>
      <div>
        <div className="bd-te-fields">
          <span>标题</span>
          <CommitInput
            name="tableTitle"
            value={table.title}
            onCommit={(v) => onChange((d) => setTableTitle(d, table.id, v))}
            title="“{主体}”按文档设置印为“部门”或“单位”"
          />
          <span>行</span>
          <span>{rowSummary(table)}</span>
          <span>标识</span>
          <span className="bd-te-code">{table.id}（{table.no}）{table.amountUnit ? `，单位 ${table.amountUnit}` : ''}</span>
        </div>
        <p className="bd-dialog-hint" style={{ marginTop: 10 }}>
          计算列的公式写列标识的加减，如 <span className="bd-te-code">{amountIds.slice(0, 2).join(' + ') || 'basic + project'}</span>；清空公式即改为填写列。
        </p>
        <div className="bd-te-scroll">
          <table className="bd-te-grid" data-testid="template-columns">
            <thead>
              <tr><th>标识</th><th>表头</th><th>类型</th><th>计算公式</th><th>同义名称（导入时也认，用“、”分隔）</th></tr>
            </thead>
            <tbody>
              {table.columns.map((c) => (
                <tr key={c.id} data-column={`${table.id}:${c.id}`}>
                  <td className="bd-te-code">{c.id}</td>
                  <td>
                    {c.header.length > 1 ? <span className="bd-muted">{c.header.slice(0, -1).join(' / ')} / </span> : null}
                    <CommitInput name="label" aria-label={`列“${c.header.join('/')}”的名称`} value={c.header[c.header.length - 1] ?? ''}
                      onCommit={(v) => onChange((d) => renameColumn(d, table.id, c.id, v))} />
                  </td>
                  <td>{KIND[c.kind]}{c.codePart ? `（${CODE_PART[c.codePart]}）` : ''}{c.side !== undefined ? (c.side === 0 ? '，左侧' : '，右侧') : ''}</td>
                  <td>
                    {c.kind === 'amount' ? (
                      <CommitInput name="formula" aria-label={`列“${c.header.join('/')}”的计算公式`} value={c.formula ?? ''} placeholder="填写列"
                        onCommit={(v) => onChange((d) => setColumnFormula(d, table.id, c.id, v))} />
                    ) : null}
                  </td>
                  <td>
                    {c.kind === 'amount' || c.kind === 'text' ? (
                      <CommitInput name="synonyms" aria-label={`列“${c.header.join('/')}”的同义名称`} value={(c.synonyms ?? []).join('、')}
                        onCommit={(v) => onChange((d) => setColumnSynonyms(d, table.id, c.id, parseSynonyms(v)))} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
