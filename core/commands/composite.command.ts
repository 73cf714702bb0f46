import type { Command, CommandResult } from './command';
import { mergeChangeSets } from './command';
import { command } from './raw';

/**
 * Several commands as one undo step ("生成表1", a paste that also inserts rows …). If a part fails, the parts already
 * applied are undone before the error goes on, so the document is never left half-changed.
 */
export function composite(label: string, parts: readonly Command[]): Command {
  const own = [...parts];
  return command(label, (doc, ctx) => {
    const done: CommandResult[] = [];
    try {
      for (const part of own) done.push(part.apply(doc, ctx));
    } catch (error) {
      for (let i = done.length - 1; i >= 0; i--) done[i].inverse.apply(doc, ctx);
      throw error;
    }
    const inverses = done.map((r) => r.inverse).reverse();
    return { inverse: composite(label, inverses), changes: mergeChangeSets(done.map((r) => r.changes)) };
  });
}
