import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

// The installer settings that cannot be exercised here (no NSIS run, no Windows, no ARM machine) are pinned by
// value so that a change to them is deliberate.
const repo = resolve(__dirname, '..');
const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const config = require('../electron-builder.config.cjs') as any;
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));

type Target = { target: string; arch: string[] };

describe('electron-builder configuration', () => {
  it('installs per user on Windows, in Chinese, without elevation', () => {
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, installerLanguages: ['zh_CN'], unicode: true });
    expect(config.nsis.createDesktopShortcut).toBeTruthy();
    expect(config.nsis.createStartMenuShortcut).toBe(true);
    expect(config.win.requestedExecutionLevel).toBe('asInvoker');
    expect(config.portable.requestExecutionLevel).toBe('user');
    expect(config.win.target as Target[]).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
  });

  it('builds deb and AppImage for x64 and arm64 with a Chinese desktop entry', () => {
    expect(config.linux.target as Target[]).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux.desktop.entry).toMatchObject({ Name: '预算公开编制助手', 'Name[zh_CN]': '预算公开编制助手' });
    expect(config.linux.category).toBe('Office');
    expect(config.executableName).toMatch(/^[a-z-]+$/); // ASCII binary name for shells and .desktop Exec
  });

  it('associates .ysgk documents with their own icon and MIME type', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'ysgk', mimeType: 'application/x-ysgk', icon: 'file-icon', description: '预算公开文档' }),
    ]);
  });

  it('has every icon it names', () => {
    for (const file of ['build/icon.ico', 'build/file-icon.ico', 'build/icons/256x256.png', 'build/icons/512x512.png', 'build/icon.png']) {
      expect(existsSync(join(repo, file)), file).toBe(true);
    }
    const ico = readFileSync(join(repo, 'build/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // ICO type
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5); // 16…256 px
  });

  it('packages the bundles only and keeps runtime dependencies empty', () => {
    expect(config.files).toEqual(['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/**/*', '!**/*.map']);
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
  });
});
