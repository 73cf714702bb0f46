import type { FileFilter } from 'electron';
import type { FileKind, SaveRequest } from '../core/ipc/contract';

/** Native dialog wording and file-type filters, by kind. */
const DOCUMENT: FileFilter = { name: '预算公开文档 (*.ysgk)', extensions: ['ysgk'] };
const XLSX: FileFilter = { name: 'Excel 工作簿 (*.xlsx)', extensions: ['xlsx'] };
const DOCX: FileFilter = { name: 'Word 文档 (*.docx)', extensions: ['docx'] };
const CSV: FileFilter = { name: '逗号分隔文件 (*.csv, *.txt)', extensions: ['csv', 'txt'] };
const TEMPLATE: FileFilter = { name: '模板集 (*.json)', extensions: ['json'] };
const ALL: FileFilter = { name: '所有文件', extensions: ['*'] };

export const OPEN_DIALOG: Record<FileKind, { title: string; filters: FileFilter[] }> = {
  document: { title: '打开预算公开文档', filters: [DOCUMENT, { name: 'JSON 文档 (*.json)', extensions: ['json'] }, ALL] },
  xlsx: { title: '导入 Excel 工作簿', filters: [XLSX, ALL] },
  csv: { title: '导入科目表', filters: [CSV, XLSX, ALL] },
  template: { title: '载入模板集', filters: [TEMPLATE, ALL] },
};

export const SAVE_DIALOG: Record<SaveRequest['kind'], { title: string; filters: FileFilter[]; extension: string }> = {
  document: { title: '保存预算公开文档', filters: [DOCUMENT], extension: 'ysgk' },
  xlsx: { title: '导出 Excel', filters: [XLSX], extension: 'xlsx' },
  docx: { title: '导出 Word', filters: [DOCX], extension: 'docx' },
  csv: { title: '导出 CSV', filters: [CSV], extension: 'csv' },
  zip: { title: '导出开放数据（CSV 压缩包）', filters: [{ name: '压缩包 (*.zip)', extensions: ['zip'] }], extension: 'zip' },
  json: { title: '导出开放数据（JSON）', filters: [{ name: 'JSON 数据 (*.json)', extensions: ['json'] }], extension: 'json' },
};

/** GTK save dialogs on UOS/Kylin do not append the extension the filter shows; add it when missing. */
export function withExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(`.${extension}`) ? path : `${path}.${extension}`;
}

/** A suggested name from the page is only a name: strip folders and characters Windows forbids. */
export function safeFileName(name: string, extension: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  return withExtension(cleaned || '未命名', extension);
}
