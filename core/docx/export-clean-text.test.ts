import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { createSampleDocument } from '../sample/sample-inputs';
import { getBuiltinTemplateSet } from '../template/registry';
import { DocumentSession } from '../session/session';
import { textEditsCommand } from '../commands/text-edits.command';
import type { BudgetDocument } from '../document/document';
import { exportDocx } from './export-docx';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;

/** Every XML part of a package, each checked by a strict XML 1.0 parser; returns the first error, or null. */
async function xmlErrors(bytes: Uint8Array): Promise<{ part: string; error: string }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: { part: string; error: string }[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const parser = new SaxesParser();
    let error: string | null = null;
    parser.on('error', (e) => {
      error ??= e.message;
    });
    parser.write(await zip.file(name)!.async('string')).close();
    if (error) out.push({ part: name, error });
  }
  return out;
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

/** The sample with project names as typed (through the same command the grid uses), p1 first. */
function withProjectName(...names: string[]): BudgetDocument {
  const session = new DocumentSession({ template, doc: createSampleDocument() });
  const edits = names.map((text, i) => ({ ref: { table: 't7', row: `p${i + 1}`, col: 'name' }, text }));
  const r = textEditsCommand(session.doc, template, edits, '编辑');
  if (!r.ok) throw new Error(r.message);
  if (r.command) session.execute(r.command);
  return session.doc;
}

describe('docx: texts XML cannot carry', () => {
  it('a VT in a project name gives a well-formed document.xml with a manual line break there', async () => {
    const bytes = await exportDocx(withProjectName('城乡居民\u000b基本医疗保险'), template);
    expect(await xmlErrors(bytes)).toEqual([]);
    expect(await documentXml(bytes)).toContain('城乡居民</w:t><w:br/><w:t xml:space="preserve">基本医疗保险');
  });

  it('a VT that reached the document without a command (the last defence) still gives well-formed XML', async () => {
    const doc = createSampleDocument();
    doc.tables.t7.rows.find((r) => r.id === 'p1')!.name = '城乡居民\u000b基本医疗保险\u0001';
    doc.meta.unitName = '若羌县\ufffe医疗保障局\uffff';
    doc.inputs['overview.duties'] = ['负责\u000b医疗保障\u0008工作'];
    const bytes = await exportDocx(doc, template);
    expect(await xmlErrors(bytes)).toEqual([]);
    const xml = await documentXml(bytes);
    expect(xml).toContain('若羌县医疗保障局');
    expect(xml).toContain('城乡居民</w:t><w:br/><w:t xml:space="preserve">基本医疗保险');
    expect(doc.meta.unitName).toBe('若羌县\ufffe医疗保障局\uffff'); // the caller's document is not touched
  });

  it('property: any string of code points below 0x20 and U+FFFE/U+FFFF typed as a name exports to well-formed XML', async () => {
    const hostile = fc.string({
      unit: fc.oneof(fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), fc.constantFrom('\ufffe', '\uffff', '项', 'a', '&', '<')),
      minLength: 1, maxLength: 30,
    });
    await fc.assert(
      // Five names per export (the sample has five projects): each run costs one whole export.
      fc.asyncProperty(fc.array(hostile, { minLength: 5, maxLength: 5 }), async (names) => {
        const bytes = await exportDocx(withProjectName(...names), template);
        expect(await xmlErrors(bytes)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  }, 180_000); // eight whole exports: generous for a loaded machine, not a timing assertion
});
