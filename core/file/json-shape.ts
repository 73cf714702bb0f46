/**
 * A guard on the shape of parsed JSON before any recursive code (zod's lazy schemas, JSON.stringify, structured
 * clone) walks it: a file with 100,000 nested arrays parses fine but overflows the stack of everything after. Real
 * documents nest a few levels (inputs hold lists of projects with indicator trees); the limits are far above that.
 */
export const JSON_LIMITS = { maxDepth: 64, maxNodes: 5_000_000 };

export type JsonShapeProblem = { kind: 'depth'; path: string } | { kind: 'nodes' };

/** Walks the value iteratively; null when within the limits, else the first problem found. */
export function checkJsonShape(value: unknown, limits: typeof JSON_LIMITS = JSON_LIMITS): JsonShapeProblem | null {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '' }];
  let nodes = 0;
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (++nodes > limits.maxNodes) return { kind: 'nodes' };
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limits.maxDepth) return { kind: 'depth', path };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1, path: `${path}[${i}]` });
    } else {
      // The path is only kept to the depth where it is reported, so hostile keys cannot make it huge.
      for (const [k, x] of Object.entries(v)) stack.push({ v: x, depth: depth + 1, path: depth < 3 ? `${path}${path ? '.' : ''}${k.slice(0, 40)}` : path });
    }
  }
  return null;
}

/** The Chinese sentence for a problem; `what` names the thing read ("文件", "工作簿中的隐藏数据表"). */
export function jsonShapeMessage(problem: JsonShapeProblem, what: string): string {
  if (problem.kind === 'nodes') return `${what}中的数据项过多（超过 ${JSON_LIMITS.maxNodes} 个），不像是预算公开文件，可能已损坏或被改动`;
  const where = problem.path ? `（在 ${problem.path.slice(0, 120)} 处）` : '';
  return `${what}中的数据嵌套超过 ${JSON_LIMITS.maxDepth} 层${where}，不像是预算公开文件，可能已损坏或被改动`;
}
