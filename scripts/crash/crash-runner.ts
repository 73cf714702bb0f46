import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleChild, runAndKill } from '../../node/testing/child-process';
import { largeDocumentJson } from '../../node/testing/large-document';
import { createBackupStore } from '../../node/backup-store';
import { acquireLock, lockPathFor, readLock } from '../../node/lock-file';

/**
 * SIGKILL at random moments during every disk operation that keeps a user's work: document saves, two-file
 * exports, the per-user history and the document lock. After each kill the disk must hold complete files only:
 * the target is exactly one of the two versions, every listed history version reads back whole, and the lock of a
 * killed holder never blocks the next open.
 */
export type Scenario = 'save' | 'batch' | 'backup' | 'lock';
export const SCENARIOS: readonly Scenario[] = ['save', 'batch', 'backup', 'lock'];

export interface CrashReport {
  trials: number;
  failures: { trial: number; scenario: Scenario; problem: string }[];
  byScenario: Record<Scenario, { trials: number; outcomes: Record<string, number> }>;
  seconds: number;
  loadAverage: number[];
}

export async function runCrashTest(count: number, onProgress?: (done: number) => void): Promise<CrashReport> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'ysgk-crash-'));
  try {
    const child = await bundleChild('crash-child', dir);
    const docs = [largeDocumentJson(5_000, 1), largeDocumentJson(5_000, 2)];
    const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];
    writeFileSync(a, docs[0]!);
    writeFileSync(b, docs[1]!);
    const work = join(dir, '共享');
    const report: CrashReport = {
      trials: 0,
      failures: [],
      byScenario: Object.fromEntries(SCENARIOS.map((s) => [s, { trials: 0, outcomes: {} }])) as CrashReport['byScenario'],
      seconds: 0,
      loadAverage: [],
    };
    const versionOf = (text: string): string => (text === docs[0] ? 'A' : text === docs[1] ? 'B' : `损坏（${text.length} 字符）`);
    const seedFiles = (): void => {
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work);
      writeFileSync(join(work, '预算.ysgk'), docs[0]!);
    };
    seedFiles();
    for (let trial = 0; trial < count; trial += 1) {
      const scenario = SCENARIOS[trial % SCENARIOS.length]!;
      const target = join(work, '预算.ysgk');
      const store = join(work, 'backups');
      const args =
        scenario === 'save'
          ? [target, a, b]
          : scenario === 'batch'
            ? [join(work, '导出.xlsx'), join(work, '导出.docx'), a, b]
            : scenario === 'backup'
              ? [store, target, a, b]
              : [target];
      // Kills spread over start-up, mid-write, mid-fsync, mid-rename and mid-prune.
      await runAndKill(child, [scenario, ...args], Math.floor(Math.random() * 60));
      const problems: string[] = [];
      let outcome = '';
      if (scenario === 'save') {
        outcome = versionOf(readFileSync(target, 'utf8'));
        if (existsSync(`${target}.bak`) && versionOf(readFileSync(`${target}.bak`, 'utf8')).startsWith('损坏')) problems.push('.bak 不完整');
      } else if (scenario === 'batch') {
        const states = ['导出.xlsx', '导出.docx'].map((n) => (existsSync(join(work, n)) ? versionOf(readFileSync(join(work, n), 'utf8')) : '无'));
        outcome = states.join('+');
      } else if (scenario === 'backup') {
        const backups = createBackupStore(store);
        const list = await backups.list(target);
        outcome = list.length > 10 ? '超过 10 个版本（被中断的保存尚未清理）' : `${list.length} 个版本`;
        for (const entry of list) {
          const text = new TextDecoder().decode(await backups.read(entry.id));
          if (versionOf(text).startsWith('损坏')) problems.push(`历史版本 ${entry.id} 不完整`);
        }
        // A killed add may leave extra versions; the next completed save prunes back to 10.
        await backups.add(target, new TextEncoder().encode(docs[0]!));
        const after = (await backups.list(target)).length;
        if (after > 10) problems.push(`完整保存一次后仍有 ${after} 个历史版本`);
      } else {
        // The killed holder's lock is stale at once (same machine, dead pid): nobody is blocked.
        const left = existsSync(lockPathFor(target));
        outcome = left ? '锁文件残留（已失效）' : '无锁文件';
        if (await readLock(target)) problems.push('进程已结束，锁仍被视为有效');
        const again = await acquireLock(target);
        if (!again.ok) problems.push(`无法重新获得锁（${again.heldBy.holder}）`);
        else await again.lock.release();
      }
      if (outcome.includes('损坏')) problems.push(`文件不完整：${outcome}`);
      for (const problem of problems) report.failures.push({ trial, scenario, problem });
      const s = report.byScenario[scenario];
      s.trials += 1;
      s.outcomes[outcome] = (s.outcomes[outcome] ?? 0) + 1;
      report.trials += 1;
      // Leftover temp files are our own hidden ones; no second visible copy may appear beside the document.
      const visible = readdirSync(work).filter((n) => !n.startsWith('.'));
      const unexpected = visible.filter((n) => !['预算.ysgk', '预算.ysgk.bak', '导出.xlsx', '导出.xlsx.bak', '导出.docx', '导出.docx.bak', 'backups'].includes(n));
      if (unexpected.length > 0) report.failures.push({ trial, scenario, problem: `多出文件：${unexpected.join('、')}` });
      // Removed once reported, so each leftover is blamed on the kill that made it.
      for (const n of unexpected) rmSync(join(work, n), { recursive: true, force: true });
      onProgress?.(trial + 1);
    }
    report.seconds = Math.round((Date.now() - started) / 1000);
    report.loadAverage = loadavg().map((x) => Math.round(x * 100) / 100);
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

