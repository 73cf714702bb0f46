/** The document file (*.ysgk): serialize and parse. */
export { FILE_EXTENSION, FORMAT_NAME, FORMAT_VERSION } from '../document/document';
export { serializeDocument, serializeDocumentBytes } from './serialize';
export { parseDocument, type ParseDocumentResult, type ParseOptions } from './parse';
export { MIGRATIONS, type Migration } from './migrations';
export { encodeUtf8, decodeUtf8 } from './utf8';
/** Short names: `parse(bytes | text)` and `serialize(doc)`. */
export { parseDocument as parse } from './parse';
export { serializeDocument as serialize } from './serialize';
