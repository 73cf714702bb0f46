import { mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocxToFile } from './export-docx';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import type { Finding } from '../../core/rules/finding';

const set = getBuiltinTemplateSet('xj-dept-2024-11')!;
const error: Finding = { id: 'x', rule: 'x', ruleName: '测试规则', severity: 'error', scope: '表内', message: '表3 合计不等', cells: [] };

describe('exportDocxToFile', () => {
  it('writes the sample', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docx-'));
    const r = await exportDocxToFile(createSampleDocument(), set, 'out.docx', { cwd: dir });
    expect(r.written).toBe(true);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'out.docx')).subarray(0, 2).toString()).toBe('PK');
  });
  it('refuses with errors unless forced, and lists the open findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docx-'));
    const refused = await exportDocxToFile(createSampleDocument(), set, 'a.docx', { cwd: dir, findings: [error] });
    expect(refused).toMatchObject({ written: false, exitCode: 1 });
    expect(existsSync(join(dir, 'a.docx'))).toBe(false);
    expect(refused.lines.join('\n')).toContain('--force');
    const forced = await exportDocxToFile(createSampleDocument(), set, 'a.docx', { cwd: dir, findings: [error], force: true });
    expect(forced.written).toBe(true);
    expect(forced.lines.join('\n')).toContain('[错误] 测试规则：表3 合计不等');
  });
});
