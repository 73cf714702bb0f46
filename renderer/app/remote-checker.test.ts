import { describe, expect, it, vi } from 'vitest';
import { emptyChangeSet } from '../../core/commands/command';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import type { Finding } from '../../core/rules/finding';
import type { RunOutcome } from '../../core/worker/protocol';
import type { FindingsDelta } from '../../core/worker/session-sync';
import { RemoteChecker, type CheckerClient, type CheckerState } from './remote-checker';

const f = (id: string): Finding => ({ id, rule: 'r', ruleName: 'r', severity: 'error', scope: '表内', message: id, cells: [] });

/** A worker that answers from a script; a failure answer makes the checker send the whole document again. */
function fakeClient(answers: RunOutcome<FindingsDelta>[]) {
  const kinds: string[] = [];
  const client: CheckerClient = {
    run: (kind) => {
      kinds.push(kind);
      return Promise.resolve(answers.shift() ?? { ok: true, value: { reset: false, added: [], order: null, textStale: false } }) as never;
    },
  };
  return { client, kinds };
}

describe('RemoteChecker', () => {
  it('applies deltas in order, waits for settled findings, and reopens the replica after a failed patch', async () => {
    const doc = createSampleDocument();
    const template = getBuiltinTemplateSet(doc.meta.templateId)!;
    const { client, kinds } = fakeClient([
      { ok: true, value: { reset: true, added: [f('a'), f('b')], order: ['a', 'b'], textStale: false } },
      { ok: true, value: { reset: false, added: [f('c')], order: ['c', 'a'], textStale: false } },
      { ok: false, message: '后台处理意外中止' },
      { ok: true, value: { reset: true, added: [f('a')], order: ['a'], textStale: false } },
    ]);
    const states: CheckerState[] = [];
    const checker = new RemoteChecker('rules', client, (s) => states.push(s), () => []);
    checker.open(doc, template, true);
    expect(checker.state.pending).toBe(true);
    checker.patch(emptyChangeSet());
    expect((await checker.settled()).map((x) => x.id)).toEqual(['c', 'a']);
    checker.patch(emptyChangeSet());
    await checker.settled();
    await checker.settled();
    expect(kinds).toEqual(['sessionOpen', 'sessionPatch', 'sessionPatch', 'sessionOpen']);
    expect(checker.state).toEqual({ findings: [f('a')], pending: false });
    expect(states[0].findings.map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('posts a large patch in a task of its own, with later requests behind it, and counts it as in flight at once', async () => {
    vi.useFakeTimers();
    try {
      const doc = createSampleDocument();
      const template = getBuiltinTemplateSet(doc.meta.templateId)!;
      const posted: string[] = [];
      const client: CheckerClient = {
        run: (kind, payload) => {
          const p = payload as { patch?: { changes: { tables: string[] } } };
          posted.push(p.patch ? `patch:${p.patch.changes.tables.join(',') || 'cells'}` : kind);
          return Promise.resolve({ ok: true, value: { reset: false, added: [], order: null, textStale: false } }) as never;
        },
      };
      const checker = new RemoteChecker('rules', client, () => undefined, () => []);
      checker.open(doc, template, true);
      checker.patch(emptyChangeSet());
      expect(posted).toEqual(['sessionOpen', 'patch:cells']);
      // A replaced table is a large patch: not posted in this task; a small one after it waits behind it.
      checker.patch({ ...emptyChangeSet(), tables: ['t3'] });
      checker.patch(emptyChangeSet());
      expect(posted).toEqual(['sessionOpen', 'patch:cells']);
      let settled = false;
      void checker.settled().then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.runAllTimersAsync();
      expect(posted).toEqual(['sessionOpen', 'patch:cells', 'patch:t3', 'patch:cells']);
      expect(settled).toBe(true);
      // With nothing waiting, a small patch goes out at once again.
      checker.patch(emptyChangeSet());
      expect(posted.length).toBe(5);
    } finally {
      vi.useRealTimers();
    }
  });
});
