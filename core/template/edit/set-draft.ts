import type { ParseSetResult } from '../validate-set';
import { parseTemplateSetText } from '../registry';
import { impliedRules } from '../implied-rules';
import type { RuleDef, TemplateSet } from '../template.schema';

/**
 * A template set being edited (模板 → 从空白模板工作簿创建 / 管理模板集 → 编辑). The draft keeps the set as its file
 * will say it — its own rules only, since the rules the tables imply are generated again whenever the set loads —
 * plus what the editor holds beside the file: which rules the officer turned off, the changes made to generated
 * rules (severity, message), and the cross-table equalities offered for acceptance. `draftToFile` writes exactly the
 * fields the loader reads (`rules`, `impliedRules.disable`), so what the editor shows is what loads next time.
 */
export interface SetDraft {
  /** The set; `rules` holds the set's own rules only (not the generated ones, not the proposals). */
  set: TemplateSet;
  /** Rules the officer turned off, by id: generated ones go to `impliedRules.disable`, own ones are left out. */
  disabled: readonly string[];
  /** Changes to generated rules by id: written as an own rule of the same id, which replaces the generated one. */
  overrides: Readonly<Record<string, RuleOverride>>;
  /** Cross-table equalities a blank workbook suggests; each is written only once accepted. */
  proposals: readonly RuleDef[];
  accepted: readonly string[];
}

export type RuleOverride = Partial<Pick<RuleDef, 'severity' | 'message' | 'name' | 'expr'>>;

/** One line of the editor's rule list. */
export interface DraftRule {
  rule: RuleDef;
  /** Generated from the tables (表头、合计行、类款) or written in the set. */
  origin: 'generated' | 'own';
  enabled: boolean;
}

/**
 * A draft of a validated set: the rules the loader generated are recognised by id (a generated rule the set
 * replaced becomes an override, one it disabled is turned off), and `proposals` are taken out of the own rules and
 * listed as accepted.
 */
export function draftFromSet(set: TemplateSet, proposals: readonly RuleDef[] = []): SetDraft {
  const generated = new Map(impliedRules(set.tables).map((r) => [r.id, r]));
  const proposalIds = new Set(proposals.map((p) => p.id));
  const present = new Set(set.rules.map((r) => r.id));
  const overrides: Record<string, RuleOverride> = {};
  for (const rule of set.rules) {
    const base = generated.get(rule.id);
    if (!base) continue;
    const change = ruleDifference(base, rule);
    if (Object.keys(change).length > 0) overrides[rule.id] = change;
  }
  const { impliedRules: _disabledInFile, ...rest } = set;
  return {
    set: { ...rest, rules: set.rules.filter((r) => !generated.has(r.id) && !proposalIds.has(r.id)) },
    disabled: [...generated.keys()].filter((id) => !present.has(id)),
    overrides,
    proposals: [...proposals],
    accepted: proposals.filter((p) => present.has(p.id)).map((p) => p.id),
  };
}

/** What a proposed set becomes in the editor: its cross-table equalities offered, none accepted yet. */
export function draftFromInference(inferred: { set: TemplateSet; crossTable: readonly RuleDef[] }): SetDraft {
  return { ...draftFromSet(inferred.set, inferred.crossTable), accepted: [] };
}

function ruleDifference(base: RuleDef, rule: RuleDef): RuleOverride {
  const out: RuleOverride = {};
  if (rule.severity !== base.severity) out.severity = rule.severity;
  if (rule.message !== base.message && rule.message !== undefined) out.message = rule.message;
  if (rule.name !== base.name) out.name = rule.name;
  if (rule.expr !== base.expr) out.expr = rule.expr;
  return out;
}

/** Every rule the set will check, in the loader's order (generated per table, then own), with its state. */
export function draftRules(draft: SetDraft): DraftRule[] {
  const off = new Set(draft.disabled);
  const generated: DraftRule[] = impliedRules(draft.set.tables).map((r) => ({
    rule: { ...r, ...draft.overrides[r.id] },
    origin: 'generated',
    enabled: !off.has(r.id),
  }));
  const taken = new Set(generated.map((g) => g.rule.id));
  const own: DraftRule[] = draft.set.rules.filter((r) => !taken.has(r.id)).map((rule) => ({ rule, origin: 'own', enabled: !off.has(rule.id) }));
  return [...generated, ...own];
}

/** The set file's content: own rules, changed generated rules and accepted proposals; turned-off generated rules listed. */
export function draftToFile(draft: SetDraft): TemplateSet {
  const rules = draftRules(draft);
  const generatedIds = new Set(rules.filter((r) => r.origin === 'generated').map((r) => r.rule.id));
  const written: RuleDef[] = [];
  for (const { rule, origin, enabled } of rules) {
    if (!enabled) continue;
    if (origin === 'own' || draft.overrides[rule.id]) written.push(rule);
  }
  const accepted = new Set(draft.accepted);
  for (const p of draft.proposals) if (accepted.has(p.id) && !generatedIds.has(p.id)) written.push(p);
  const disable = draft.disabled.filter((id) => generatedIds.has(id));
  const { id, name, entityKind, amountUnit, display, tables, outline, sentences, glossary } = draft.set;
  return {
    id, name, entityKind, amountUnit, display, tables, rules: written,
    ...(disable.length > 0 ? { impliedRules: { disable } } : {}),
    outline,
    ...(sentences && Object.keys(sentences).length > 0 ? { sentences } : {}),
    ...(glossary && glossary.length > 0 ? { glossary } : {}),
  };
}

/** The set file's text as saved (UTF-8 JSON, two-space indent, final newline). */
export function draftToText(draft: SetDraft): string {
  return `${JSON.stringify(draftToFile(draft), null, 2)}\n`;
}

/**
 * The draft read back exactly as the app and the CLI will read the saved file (the one loader), so an error is
 * found before saving; `others` resolves an `extends` among the sets the officer keeps.
 */
export function validateDraft(draft: SetDraft, others?: (id: string) => unknown): ParseSetResult {
  return parseTemplateSetText(draftToText(draft), others);
}
