import type { ColumnDef, RuleDef, Severity, TableDef, TemplateSet } from '../template.schema';
import { draftRules, type SetDraft } from './set-draft';
import { FIGURES_WORD_KEY } from '../../checks/set-words';

/**
 * The set editor's changes, each a pure function from one draft to the next (the dialog keeps the drafts, so 撤销 is
 * a step back). Nothing here validates: the editor validates the whole draft through the loader before saving or
 * trying it, so a half-typed formula is allowed while typing and reported with its place when it matters.
 */

export type SetFields = Partial<Pick<TemplateSet, 'id' | 'name' | 'amountUnit' | 'entityKind'>>;

export function setSetFields(draft: SetDraft, fields: SetFields): SetDraft {
  return { ...draft, set: { ...draft.set, ...fields } };
}

/**
 * Whether the set's figures are 预算 or 决算 (the checks and forms speak of 预算数 or 决算数; set-words.ts). A 预算
 * set leaves the sentence out, as every built-in 预算 set does.
 */
export function setFiguresWord(draft: SetDraft, word: '预算' | '决算'): SetDraft {
  const { [FIGURES_WORD_KEY]: _old, ...rest } = draft.set.sentences ?? {};
  const sentences = word === '决算' ? { ...rest, [FIGURES_WORD_KEY]: word } : rest;
  const { sentences: _had, ...set } = draft.set;
  return { ...draft, set: Object.keys(sentences).length > 0 ? { ...set, sentences } : set };
}

function mapTable(draft: SetDraft, tableId: string, change: (t: TableDef) => TableDef): SetDraft {
  return { ...draft, set: { ...draft.set, tables: draft.set.tables.map((t) => (t.id === tableId ? change(t) : t)) } };
}

function mapColumn(draft: SetDraft, tableId: string, columnId: string, change: (c: ColumnDef) => ColumnDef): SetDraft {
  return mapTable(draft, tableId, (t) => ({ ...t, columns: t.columns.map((c) => (c.id === columnId ? change(c) : c)) }));
}

export function setTableTitle(draft: SetDraft, tableId: string, title: string): SetDraft {
  return mapTable(draft, tableId, (t) => ({ ...t, title }));
}

/** Renames a column as printed: its lowest header label (the groups above it are shared with its neighbours). */
export function renameColumn(draft: SetDraft, tableId: string, columnId: string, label: string): SetDraft {
  return mapColumn(draft, tableId, columnId, (c) => ({ ...c, header: [...c.header.slice(0, -1), label] }));
}

/**
 * Marks an amount column computed by a formula over other column ids ("basic + project"), or input again with an
 * empty formula. The rule that checks it is generated from the formula, so the rule list follows.
 */
export function setColumnFormula(draft: SetDraft, tableId: string, columnId: string, formula: string): SetDraft {
  const text = formula.trim();
  return mapColumn(draft, tableId, columnId, (c) => {
    const { formula: _old, ...rest } = c;
    return text === '' ? rest : { ...rest, formula: text };
  });
}

/** Other labels the Excel import accepts for the column; "、" or "，" or a new line separates them. */
export function setColumnSynonyms(draft: SetDraft, tableId: string, columnId: string, synonyms: readonly string[]): SetDraft {
  const list = [...new Set(synonyms.map((s) => s.trim()).filter((s) => s !== ''))];
  return mapColumn(draft, tableId, columnId, (c) => {
    const { synonyms: _old, ...rest } = c;
    return list.length === 0 ? rest : { ...rest, synonyms: list };
  });
}

export function parseSynonyms(text: string): string[] {
  return text.split(/[、，,;；\n]/).map((s) => s.trim()).filter((s) => s !== '');
}

export function setRuleEnabled(draft: SetDraft, ruleId: string, enabled: boolean): SetDraft {
  const others = draft.disabled.filter((id) => id !== ruleId);
  return { ...draft, disabled: enabled ? others : [...others, ruleId] };
}

/** Severity or message of a rule: an own rule is changed in place, a generated one through an override. */
export function changeRule(draft: SetDraft, ruleId: string, change: { severity?: Severity; message?: string }): SetDraft {
  const line = draftRules(draft).find((r) => r.rule.id === ruleId);
  if (!line) return draft;
  const apply = (rule: RuleDef): RuleDef => {
    const next: RuleDef = { ...rule, ...(change.severity ? { severity: change.severity } : {}) };
    if (change.message !== undefined) {
      if (change.message.trim() === '') delete next.message;
      else next.message = change.message;
    }
    return next;
  };
  if (line.origin === 'own') {
    return { ...draft, set: { ...draft.set, rules: draft.set.rules.map((r) => (r.id === ruleId ? apply(r) : r)) } };
  }
  const override = { ...draft.overrides[ruleId] };
  if (change.severity) override.severity = change.severity;
  if (change.message !== undefined) {
    if (change.message.trim() === '') delete override.message;
    else override.message = change.message;
  }
  return { ...draft, overrides: { ...draft.overrides, [ruleId]: override } };
}

export function setProposalAccepted(draft: SetDraft, ruleId: string, accepted: boolean): SetDraft {
  const others = draft.accepted.filter((id) => id !== ruleId);
  return { ...draft, accepted: accepted ? [...others, ruleId] : others };
}
