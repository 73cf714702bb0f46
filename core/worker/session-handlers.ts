import type { Command, ChangeSet } from '../commands/command';
import type { BudgetDocument } from '../document/document';
import type { Finding } from '../rules/finding';
import type { TemplateSet } from '../template/template.schema';
import type { DocumentSession } from '../session/session';
import type { CodeBook } from '../codes/code-book';
import type { HandlerRegistry } from './dispatcher';
import { applyPatch, findingsDelta, type DocPatch, type FindingsDelta } from './session-sync';

/**
 * The checking replica: a copy of the open document with core's session, rule engine and text checks, kept in step
 * by patches (session-sync.ts), so the page's thread never runs a rule check. The page keeps the commands and the
 * one undo history; the replica only answers with findings. Requests are handled strictly in arrival order (a patch
 * must never overtake the document it patches), although loading the checking code is asynchronous the first time.
 */

interface Replica {
  session: DocumentSession;
  last: Map<string, Finding> | null;
  order: string[];
}

let replica: Replica | null = null;
let book: CodeBook | undefined;
let queue: Promise<unknown> = Promise.resolve();

function inOrder<T>(step: () => Promise<T> | T): Promise<T> {
  const next = queue.then(step);
  queue = next.catch(() => undefined);
  return next;
}

async function codeBook(): Promise<CodeBook> {
  if (!book) {
    const { CodeBook } = await import('../codes/code-book');
    book = CodeBook.builtin();
  }
  return book;
}

function answer(r: Replica): FindingsDelta {
  const { delta, byId, order } = findingsDelta(r.last, r.order, r.session.findings(), r.session.textFindingsStale);
  r.last = byId;
  r.order = order;
  return delta;
}

/** A command that writes what the page's command already wrote (no arithmetic here: the page decided). */
function patchCommand(patch: DocPatch): Command {
  return {
    label: '同步',
    apply(doc: BudgetDocument) {
      applyPatch(doc, patch);
      return { inverse: patchCommand({ changes: emptyChanges(), rows: [], tables: {} }), changes: patch.changes };
    },
  };
}

function emptyChanges(): ChangeSet {
  return { cells: [], tables: [], inputs: [], priorYear: [], meta: false };
}

function current(): Replica {
  if (!replica) throw new Error('内部错误：审核副本尚未打开文档。');
  return replica;
}

/** The replica's document (tests compare it with the page's after each change). */
export function replicaDocument(): BudgetDocument | null {
  return replica?.session.doc ?? null;
}

export const sessionHandlers: HandlerRegistry = {
  sessionOpen: ({ json, templateId, template, learned, part }) => inOrder(async () => {
    const [{ DocumentSession }, { createRuleEngine }, { checkDocumentText }, { getBuiltinTemplateSet }] = await Promise.all([
      import('../session/session'), import('../rules/engine'), import('../checks/check-text'), import('../template/registry'),
    ]);
    const books = part === 'rules' ? await codeBook() : undefined;
    for (const c of books ? learned : []) books!.learn(c.classification, c.code, c.name, c.year);
    const set: TemplateSet | undefined = template ?? getBuiltinTemplateSet(templateId);
    if (!set) throw new Error(`找不到模板“${templateId}”。`);
    const doc = JSON.parse(json) as BudgetDocument;
    replica = null;
    const session = new DocumentSession({
      template: set,
      doc,
      ...(part === 'rules' ? { ruleEngineFactory: (t: TemplateSet, d: BudgetDocument) => createRuleEngine(t, d, { codeBook: books }) } : { textChecks: checkDocumentText }),
      historyLimit: 1,
    });
    replica = { session, last: null, order: [] };
    return answer(replica);
  }),
  sessionPatch: ({ patch }) => inOrder(() => {
    const r = current();
    const done = r.session.execute(patchCommand(patch));
    if (!done.ok) throw new Error('内部错误：审核副本未能同步。');
    return answer(r);
  }),
  sessionRefreshText: () => inOrder(() => {
    const r = current();
    r.session.refreshTextFindings();
    return answer(r);
  }),
  sessionLearnCodes: ({ codes }) => inOrder(async () => {
    const books = await codeBook();
    for (const c of codes) books.learn(c.classification, c.code, c.name, c.year);
    const r = current();
    r.session.engine.checkAll();
    return answer(r);
  }),
};
