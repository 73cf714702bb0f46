import { describe, it, expect } from 'vitest';
import { resolve } from 'node:path';
import { fileFromArgv } from './command-line';

describe('fileFromArgv', () => {
  it('finds a double-clicked document in a packaged launch', () => {
    expect(fileFromArgv(['/opt/app/budget-disclosure', '/home/u/预算.ysgk'], { isPackaged: true, cwd: '/' })).toBe('/home/u/预算.ysgk');
  });

  it('skips the app folder of an unpackaged launch and Chromium switches', () => {
    const argv = ['/x/electron', '.', '--allow-file-access-from-files', '--original-process-start-time=1', '/d/a.YSGK'];
    expect(fileFromArgv(argv, { isPackaged: false, cwd: '/' })).toBe('/d/a.YSGK');
  });

  it('resolves relative paths against the launching folder', () => {
    expect(fileFromArgv(['/x/app', 'docs/b.ysgk'], { isPackaged: true, cwd: '/home/u' })).toBe(resolve('/home/u', 'docs/b.ysgk'));
  });

  it('accepts file:// URLs from Linux file managers, decoding Chinese names', () => {
    const url = 'file:///home/u/%E9%A2%84%E7%AE%97%202024.ysgk';
    expect(fileFromArgv(['/opt/app/budget-disclosure', url], { isPackaged: true, cwd: '/' })).toBe('/home/u/预算 2024.ysgk');
  });

  it('ignores remote URLs and file URLs of other hosts', () => {
    for (const arg of ['http://evil.example/a.ysgk', 'smb://server/share/a.ysgk', 'file://server/share/a.ysgk']) {
      expect(fileFromArgv(['/x/app', arg], { isPackaged: true, cwd: '/' }), arg).toBeNull();
    }
  });

  it('ignores other files and bare launches', () => {
    expect(fileFromArgv(['/x/app'], { isPackaged: true, cwd: '/' })).toBeNull();
    expect(fileFromArgv(['/x/app', '/tmp/evil.exe', '/tmp/x.html'], { isPackaged: true, cwd: '/' })).toBeNull();
    expect(fileFromArgv(['/x/electron', 'a.ysgk'], { isPackaged: false, cwd: '/' })).toBeNull();
  });
});
