import JSZip from 'jszip';
import { unzipSync } from 'fflate';
import { readCentralDirectory } from '../../core/xlsx/zip/central-directory';
import { rawZip, zerosDeflateStream, type RawEntry } from '../../core/xlsx/zip/hostile-zips';
import { mutateJsonText } from './mutate-json';
import type { Random } from './random';

/**
 * Workbook-aware mutations: unzip the .xlsx, damage one part the way broken generators, hand-edited XML or hostile
 * files do, zip it again. Reaches past the zip reader into exceljs's XML parsing and our sheet reader.
 */
const XML_MUTATIONS: Record<string, (xml: string, rnd: Random) => string> = {
  truncate: (xml, rnd) => xml.slice(0, rnd.int(xml.length)),
  numbersToText: (xml, rnd) => xml.replace(/<v>([^<]*)<\/v>/g, (m, v) => (rnd.next() < 0.3 ? `<v>${rnd.pick(['abc', '', '1e999', '-0', 'NaN', '１２', String(v) + 'x'])}</v>` : m)),
  hugeNumbers: (xml, rnd) => xml.replace(/<v>(\d+(\.\d+)?)<\/v>/g, (m) => (rnd.next() < 0.3 ? `<v>${rnd.pick(['1e308', '99999999999999999999', '-1e21', '0.000000001'])}</v>` : m)),
  farCellRefs: (xml, rnd) => xml.replace(/r="([A-Z]+)(\d+)"/g, (m) => (rnd.next() < 0.05 ? `r="${rnd.pick(['XFD1048576', 'A1048576', 'ZZZZ1', 'A0', 'A-1', '1A'])}"` : m)),
  dropElements: (xml, rnd) => xml.replace(/<(c|row|si|sheet|mergeCell)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/g, (m) => (rnd.next() < 0.1 ? '' : m)),
  entityExpansion: (xml) =>
    xml.replace(/^(<\?xml[^>]*\?>)?/, (head) => `${head ?? ''}<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>`),
  externalEntity: (xml) => xml.replace(/^(<\?xml[^>]*\?>)?/, (head) => `${head ?? ''}<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>`),
  badMerges: (xml, rnd) => xml.replace('</worksheet>', `<mergeCells count="1"><mergeCell ref="${rnd.pick(['B2:A1', 'A1:A1', 'ZZ:1', 'A1:C3'])}"/></mergeCells></worksheet>`),
  // A merge over the whole sheet: one short XML element, 17 billion cells for a reader that expands merges.
  giantMerge: (xml, rnd) => xml.replace('</worksheet>', `<mergeCells count="1"><mergeCell ref="${rnd.pick(['A1:XFD1048576', 'A1:ZZ100000', 'A1:A1048576'])}"/></mergeCells></worksheet>`),
  longStrings: (xml, rnd) => xml.replace(/<t([^>]*)>([^<]*)<\/t>/g, (m, attrs) => (rnd.next() < 0.1 ? `<t${attrs}>${'长'.repeat(1 + rnd.int(40_000))}</t>` : m)),
  controlChars: (xml, rnd) => xml.replace(/<t([^>]*)>([^<]*)<\/t>/g, (m, attrs, t) => (rnd.next() < 0.2 ? `<t${attrs}>${t}&#1;&#xFFFE;\u202e</t>` : m)),
  // VT (Word's manual line break), Excel's _x000B_ escape, a character reference XML forbids, the non-characters.
  verticalTab: (xml, rnd) => xml.replace(/<t([^>]*)>([^<]*)<\/t>/g, (m, attrs, t) => (rnd.next() < 0.3 ? `<t${attrs}>${t}${rnd.pick(['\u000b', '_x000B_', '&#11;', '&#xB;', '\uFFFE', '\uFFFF', '_xFFFF_', '&#xFFFF;'])}尾</t>` : m)),
  formulasWithoutValues: (xml, rnd) => xml.replace(/<c ([^>]*)><v>([^<]*)<\/v><\/c>/g, (m, attrs) => (rnd.next() < 0.1 ? `<c ${attrs}><f>SUM(A1:A2)</f></c>` : m)),
  sharedStringIndex: (xml, rnd) => xml.replace(/(<c [^>]*t="s"[^>]*><v>)(\d+)(<\/v>)/g, (m, a, _v, c) => (rnd.next() < 0.1 ? `${a}${rnd.pick(['999999', '-1', '1.5'])}${c}` : m)),
};

export async function mutateWorkbook(bytes: Uint8Array, rnd: Random, skip: readonly string[] = []): Promise<{ bytes: Uint8Array; labels: string[] }> {
  const mutations = Object.keys(XML_MUTATIONS).filter((m) => !skip.includes(m));
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const labels: string[] = [];
  for (let round = 1 + rnd.int(3); round > 0; round -= 1) {
    const xmlNames = names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    const choice = rnd.int(10);
    if (choice === 0 && names.length > 0) {
      const victim = rnd.pick(names);
      zip.remove(victim);
      labels.push(`remove:${victim}`);
    } else if (choice === 1) {
      zip.file(rnd.pick(['xl/worksheets/sheet99.xml', '../../evil.xml', 'xl/media/big.bin']), '<x/>'.repeat(rnd.int(1000)));
      labels.push('addPart');
    } else if (xmlNames.length > 0) {
      const part = rnd.pick(xmlNames.filter((n) => n.includes('sheet') || n.includes('sharedStrings')).concat(xmlNames));
      const mutation = rnd.pick(mutations);
      const file = zip.file(part);
      if (!file) continue;
      zip.file(part, XML_MUTATIONS[mutation]!(await file.async('string'), rnd));
      labels.push(`${mutation}:${part}`);
    }
  }
  const out = await zip.generateAsync({ type: 'uint8array', compression: rnd.next() < 0.5 ? 'DEFLATE' : 'STORE' });
  return { bytes: out, labels };
}

/**
 * Zip headers that lie: the sizes in the central directory and local headers say something else than the data.
 * Only counting the inflated bytes protects against this; a declared size is never to be trusted.
 */
export function lieAboutSizes(bytes: Uint8Array, rnd: Random): { bytes: Uint8Array; labels: string[] } {
  const cd = readCentralDirectory(bytes, 10_000);
  if (!cd.ok || cd.entries.length === 0) return { bytes, labels: ['lieAboutSizes:none'] };
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const entry = rnd.pick(cd.entries);
  const field = rnd.pick(['size', 'compressed'] as const);
  const value = rnd.pick([0, 1, 1024, 0x7fffffff, 0xfffffffe, entry.compressedSize + 1 + rnd.int(100)]);
  // Central directory record of the entry: found by its local header offset.
  for (let p = out.length - 46; p >= 0; p--) {
    if (view.getUint32(p, true) === 0x02014b50 && view.getUint32(p + 42, true) === entry.localHeaderOffset) {
      view.setUint32(p + (field === 'size' ? 24 : 20), value, true);
      break;
    }
  }
  if (entry.localHeaderOffset + 30 <= out.length) view.setUint32(entry.localHeaderOffset + (field === 'size' ? 22 : 18), value, true);
  return { bytes: out, labels: [`lieAboutSizes:${field}=${value}:${entry.name}`] };
}

let bombStream: Uint8Array | undefined;

/** One sheet (or any part) replaced by a deflate stream of zeros that inflates to ~1 GB while declaring 1 KB. */
export function bombPart(bytes: Uint8Array, rnd: Random): { bytes: Uint8Array; labels: string[] } {
  bombStream ??= zerosDeflateStream(1024 * 1024);
  const files = unzipSync(bytes);
  const names = Object.keys(files);
  const sheets = names.filter((n) => /sheet\d*\.xml$|sharedStrings/.test(n));
  const victim = rnd.pick(sheets.length > 0 ? sheets : names);
  const entries: RawEntry[] = names.map((name) =>
    name === victim
      ? { name, data: bombStream!, method: 8, declaredSize: rnd.pick([0, 1024, files[name]!.length]) }
      : { name, data: files[name]!, method: 0, declaredSize: files[name]!.length },
  );
  return { bytes: rawZip(entries), labels: [`bombPart:${victim}`] };
}

/** The marker a data-sheet seed holds in place of its JSON (see seeds.ts). */
export const DATA_MARKER = '@@fuzz-data-sheet@@';

/**
 * A hostile hidden data sheet (our own exports carry one, so any workbook may claim to): the payload of our own
 * export with wrong types, deep nesting, odd characters, or not JSON at all, written where the marker is.
 */
export async function mutateDataSheet(template: Uint8Array, payloadJson: string, rnd: Random): Promise<{ bytes: Uint8Array; labels: string[] }> {
  const zip = await JSZip.loadAsync(template);
  let json: string;
  let labels: string[];
  if (rnd.next() < 0.1) {
    json = rnd.pick(['', '{', 'null', '[]', '"text"', payloadJson.slice(0, rnd.int(payloadJson.length))]);
    labels = ['dataSheet:notJson'];
  } else {
    const mutated = mutateJsonText(payloadJson, rnd, 1 + rnd.int(3));
    json = mutated.text;
    labels = mutated.labels.map((l) => `dataSheet:${l}`);
  }
  const escaped = json.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (!file || !name.endsWith('.xml')) continue;
    const xml = await file.async('string');
    if (xml.includes(DATA_MARKER)) zip.file(name, xml.split(DATA_MARKER).join(escaped));
  }
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), labels };
}
