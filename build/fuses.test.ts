import { describe, it, expect, vi, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

interface Context {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName: string };
}
const require = createRequire(import.meta.url);
const fuses = require('./fuses.cjs') as {
  FUSES: Record<string, unknown>;
  FUSE_SENTINEL: string;
  applyFuses(c: Context, log?: (m: string) => void, flip?: (path: string, config: object) => Promise<number>): Promise<'flipped' | 'skipped'>;
  electronBinary(c: Context): string;
};
const hook = require('./after-pack.cjs') as { default: (c: Context) => Promise<void> };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ysgk-fuses-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const context = (platform: string, appOutDir = dir): Context => ({
  appOutDir,
  electronPlatformName: platform,
  arch: 1,
  packager: { appInfo: { productFilename: '预算公开编制助手' }, executableName: 'budget-disclosure' },
});

describe('Electron fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS and inspect; turns on asar integrity and asar-only loading', () => {
    expect(fuses.FUSES).toMatchObject({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('finds the packaged executable per platform', () => {
    expect(fuses.electronBinary(context('linux'))).toBe(join(dir, 'budget-disclosure'));
    expect(fuses.electronBinary(context('win32'))).toBe(join(dir, '预算公开编制助手.exe'));
    expect(fuses.electronBinary(context('darwin'))).toBe(join(dir, '预算公开编制助手.app'));
  });

  it('skips a binary without the fuse sentinel and logs the reason', async () => {
    writeFileSync(join(dir, 'budget-disclosure'), '#!/bin/sh\n');
    const log = vi.fn();
    const flip = vi.fn(async () => 0);
    expect(await fuses.applyFuses(context('linux'), log, flip)).toBe('skipped');
    expect(flip).not.toHaveBeenCalled();
    expect(log.mock.calls[0]![0]).toMatch(/跳过.*不含 Electron 熔丝标记/);
  });

  it('flips the fuses of a real-looking binary with exactly that configuration', async () => {
    writeFileSync(join(dir, '预算公开编制助手.exe'), `MZ....${fuses.FUSE_SENTINEL}\x01\x06101010`);
    const flip = vi.fn(async () => 0);
    expect(await fuses.applyFuses(context('win32'), () => undefined, flip)).toBe('flipped');
    expect(flip).toHaveBeenCalledWith(join(dir, '预算公开编制助手.exe'), expect.objectContaining(fuses.FUSES));
  });

  it('is wired as the afterPack hook of the builder config', async () => {
    const config = require('../electron-builder.config.cjs') as { afterPack: string };
    expect(config.afterPack).toBe('./build/after-pack.cjs');
    const spy = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await hook.default(context('linux', join(dir, 'missing')));
    expect(spy.mock.calls[0]![0]).toMatch(/跳过/);
    spy.mockRestore();
  });
});
