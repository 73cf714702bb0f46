import { describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatcher';
import { coreHandlers } from './core-handlers';
import type { WorkerMessage } from './protocol';
import { createDocument } from '../document/create';
import { exportXlsx } from '../xlsx/export-xlsx';
import { getBuiltinTemplateSet } from '../template/registry';
import { docFor, setFor } from '../testing/builders';

async function run(kind: string, payload: unknown): Promise<WorkerMessage> {
  const sent: WorkerMessage[] = [];
  await createDispatcher(coreHandlers, (m) => sent.push(m)).handle({ type: 'request', id: 1, kind, payload });
  return sent[sent.length - 1]!;
}

describe('the set editor\'s worker jobs', () => {
  it('inferSet proposes a set from a blank workbook', async () => {
    const set = getBuiltinTemplateSet('sh-dept-2025-9')!;
    const bytes = await exportXlsx(createDocument(set, { unitName: '某某局', year: 2025 }), set);
    const result = await run('inferSet', { bytes, options: { id: 'from-blank' } });
    expect(result).toMatchObject({ type: 'result', ok: true, value: { ok: true, set: { id: 'from-blank', tables: expect.any(Array) } } });
  });

  it('trySet runs a set\'s rules over a document and answers counts and the first findings', async () => {
    const doc = docFor('xj-dept-2024-11');
    const row = doc.tables.t10!.rows.find((r) => r.id === 'abroad')!;
    row.values = { ...row.values, total: 500 };
    const result = await run('trySet', { json: JSON.stringify(doc), template: setFor('xj-dept-2024-11'), limit: 1 });
    if (result.type !== 'result' || !result.ok) throw new Error(JSON.stringify(result));
    const value = result.value as { errors: number; first: { message: string }[] };
    expect(value.errors).toBeGreaterThan(0);
    expect(value.first).toHaveLength(1);
    expect(value.first[0]!.message).toMatch(/表10/);
  });
});
