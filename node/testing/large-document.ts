/**
 * A large, realistic-shaped document (10,000 coded rows) as JSON text, for the kill test and the fuzzer's seeds.
 * Only the shape matters here (no template is consulted); `variant` changes every amount so two variants differ.
 */
export function largeDocumentJson(rows = 10_000, variant = 0): string {
  const tableRows = [];
  for (let i = 0; i < rows; i += 1) {
    const code = String(2_010_101 + i);
    tableRows.push({
      id: code,
      code,
      name: `项目支出第${i + 1}项（测试）`,
      values: { total: (i + 1) * 100 + variant, basic: (i + 1) * 60 + variant, project: (i + 1) * 40 },
    });
  }
  return JSON.stringify({
    format: 'budget-disclosure',
    version: 1,
    meta: {
      unitName: '测试县财政局',
      compiler: '测试县财政局',
      entityKind: '部门',
      year: 2024,
      templateId: 'xj-dept-2024-11',
      amountUnit: '万元',
      date: '2024-02-01',
    },
    tables: { t3: { rows: tableRows } },
    inputs: { 'overview.duties': `变体${variant}` },
    priorYear: {},
  });
}
