import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../file/serialize';
import { mergedDocument, mergeUnitsOf, unitDocuments } from '../testing/merge-units';
import { snapshotsOf } from './merge-units';
import { isAbsolutePath, recordedUnitPath, recordUnitPathsInText, resolveUnitPath, withAbsoluteUnitFiles, withRecordedUnitFiles } from './unit-paths';

describe('unit paths a 部门 document records', () => {
  it('records a unit in, below or beside the document’s folder relative to it, with “/”', () => {
    const doc = '/home/财政局/2024/部门.ysgk';
    expect(recordedUnitPath(doc, '/home/财政局/2024/单位1.ysgk')).toBe('单位1.ysgk');
    expect(recordedUnitPath(doc, '/home/财政局/2024/各单位/教育/单位1.ysgk')).toBe('各单位/教育/单位1.ysgk');
    expect(recordedUnitPath(doc, '/home/财政局/各单位报送/单位1.ysgk')).toBe('../各单位报送/单位1.ysgk');
    expect(recordedUnitPath(doc, '/home/财政局/单位1.ysgk')).toBe('../单位1.ysgk');
  });

  it('keeps a unit absolute when moving the document’s folder would not move it', () => {
    const doc = '/home/财政局/2024/部门.ysgk';
    expect(recordedUnitPath(doc, '/home/下载/单位1.ysgk')).toBe('/home/下载/单位1.ysgk');
    expect(recordedUnitPath(doc, '/mnt/u/单位1.ysgk')).toBe('/mnt/u/单位1.ysgk');
    expect(recordedUnitPath('D:\\部门.ysgk', 'C:\\单位\\单位1.ysgk')).toBe('C:\\单位\\单位1.ysgk');
    expect(recordedUnitPath('C:\\部门.ysgk', '\\\\server\\share\\单位1.ysgk')).toBe('\\\\server\\share\\单位1.ysgk');
    // Already relative, or a document with no folder (the browser knows file names only): as given.
    expect(recordedUnitPath(doc, '单位1.ysgk')).toBe('单位1.ysgk');
    expect(recordedUnitPath('部门.ysgk', '/home/财政局/2024/单位1.ysgk')).toBe('/home/财政局/2024/单位1.ysgk');
  });

  it('reads Windows paths: drive letters and names without case, either separator, shares', () => {
    expect(recordedUnitPath('C:\\财政局\\2024\\部门.ysgk', 'c:\\财政局\\2024\\Units\\单位1.ysgk')).toBe('Units/单位1.ysgk');
    expect(recordedUnitPath('C:\\财政局\\2024\\部门.ysgk', 'C:/财政局/各单位/单位1.ysgk')).toBe('../各单位/单位1.ysgk');
    expect(recordedUnitPath('C:\\财政局\\2024\\部门.ysgk', 'C:\\财政局\\2024\\..\\2024\\单位1.ysgk')).toBe('单位1.ysgk');
    expect(recordedUnitPath('C:\\A\\B\\部门.ysgk', 'C:\\a\\b\\单位1.ysgk')).toBe('单位1.ysgk');
    expect(recordedUnitPath('\\\\Server\\Share\\县\\部门.ysgk', '\\\\server\\share\\县\\单位\\1.ysgk')).toBe('单位/1.ysgk');
    // POSIX names keep their case: another folder.
    expect(recordedUnitPath('/a/B/部门.ysgk', '/a/b/x/单位1.ysgk')).toBe('../b/x/单位1.ysgk');
  });

  it('resolves a recorded path against the document’s own path, in the document’s style', () => {
    expect(resolveUnitPath('/home/财政局/2024/部门.ysgk', '../各单位报送/单位1.ysgk')).toBe('/home/财政局/各单位报送/单位1.ysgk');
    expect(resolveUnitPath('C:\\财政局\\2024\\部门.ysgk', '各单位/单位1.ysgk')).toBe('C:\\财政局\\2024\\各单位\\单位1.ysgk');
    expect(resolveUnitPath('\\\\server\\share\\部门.ysgk', '../单位1.ysgk')).toBe('\\\\server\\share\\单位1.ysgk');
    expect(resolveUnitPath('/x/部门.ysgk', 'D:\\单位1.ysgk')).toBe('D:\\单位1.ysgk');
    expect(resolveUnitPath('部门.ysgk', '单位1.ysgk')).toBe('单位1.ysgk');
    expect([isAbsolutePath('C:\\a'), isAbsolutePath('/a'), isAbsolutePath('\\\\s\\x\\a'), isAbsolutePath('a/b'), isAbsolutePath('C:a')]).toEqual([true, true, true, false, false]);
  });

  it('recorded then resolved from a moved folder finds the unit where it moved with the folder', () => {
    const recorded = recordedUnitPath('C:\\旧\\县\\部门\\部门.ysgk', 'C:\\旧\\县\\单位\\单位1.ysgk');
    expect(resolveUnitPath('E:\\新\\县\\部门\\部门.ysgk', recorded)).toBe('E:\\新\\县\\单位\\单位1.ysgk');
  });
});

describe('recording unit paths when a 部门 document is saved', () => {
  const consolidated = (files: string[]) => {
    const doc = mergedDocument(mergeUnitsOf(unitDocuments()));
    snapshotsOf(doc).forEach((s, i) => (s.file = files[i]!));
    return doc;
  };

  it('makes the files absolute against where the document was read, without changing the open document', () => {
    const doc = consolidated(['单位1.ysgk', '/其他/单位2.ysgk', '../报送/单位3.ysgk']);
    const handed = withAbsoluteUnitFiles(doc, '/县/部门/部门.ysgk');
    expect(snapshotsOf(handed).map((s) => s.file)).toEqual(['/县/部门/单位1.ysgk', '/其他/单位2.ysgk', '/县/报送/单位3.ysgk']);
    expect(snapshotsOf(doc).map((s) => s.file)).toEqual(['单位1.ysgk', '/其他/单位2.ysgk', '../报送/单位3.ysgk']);
    expect(withAbsoluteUnitFiles(doc, null)).toBe(doc);
  });

  it('rewrites only the recorded files in the saved text, exactly as serializing the recorded document would', () => {
    const doc = consolidated(['/县/部门/单位1.ysgk', '/县/报送/单位"2".ysgk', 'D:\\单位3.ysgk']);
    const text = serializeDocument(doc);
    const saved = recordUnitPathsInText(text, '/县/部门/部门.ysgk');
    expect(saved).toBe(serializeDocument(withRecordedUnitFiles(doc, '/县/部门/部门.ysgk')));
    expect(snapshotsOf(JSON.parse(saved) as typeof doc).map((s) => s.file)).toEqual(['单位1.ysgk', '../报送/单位"2".ysgk', 'D:\\单位3.ysgk']);
    // Saved again where it is: nothing to change.
    expect(recordUnitPathsInText(saved, '/县/部门/部门.ysgk')).toBe(saved);
  });

  it('leaves a document that was not consolidated as it is', () => {
    const text = serializeDocument(unitDocuments([4])[0]!);
    expect(recordUnitPathsInText(text, '/县/部门.ysgk')).toBe(text);
  });
});
