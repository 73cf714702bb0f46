import { describe, it, expect } from 'vitest';
import { describeIoError, ioErrorMessage } from './io-errors';

const err = (code: string) => Object.assign(new Error(`${code}: open '/tmp/.预算.ysgk.123.abcd.tmp'`), { code });

describe('io-errors: one Chinese wording per errno kind', () => {
  const kinds: [string, RegExp][] = [
    ['ENOSPC', /磁盘空间不足。请清理磁盘或另选保存位置。/],
    ['EACCES', /没有权限/],
    ['EPERM', /没有权限/],
    ['EBUSY', /正被其他程序占用。请关闭/],
    ['ENOENT', /不存在。请检查所在文件夹是否存在/],
    ['EROFS', /只读/],
    ['EISDIR', /是文件夹/],
    ['EREADONLY', /只读。请在文件属性中取消“只读”/],
    ['EEXIST', /已存在/],
    ['EMFILE', /打开的文件过多/],
    ['ENAMETOOLONG', /过长/],
    ['EFBIG', /文件过大/],
    ['ESOMETHING', /读写文件时出错。请稍后重试/],
  ];
  it.each(kinds)('%s names the user\'s file and says what to do, never the temp file or English', (code, wording) => {
    const message = ioErrorMessage('保存', '预算.ysgk', err(code));
    expect(message.startsWith('无法保存“预算.ysgk”：')).toBe(true);
    expect(message).toMatch(wording);
    // Product names (WPS, Excel, NTFS) are fine; the code, Node's English and the temp path are not.
    expect(message).not.toContain(code);
    expect(message).not.toMatch(/tmp|open|\berror\b/i);
  });

  it('each kind has its own wording', () => {
    const texts = new Set(['ENOSPC', 'EACCES', 'EBUSY', 'ENOENT', 'EROFS', 'EISDIR', 'EREADONLY', 'EEXIST', 'EMFILE', 'ENAMETOOLONG', 'EFBIG', 'X'].map((c) => describeIoError(err(c))));
    expect(texts.size).toBe(12);
  });

  it('reading gives reading advice; non-errors get the default wording', () => {
    expect(ioErrorMessage('打开', 'a.ysgk', err('ENOENT'))).toBe('无法打开“a.ysgk”：文件或文件夹不存在。请检查路径是否正确，文件是否已被移动或删除。');
    expect(describeIoError(null)).toBe('读写文件时出错。');
    expect(describeIoError('ENOSPC')).toBe('读写文件时出错。');
  });
});
