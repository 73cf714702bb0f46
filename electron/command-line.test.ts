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

  it('ignores other files and bare launches', () => {
    expect(fileFromArgv(['/x/app'], { isPackaged: true, cwd: '/' })).toBeNull();
    expect(fileFromArgv(['/x/app', '/tmp/evil.exe', '/tmp/x.html'], { isPackaged: true, cwd: '/' })).toBeNull();
    expect(fileFromArgv(['/x/electron', 'a.ysgk'], { isPackaged: false, cwd: '/' })).toBeNull();
  });
});
