import type { Amount } from '../amount/amount';
import type { DocumentMeta, JsonValue } from '../document/document';
import type { Command } from './command';
import { emptyChangeSet } from './command';
import { command, CommandError } from './raw';
import { acceptInput, acceptText, checkInputShape } from './text-guard';

/** Commands on the document's non-table parts: officer inputs, last year's figures, metadata. */

function cloneJson<T extends JsonValue>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function isEmptyInput(v: JsonValue | undefined): v is undefined | null | '' {
  return v === undefined || v === null || v === '';
}

/**
 * Sets document.inputs[key]; undefined, null or "" removes the key (canonical form). Texts are cleaned and a text
 * over 32,767 characters is refused (text-guard.ts); the inverse restores the old value as it was, unchecked.
 */
export function setInput(key: string, value: JsonValue | undefined, label = '编辑说明文字'): Command {
  return inputCommand(key, value, label, true);
}

function inputCommand(key: string, value: JsonValue | undefined, label: string, check: boolean): Command {
  return command(label, (doc) => {
    let own: JsonValue | undefined = isEmptyInput(value) ? undefined : value;
    if (own !== undefined && check) {
      // The shape first: cloning (JSON) a hostile nesting would overflow the stack.
      checkInputShape(key, own);
      own = acceptInput(key, cloneJson(own));
      if (own === '') own = undefined;
    }
    const old = doc.inputs[key];
    if (own === undefined) delete doc.inputs[key];
    else doc.inputs[key] = cloneJson(own);
    const changes = emptyChangeSet();
    if (JSON.stringify(old) !== JSON.stringify(own)) changes.inputs = [key];
    return { inverse: inputCommand(key, old, label, false), changes };
  });
}

/** Sets a last-year figure (上年预算数); zero removes it. */
export function setPriorYear(key: string, value: Amount, label = '编辑上年预算数'): Command {
  return command(label, (doc) => {
    if (!Number.isSafeInteger(value)) throw new CommandError('金额必须是整数（以分计）');
    const old = doc.priorYear[key] ?? 0;
    if (value === 0) delete doc.priorYear[key];
    else doc.priorYear[key] = value;
    const changes = emptyChangeSet();
    if (old !== value) changes.priorYear = [key];
    return { inverse: setPriorYear(key, old, label), changes };
  });
}

export type MetaPatch = Partial<Omit<DocumentMeta, 'templateId'>>;

const META_TEXTS: Record<string, string> = { unitName: '单位名称', compiler: '编制部门', date: '日期', region: '地区' };

/**
 * Changes metadata fields; an optional field given as undefined is removed. The template set cannot change here.
 * Texts are cleaned and refused over 32,767 characters; the inverse restores the old values unchecked.
 */
export function setMeta(patch: MetaPatch, label = '修改基本信息'): Command {
  return metaCommand(patch, label, true);
}

function metaCommand(patch: MetaPatch, label: string, check: boolean): Command {
  const own = { ...patch } as Record<string, unknown>;
  return command(label, (doc) => {
    if ('templateId' in own) throw new CommandError('不能通过修改基本信息更换模板');
    if (check) {
      for (const [k, name] of Object.entries(META_TEXTS)) if (typeof own[k] === 'string') own[k] = acceptText(own[k] as string, name);
    }
    const meta = doc.meta as unknown as Record<string, unknown>;
    const old: Record<string, unknown> = {};
    let changed = false;
    for (const [k, v] of Object.entries(own)) {
      old[k] = meta[k];
      if (meta[k] !== v) changed = true;
      if (v === undefined) delete meta[k];
      else meta[k] = v;
    }
    const changes = emptyChangeSet();
    changes.meta = changed;
    return { inverse: metaCommand(old as MetaPatch, label, false), changes };
  });
}
