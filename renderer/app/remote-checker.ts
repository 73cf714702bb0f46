import type { ChangeSet } from '../../core/commands/command';
import type { BudgetDocument } from '../../core/document/document';
import type { Finding } from '../../core/rules/finding';
import type { TemplateSet } from '../../core/template/template.schema';
import type { PayloadOf, RunOutcome, ValueOf, WorkerKind } from '../../core/worker/protocol';
import { buildPatch, FindingsMirror, type CheckPart, type FindingsDelta, type LearnedCode } from '../../core/worker/session-sync';

/** What the checker needs of a worker client (CoreWorkerClient; a fake in unit tests). */
export interface CheckerClient {
  run<K extends WorkerKind>(kind: K, payload: PayloadOf<K>): Promise<RunOutcome<ValueOf<K>>>;
}

export interface CheckerState {
  findings: readonly Finding[];
  /** No answer yet for the open document: the panel says 正在审核 rather than "no problems". */
  pending: boolean;
}

const TEXT_PAUSE_MS = 600;

/** The requests a checker makes of its replica. */
type SessionKind = 'sessionOpen' | 'sessionPatch' | 'sessionRefreshText' | 'sessionLearnCodes';

/**
 * A patch this large (a pasted column, a replaced table) is posted in a task of its own: copying it to a worker takes
 * 5-20 ms per replica, which would otherwise lengthen the task that ran the command by that much twice over.
 */
const LARGE_PATCH_CELLS = 1000;
const isLarge = (changes: ChangeSet) => changes.tables.length > 0 || changes.cells.length > LARGE_PATCH_CELLS;

/**
 * The page's side of one checking replica (rules or texts): the open document is sent once, then every command's changes as a patch;
 * findings come back as deltas and are handed to `onChange`. The page's thread only copies the touched rows — the
 * rule engine and the text checks run in the worker. If the worker fails (crash, out of memory) the whole document
 * is sent again, so a lost replica costs one full check, never wrong findings for long.
 */
export class RemoteChecker {
  private mirror = new FindingsMirror();
  private generation = 0;
  private inFlight = 0;
  private answered = false;
  private idle: (() => void)[] = [];
  private textTimer: ReturnType<typeof setTimeout> | undefined;
  private doc: BudgetDocument | null = null;
  private template: TemplateSet | null = null;
  private builtin = true;

  constructor(
    private readonly part: CheckPart,
    private readonly client: CheckerClient,
    private readonly onChange: (state: CheckerState) => void,
    private readonly learned: () => LearnedCode[],
  ) {}

  get state(): CheckerState {
    return { findings: this.mirror.findings, pending: !this.answered };
  }

  /** A newly opened document (builtin: its template is one of the program's, found by id in the worker). */
  open(doc: BudgetDocument, template: TemplateSet, builtin: boolean, json?: string): void {
    this.generation += 1;
    this.doc = doc;
    this.template = template;
    this.builtin = builtin;
    this.answered = false;
    this.mirror = new FindingsMirror();
    clearTimeout(this.textTimer);
    this.sendOpen(json);
  }

  /** After a command changed the page's document in place; the patch may be shared by several replicas. */
  patch(changes: ChangeSet, patch = this.doc ? buildPatch(this.doc, changes, this.template ?? undefined) : null): void {
    if (!this.doc || !patch) return;
    this.send('sessionPatch', { patch }, isLarge(changes));
  }

  learnCodes(codes: LearnedCode[]): void {
    if (this.doc) this.send('sessionLearnCodes', { codes });
  }

  /** Resolves once every change sent so far has been checked (an export counts 错误 on settled findings). */
  settled(): Promise<readonly Finding[]> {
    if (this.inFlight === 0) return Promise.resolve(this.mirror.findings);
    return new Promise((resolve) => this.idle.push(() => resolve(this.mirror.findings)));
  }

  dispose(): void {
    this.generation += 1;
    this.doc = null;
    clearTimeout(this.textTimer);
  }

  /** `json` is the document as text when the caller has it; a restart builds it from the (changed) document. */
  private sendOpen(json?: string): void {
    const doc = this.doc;
    const template = this.template;
    if (!doc || !template) return;
    this.send('sessionOpen', {
      json: json ?? JSON.stringify(doc),
      templateId: template.id,
      ...(this.builtin ? {} : { template }),
      learned: this.learned(),
      part: this.part,
    });
  }

  /** Requests waiting behind a large patch posted in a later task (null: none waits), in the order they were made. */
  private queued: (() => void)[] | null = null;

  /**
   * `later`: post in a task of its own (a large patch). A request made while one waits queues behind it, so the
   * worker still receives them in order; either way it counts as in flight at once, so `settled` waits for it.
   */
  private send<K extends SessionKind>(kind: K, payload: PayloadOf<K>, later = false): void {
    this.inFlight += 1;
    // The document it belongs to is the one open now, even if it is posted after another was opened.
    const generation = this.generation;
    const post = () => this.post(kind, payload, generation);
    if (this.queued) this.queued.push(post);
    else if (!later) post();
    else {
      const queued = (this.queued = [post]);
      setTimeout(() => {
        this.queued = null;
        for (const f of queued) f();
      }, 0);
    }
  }

  private post<K extends SessionKind>(kind: K, payload: PayloadOf<K>, generation: number): void {
    void this.client.run(kind, payload).then((outcome) => {
      this.inFlight -= 1;
      if (generation === this.generation) {
        if (outcome.ok) this.take(outcome.value as FindingsDelta);
        // The replica is lost or out of step: start it again from the page's document.
        else if (kind !== 'sessionOpen' || !('cancelled' in outcome)) this.restart(kind);
      }
      if (this.inFlight === 0) for (const f of this.idle.splice(0)) f();
    });
  }

  private restarts = 0;

  private restart(kind: WorkerKind): void {
    // One retry per open document for a failing open: a document the worker cannot check stays without findings.
    if (kind === 'sessionOpen' && this.restarts++ > 0) {
      this.answered = true;
      this.onChange(this.state);
      return;
    }
    this.generation += 1;
    this.mirror = new FindingsMirror();
    this.sendOpen();
  }

  private take(delta: FindingsDelta): void {
    const first = !this.answered;
    this.answered = true;
    if (delta.reset) this.restarts = 0;
    if (this.mirror.apply(delta) || first) this.onChange(this.state);
    clearTimeout(this.textTimer);
    if (delta.textStale) {
      const generation = this.generation;
      this.textTimer = setTimeout(() => {
        if (generation === this.generation && this.inFlight === 0) this.send('sessionRefreshText', {});
      }, TEXT_PAUSE_MS);
    }
  }
}
