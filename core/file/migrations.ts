/**
 * File format migrations: MIGRATIONS[n] turns a parsed version-n file (plain JSON) into version n+1. A file is
 * migrated step by step up to FORMAT_VERSION before the schema sees it, so old files keep opening after the format
 * changes. Version 1 is the first released format.
 */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 2 added optional fields only (organisation rows, table notes, the blank-zero display setting): a
  // version-1 file is a valid version-2 file. The number changed so that an older program refuses a newer file
  // instead of failing on fields it does not know.
  1: (raw) => raw,
};

export type MigrateResult = { ok: true; raw: Record<string, unknown> } | { ok: false; message: string };

export function migrate(raw: Record<string, unknown>, from: number, to: number, migrations: Readonly<Record<number, Migration>>): MigrateResult {
  let current = raw;
  for (let v = from; v < to; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, message: `文件版本 ${from} 过旧，本程序无法升级（缺少从版本 ${v} 到 ${v + 1} 的转换）` };
    current = step(current);
    current.version = v + 1;
  }
  return { ok: true, raw: current };
}
