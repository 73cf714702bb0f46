import { useMemo, useState } from 'react';
import type { SetDraft } from '../../core/template/edit/set-draft';
import {
  addFreeTextSection, addLibrarySection, missingTablesNote, moveSection, outlineLines, removeSection, sectionLibrary, setSectionTitle,
} from '../../core/template/edit/outline-edits';
import type { OutlineNode } from '../../core/template/template.schema';
import { CommitInput } from './TemplateEditorInputs';

const KIND: Record<OutlineNode['kind'], string> = {
  cover: '封面', toc: '目录', part: '部分', section: '节', table: '表格', tables: '表格部分', generated: '自动生成',
  input: '填写', glossary: '名词解释', closing: '落款',
};

function kindLabel(node: OutlineNode): string {
  if (node.kind === 'input' && !node.generator) return '自由文字';
  return KIND[node.kind];
}

/** 文档结构: the outline's sections — retitle, move, remove; add a generated section from the library or a free-text one. */
export function TemplateEditorOutline({ draft, onChange }: { draft: SetDraft; onChange: (change: (d: SetDraft) => SetDraft) => void }) {
  const library = useMemo(() => sectionLibrary(), []);
  const [chosen, setChosen] = useState<string>(library[0]?.generator ?? '');
  const [freeTitle, setFreeTitle] = useState('');
  const lines = outlineLines(draft.set.outline);
  const section = library.find((s) => s.generator === chosen);
  const note = section ? missingTablesNote(section, draft.set.tables) : null;
  return (
    <div>
      <p className="bd-dialog-hint">标题中的“{'{年度}'}”“{'{主体}'}”“{'{单位名称}'}”按文档设置填入。</p>
      <div className="bd-te-scroll">
        <table className="bd-te-grid" data-testid="template-outline">
          <thead>
            <tr><th>标题</th><th>内容</th><th /></tr>
          </thead>
          <tbody>
            {lines.map(({ node, depth }) => (
              <tr key={node.id} data-section={node.id}>
                <td style={{ paddingLeft: 6 + depth * 18 }}>
                  <CommitInput name="sectionTitle" aria-label="节标题" value={node.title} onCommit={(v) => onChange((d) => setSectionTitle(d, node.id, v))} />
                </td>
                <td>{kindLabel(node)}{node.generator ? <span className="bd-te-code">（{node.generator}）</span> : null}</td>
                <td className="bd-te-row-actions">
                  <button type="button" title="上移" aria-label="上移" onClick={() => onChange((d) => moveSection(d, node.id, -1))}>↑</button>
                  <button type="button" title="下移" aria-label="下移" onClick={() => onChange((d) => moveSection(d, node.id, 1))}>↓</button>
                  <button type="button" onClick={() => onChange((d) => removeSection(d, node.id))}>删除</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="bd-te-add">
        <span>从生成节库添加：</span>
        <select aria-label="生成节" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {library.map((s) => (
            <option key={s.generator} value={s.generator}>{s.title}（{s.generator}）</option>
          ))}
        </select>
        <button type="button" disabled={!section} onClick={() => section && onChange((d) => addLibrarySection(d, section))}>添加</button>
      </div>
      {note ? <p className="bd-muted">{note}</p> : null}
      <div className="bd-te-add">
        <span>添加自由文字节：</span>
        <input aria-label="自由文字节标题" placeholder="标题，如：重点工作情况" value={freeTitle} onChange={(e) => setFreeTitle(e.target.value)} />
        <button type="button" onClick={() => {
          onChange((d) => addFreeTextSection(d, freeTitle));
          setFreeTitle('');
        }}>添加</button>
      </div>
    </div>
  );
}
