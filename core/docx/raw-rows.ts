import JSZip from 'jszip';
import { isXmlSafe, stripXmlUnsafe } from '../document/clean-text';

/**
 * Table body rows as WordprocessingML strings, exactly what the docx library writes for a row of styled cells
 * (w:tr > w:trPr/w:cantSplit, w:tc > w:tcW + w:p with w:pStyle), but three orders of magnitude faster: the 10,000-row
 * document would otherwise spend most of its export building and serialising objects.
 */

export interface RawCell {
  text: string;
  /** Paragraph style id (Tbl<size><L|C|R>). */
  style: string;
  bold: boolean;
  width: number;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rawRow(cells: readonly RawCell[]): string {
  let xml = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
  for (const c of cells) {
    xml += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${c.width}"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="${c.style}"/></w:pPr>`;
    if (c.text) {
      xml += c.bold ? '<w:r><w:rPr><w:b/><w:bCs/></w:rPr>' : '<w:r>';
      // A line break in a cell (a VT from Word, cleaned to LF) is a manual break, as Word writes one.
      xml += `<w:t xml:space="preserve">${escapeXml(c.text).split('\n').join('</w:t><w:br/><w:t xml:space="preserve">')}</w:t></w:r>`;
    }
    xml += '</w:p></w:tc>';
  }
  return `${xml}</w:tr>`;
}

/** The text of the placeholder row (or paragraph, element 'p', in document order with the rows) that stands for a table's body until it is replaced. */
export const bodyMarker = (tableId: string) => `@@BODY-ROWS-${tableId}@@`;

/**
 * Replaces each marker row of word/document.xml by its body rows, then removes from every XML part any character
 * XML 1.0 cannot carry: the last defence after the document's texts were cleaned, for what came from elsewhere (a
 * bureau's template wording), so that Word always opens the file.
 */
export async function injectRawBodies(bytes: Uint8Array, bodies: readonly { marker: string; xml: string; element?: 'tr' | 'p' }[], stylesPatch?: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (name === 'word/document.xml' || !/\.(xml|rels)$/.test(name)) continue;
    const original = await zip.file(name)!.async('string');
    let xml = name === 'word/styles.xml' && stylesPatch ? stylesPatch(original) : original;
    if (!isXmlSafe(xml)) xml = stripXmlUnsafe(xml);
    if (xml !== original) zip.file(name, xml);
  }
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('word/document.xml missing');
  let doc = await file.async('string');
  const parts: string[] = [];
  for (const { marker, xml, element = 'tr' } of bodies) {
    const at = doc.indexOf(marker);
    if (at < 0) throw new Error(`表格占位行 ${marker} 未找到`);
    const start = doc.lastIndexOf(`<w:${element}>`, at);
    const end = doc.indexOf(`</w:${element}>`, at) + `</w:${element}>`.length;
    // A paragraph that ends a section carries its sectPr: it moves to the last replacing paragraph.
    const sect = element === 'p' ? /<w:sectPr[\s\S]*<\/w:sectPr>/.exec(doc.slice(start, end))?.[0] : undefined;
    const at2 = sect ? xml.lastIndexOf('</w:pPr>') : -1;
    const replaced = !sect ? xml : at2 >= 0 ? xml.slice(0, at2) + sect + xml.slice(at2) : `${xml}<w:p><w:pPr>${sect}</w:pPr></w:p>`;
    parts.push(doc.slice(0, start), replaced);
    doc = doc.slice(end);
  }
  parts.push(doc);
  const xml = parts.join('');
  zip.file('word/document.xml', isXmlSafe(xml) ? xml : stripXmlUnsafe(xml));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
