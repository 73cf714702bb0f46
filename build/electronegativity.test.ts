import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildElectron } from '../scripts/build-electron';

// Runs Electronegativity over the built output (main and preload bundles, renderer bundle, package.json). The CLI
// exits 0 whatever it finds and its CSV writer races its own header, so the scan runs through the package's API in a
// child process that writes a JSON report; this test reads that report and fails on every HIGH or MEDIUM finding not
// justified in build/electronegativity-allowlist.json.
const repo = resolve(__dirname, '..');

interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  sample: string;
}
interface Report {
  files: number;
  errors: { file: string; message: string }[];
  issues: Finding[];
}
interface AllowList {
  excludedChecks: { check: string; reason: string }[];
  findings: { check: string; file: string; reason: string }[];
}
const allow = JSON.parse(readFileSync(join(__dirname, 'electronegativity-allowlist.json'), 'utf8')) as AllowList;

const SCANNER = `
  const run = require('@doyensec/electronegativity');
  const [input, output, exclude] = process.argv.slice(1);
  run({ input, isRelative: true, customScan: [], excludeFromScan: exclude ? exclude.toLowerCase().split(',') : [], parserPlugins: [] }, false)
    .then((r) => {
      const issues = r.issues.map((i) => ({ id: i.id, severity: i.severity.name, confidence: i.confidence.name,
        file: i.file, line: i.location ? i.location.line : 0, sample: String(i.sample || '').slice(0, 200) }));
      const errors = r.errors.map((e) => ({ file: String(e.file), message: String(e.message || e.error || e) }));
      require('fs').writeFileSync(output, JSON.stringify({ files: r.atomicChecks, errors, issues }));
    }, (e) => { console.error(e); process.exit(1); });`;

function scan(input: string, output: string): Promise<Report> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-e', SCANNER, input, output, allow.excludedChecks.map((c) => c.check).join(',')], {
      cwd: repo,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`electronegativity failed:\n${stderr}`));
      else resolvePromise(JSON.parse(readFileSync(output, 'utf8')) as Report);
    });
  });
}

let work: string;
let report: Report;
let control: Report;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ysgk-eneg-'));
  const app = join(work, 'app');
  // Electronegativity only reads .js/.html/.json files: the .cjs bundles are scanned under .js names.
  const built = await buildElectron(join(work, 'bundles'));
  mkdirSync(join(app, 'dist', 'electron'), { recursive: true });
  copyFileSync(built.main, join(app, 'dist', 'electron', 'main.js'));
  copyFileSync(built.preload, join(app, 'dist', 'electron', 'preload.js'));
  copyFileSync(join(repo, 'package.json'), join(app, 'package.json'));
  const vite = spawnSync(process.execPath, [join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', join(work, 'renderer'), '--emptyOutDir', '--logLevel', 'error'], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (vite.status !== 0) throw new Error(`renderer build failed, cannot scan it:\n${vite.stderr}`);
  cpSync(join(work, 'renderer'), join(app, 'dist', 'renderer'), { recursive: true });

  // A deliberately insecure main process: proves the scan really reads our files and reports what matters.
  const bad = join(work, 'control');
  mkdirSync(bad);
  writeFileSync(
    join(bad, 'main.js'),
    `const { BrowserWindow } = require('electron');
     const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false, sandbox: false } });
     w.loadURL('http://example.com/');`,
  );
  [report, control] = await Promise.all([scan(app, join(work, 'report.json')), scan(bad, join(work, 'control.json'))]);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const serious = (r: Report) => r.issues.filter((i) => i.severity === 'HIGH' || i.severity === 'MEDIUM');

describe('Electronegativity over the built app', () => {
  it('detects real problems (control scan of an insecure main process)', () => {
    const ids = new Set(serious(control).map((i) => i.id));
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']) expect(ids, id).toContain(id);
  });

  it('parsed our bundles (no parse errors, so no check was silently skipped)', () => {
    expect(report.errors.filter((e) => /dist[\\/]electron/.test(e.file))).toEqual([]);
    // These global checks fire when no navigation limit / permission handler is found anywhere.
    const ids = report.issues.map((i) => i.id);
    expect(ids).not.toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
    expect(ids).not.toContain('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK');
  });

  it('has no HIGH or MEDIUM finding outside the reviewed allow-list', () => {
    const unjustified = serious(report).filter(
      (i) => !allow.findings.some((a) => a.check === i.id && new RegExp(a.file).test(i.file.replace(/\\/g, '/'))),
    );
    expect(unjustified.map((i) => `${i.severity} ${i.id} ${i.file}:${i.line} ${i.sample.slice(0, 80)}`)).toEqual([]);
  });

  it('finds nothing at all in the main and preload bundles except reviewed, low-severity notes', () => {
    const ours = report.issues.filter((i) => /^dist\/electron\//.test(i.file.replace(/\\/g, '/')));
    expect(ours.filter((i) => i.severity === 'HIGH' || i.severity === 'MEDIUM')).toEqual([]);
  });

  it('gives a reason for every allow-list entry', () => {
    for (const entry of [...allow.findings, ...allow.excludedChecks]) expect(entry.reason.length).toBeGreaterThan(40);
  });
});
