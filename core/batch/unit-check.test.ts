import { describe, expect, it } from 'vitest';
import { checkDocument } from '../checks/check-document';
import { serializeDocumentBytes } from '../file/serialize';
import { setFor } from '../testing/builders';
import { BUILTIN_SETS, randomDocument } from '../text/random-doc.testutil';
import { checkUnitFile } from './unit-check';

describe('one unit of a batch', () => {
  it.each(BUILTIN_SETS)('summarises random %s documents read from their files', async (setId) => {
    for (let seed = 1; seed <= 4; seed++) {
      const doc = randomDocument(setId, seed);
      const r = await checkUnitFile(`u${seed}.ysgk`, serializeDocumentBytes(doc));
      if (!r.ok) throw new Error(r.reason);
      const findings = checkDocument(doc, setFor(setId));
      expect(r.summary.errors).toBe(findings.filter((f) => f.severity === 'error').length);
      expect(r.summary.warnings).toBe(findings.length - r.summary.errors);
      expect(r.summary.findings).toHaveLength(findings.length);
      expect(r.summary.templateId).toBe(setId);
      expect(r.summary.total).toBeGreaterThan(0);
      // Everything here is 一般公共预算 money: the 财政拨款 total is part of the whole.
      expect(r.summary.fiscal).toBeGreaterThan(0);
      expect(r.summary.fiscal).toBeLessThanOrEqual(r.summary.total);
      expect(r.summary.firstError === '').toBe(r.summary.errors === 0);
    }
  });

  it('says why a file cannot be read, never throws', async () => {
    const r = await checkUnitFile('坏.ysgk', new TextEncoder().encode('{"format":'));
    expect(r.ok).toBe(false);
    const x = await checkUnitFile('坏.xlsx', new TextEncoder().encode('not a zip'));
    expect(x.ok).toBe(false);
    if (!x.ok) expect(x.reason).toMatch(/[\u4e00-\u9fa5]/);
  });
});
