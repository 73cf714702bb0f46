import type { MenuCommand } from '../../core/ipc/contract';

export interface ToolbarProps {
  onCommand: (command: MenuCommand) => void;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  dirty: boolean;
  fileName: string;
  hostKind: 'electron' | 'web' | null;
  derivations: readonly { id: string; label: string }[];
  onDerive: (id: string) => void;
}

type Button = { command: MenuCommand; label: string; title: string };

const FILE_BUTTONS: Button[] = [
  { command: 'new', label: '新建', title: '新建文档（选择模板）' },
  { command: 'open', label: '打开', title: '打开文档 (Ctrl+O)' },
  { command: 'save', label: '保存', title: '保存 (Ctrl+S)' },
  { command: 'saveAs', label: '另存为', title: '另存为' },
  { command: 'history', label: '历史版本', title: '打开本文档以前保存的版本（最近 10 次保存）' },
  { command: 'exportExcel', label: '导出 Excel', title: '导出为 Excel 工作簿' },
  { command: 'exportWord', label: '导出 Word', title: '导出为 Word 文档' },
];

export function Toolbar(props: ToolbarProps) {
  const { onCommand } = props;
  return (
    <header className="bd-toolbar" role="toolbar" aria-label="工具栏">
      <span className="bd-brand">预算公开编制助手</span>
      <div className="bd-toolbar-group">
        {FILE_BUTTONS.map((b) => (
          <button key={b.command} type="button" title={b.title} data-command={b.command} onClick={() => onCommand(b.command)}>
            {b.label}
          </button>
        ))}
      </div>
      <div className="bd-toolbar-group">
        <select
          className="bd-menu-select"
          aria-label="导入"
          value=""
          data-menu="import"
          onChange={(e) => {
            if (e.target.value) onCommand(e.target.value as MenuCommand);
            e.target.value = '';
          }}
        >
          <option value="">导入…</option>
          <option value="importExcel">Excel 工作簿（预算系统导出的表格）</option>
          <option value="importCodes">科目表（当年科目编码 CSV/Excel）</option>
          <option value="loadTemplate">模板集（财政局下发的模板文件）</option>
        </select>
      </div>
      <div className="bd-toolbar-group">
        <button type="button" data-command="undo" disabled={!props.canUndo} title={props.undoLabel ? `撤销：${props.undoLabel} (Ctrl+Z)` : '撤销 (Ctrl+Z)'} onClick={() => onCommand('undo')}>
          撤销
        </button>
        <button type="button" data-command="redo" disabled={!props.canRedo} title={props.redoLabel ? `重做：${props.redoLabel} (Ctrl+Y)` : '重做 (Ctrl+Y)'} onClick={() => onCommand('redo')}>
          重做
        </button>
      </div>
      <div className="bd-toolbar-group">
        <select
          className="bd-menu-select"
          aria-label="从来源表生成"
          value=""
          onChange={(e) => {
            if (e.target.value) props.onDerive(e.target.value);
            e.target.value = '';
          }}
        >
          <option value="">生成…</option>
          {props.derivations.map((d) => (
            <option key={d.id} value={d.id}>{d.label}</option>
          ))}
        </select>
        <button type="button" data-command="settings" onClick={() => onCommand('settings')} title="单位名称、编制部门、年度、部门/单位">
          文档设置
        </button>
      </div>
      <span className="bd-file-name" title={props.fileName}>
        {props.dirty ? '● ' : ''}
        {props.fileName}
        {props.hostKind === 'web' ? <span className="bd-host-hint">（浏览器版）</span> : null}
      </span>
    </header>
  );
}
