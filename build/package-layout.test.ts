import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildElectron } from '../scripts/build-electron';

// Packages the app with `electron-builder --dir` offline: Electron's zip cannot be downloaded here, so electronDist
// points at a stub folder holding a fake `electron` executable. The layout, the asar contents and the afterPack
// hook are real; only the Electron binary is not.
const repo = resolve(__dirname, '..');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(path: string, options?: object): string[]; extractFile(a: string, f: string): Buffer };
const electronVersion = (require('electron/package.json') as { version: string }).version;

/** What may be in app.asar: the two bundles, the renderer bundle, package.json. Nothing else. */
const ALLOWED = [/^\/package\.json$/, /^\/dist$/, /^\/dist\/electron$/, /^\/dist\/electron\/(main|preload)\.cjs$/, /^\/dist\/renderer(\/.*)?$/];
const REQUIRED = ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html'];
/** Size budget of app.asar: main+preload are ~0.8 MB, the renderer (React, AG Grid, exceljs, docx, templates) the rest. */
const ASAR_BUDGET_BYTES = 25 * 1024 * 1024;
const BUNDLES_BUDGET_BYTES = 2 * 1024 * 1024;

let work: string;
let project: string;
let out: string;
let log = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ysgk-pack-'));
  project = join(work, 'project');
  out = join(work, 'release');
  const stub = join(work, 'electron-stub');
  mkdirSync(join(stub, 'locales'), { recursive: true });
  writeFileSync(join(stub, 'electron'), '#!/bin/sh\necho "stub electron: packaging test only"\n');
  chmodSync(join(stub, 'electron'), 0o755);
  writeFileSync(join(stub, 'version'), `v${electronVersion}`);
  for (const locale of ['zh-CN', 'en-US', 'fr', 'ja']) writeFileSync(join(stub, 'locales', `${locale}.pak`), 'pak');

  // The project: the real package.json, builder config and build resources, fresh bundles, and decoys that must
  // stay out of the package (sources, templates folder, source maps, tests).
  mkdirSync(project);
  for (const file of ['package.json', 'electron-builder.config.cjs']) cpSync(join(repo, file), join(project, file));
  cpSync(join(repo, 'build'), join(project, 'build'), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(project, 'node_modules'), 'dir');
  await buildElectron(join(project, 'dist', 'electron'));
  const renderer = join(project, 'dist', 'renderer');
  if (existsSync(join(repo, 'dist', 'renderer', 'index.html'))) {
    cpSync(join(repo, 'dist', 'renderer'), renderer, { recursive: true });
  } else {
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
    writeFileSync(join(renderer, 'assets', 'index.js'), 'document.title = "预算公开编制助手";');
  }
  writeFileSync(join(renderer, 'assets', 'decoy.js.map'), '{}');
  writeFileSync(join(project, 'dist', 'electron', 'main.cjs.map'), '{}');
  cpSync(join(repo, 'electron', 'main.ts'), join(project, 'electron', 'main.ts'), { recursive: true });
  mkdirSync(join(project, 'templates'));
  writeFileSync(join(project, 'templates', 'x.json'), '{}');
  writeFileSync(join(project, 'README.md'), '# decoy');

  const script = `
    const { build, Platform, Arch } = require('electron-builder');
    const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper');
    const fs = require('fs');
    const config = require('./electron-builder.config.cjs');
    const ourHook = require('./build/after-pack.cjs').default;
    // Our afterPack hook, then what the deb/AppImage targets would install (they need tools downloaded at build
    // time): the desktop entry and the shared-mime-info XML.
    config.afterPack = async (context) => {
      await ourHook(context);
      const helper = new LinuxTargetHelper(context.packager);
      fs.writeFileSync(${JSON.stringify(join(out, 'desktop-entry.txt'))}, await helper.computeDesktopEntry(context.packager.platformSpecificBuildOptions));
      fs.copyFileSync(await helper.mimeTypeFiles, ${JSON.stringify(join(out, 'mime.xml'))});
    };
    build({
      projectDir: process.cwd(),
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      config: { ...config, electronDist: ${JSON.stringify(stub)}, electronVersion: ${JSON.stringify(electronVersion)},
        directories: { ...config.directories, output: ${JSON.stringify(out)} } },
    }).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  log = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`electron-builder failed:\n${log}`);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('packaged app (electron-builder --dir, stub Electron)', () => {
  const appDir = () => join(out, 'linux-unpacked');
  const asarPath = () => join(appDir(), 'resources', 'app.asar');

  it('produces the renamed executable, app.asar and only the chosen locales', () => {
    expect(existsSync(join(appDir(), 'budget-disclosure'))).toBe(true);
    expect(existsSync(asarPath())).toBe(true);
    expect(existsSync(join(appDir(), 'resources', 'app'))).toBe(false);
    expect(readdirSync(join(appDir(), 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });

  it('packs what runs and nothing more', () => {
    const entries = asar.listPackage(asarPath());
    for (const required of REQUIRED) expect(entries).toContain(required);
    const unexpected = entries.filter((e) => !ALLOWED.some((re) => re.test(e)));
    expect(unexpected).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.map') || e.endsWith('.ts') || e.includes('node_modules'))).toEqual([]);
  });

  it('ships a package.json that starts the bundled main and has no runtime dependencies', () => {
    const pkg = JSON.parse(asar.extractFile(asarPath(), 'package.json').toString('utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.devDependencies).toBeUndefined();
  });

  it('requires nothing at run time but Electron and Node built-ins', () => {
    for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs']) {
      const code = asar.extractFile(asarPath(), file).toString('utf8');
      const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
      expect(required.filter((r) => r !== 'electron' && !r.startsWith('node:')), file).toEqual([]);
    }
  });

  it('stays within the size budget', () => {
    expect(statSync(asarPath()).size).toBeLessThan(ASAR_BUDGET_BYTES);
    const bundles = ['main.cjs', 'preload.cjs'].reduce((sum, f) => sum + statSync(join(project, 'dist', 'electron', f)).size, 0);
    expect(bundles).toBeLessThan(BUNDLES_BUDGET_BYTES);
  });

  it('would install a Chinese desktop entry that opens .ysgk files, and their MIME type', () => {
    const entry = readFileSync(join(out, 'desktop-entry.txt'), 'utf8');
    expect(entry).toMatch(/^Name=预算公开编制助手$/m);
    expect(entry).toMatch(/^Name\[zh_CN\]=预算公开编制助手$/m);
    expect(entry).toMatch(/^Exec=.*budget-disclosure.* %U$/m);
    expect(entry).toMatch(/^MimeType=application\/x-ysgk;$/m);
    expect(entry).toMatch(/^Categories=Office;$/m);
    expect(entry).toMatch(/^StartupWMClass=budget-disclosure$/m);
    const mime = readFileSync(join(out, 'mime.xml'), 'utf8');
    expect(mime).toContain('<mime-type type="application/x-ysgk">');
    expect(mime).toContain('<glob pattern="*.ysgk"/>');
    expect(mime).toContain('<comment>预算公开文档</comment>');
  });

  it('ran the fuses hook, which skipped the stub binary and said why', () => {
    expect(log).toMatch(/\[fuses\] 跳过：.*budget-disclosure 不含 Electron 熔丝标记/);
  });
});
