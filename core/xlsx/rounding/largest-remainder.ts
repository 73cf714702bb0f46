/**
 * Integer rounding primitives for 舍位平衡 (rounding balance). Figures come in 分 (hundredths of 元) and go out in
 * hundredths of 万元, so one output unit is 10 000 input units. Everything is exact integer arithmetic.
 *
 * A "preference" lets the caller keep the same figure rounded the same way everywhere: cells whose value was rounded
 * up before are taken first, those rounded down before are taken last; among the rest the largest remainder wins.
 */

export const FEN_PER_WAN_CENT = 10_000;

export type Preference = (exactFen: number) => 'up' | 'down' | undefined;

export function floorDiv(value: number): number {
  return Math.floor(value / FEN_PER_WAN_CENT);
}

export function remainderOf(value: number): number {
  return value - floorDiv(value) * FEN_PER_WAN_CENT;
}

/** Ordinary rounding (half away from zero) of one figure, the value a cell gets when no group constrains it. */
export function roundHalfAway(value: number): number {
  const sign = value < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(value) + FEN_PER_WAN_CENT / 2) / FEN_PER_WAN_CENT);
}

function preferenceRank(pref: Preference, value: number): number {
  const p = pref(value);
  return p === 'up' ? 0 : p === 'down' ? 2 : 1;
}

/**
 * Rounds items so that they sum exactly to `target` (already rounded), each item being its floor or ceiling.
 * Returns undefined when that is impossible (the target is not reachable with floor/ceil choices).
 */
export function allocate1D(items: readonly number[], target: number, pref: Preference): number[] | undefined {
  const floors = items.map(floorDiv);
  let need = target - floors.reduce((a, b) => a + b, 0);
  const fractional = items.map((v, i) => i).filter((i) => remainderOf(items[i]) !== 0);
  if (need < 0 || need > fractional.length) return undefined;
  fractional.sort(
    (a, b) =>
      preferenceRank(pref, items[a]) - preferenceRank(pref, items[b]) ||
      remainderOf(items[b]) - remainderOf(items[a]) ||
      a - b,
  );
  const result = [...floors];
  for (const i of fractional) {
    if (need === 0) break;
    result[i] += 1;
    need -= 1;
  }
  return result;
}

/**
 * Controlled rounding of a matrix (child rows × part columns) with fixed integer margins: every row must sum to
 * rowTargets[i] and every column to colTargets[j], each cell its floor or ceiling. Greedy by preference and
 * remainder, then augmenting paths (a bipartite flow) for what the greedy pass could not place. Undefined when no
 * such rounding exists.
 */
export function allocate2D(
  cells: readonly (readonly number[])[],
  rowTargets: readonly number[],
  colTargets: readonly number[],
  pref: Preference,
): number[][] | undefined {
  const nRows = cells.length;
  const nCols = colTargets.length;
  const result = cells.map((row) => row.map(floorDiv));
  const rowNeed = rowTargets.map((t, i) => t - result[i].reduce((a, b) => a + b, 0));
  const colNeed = colTargets.map((t, j) => t - result.reduce((a, row) => a + row[j], 0));
  if (rowNeed.reduce((a, b) => a + b, 0) !== colNeed.reduce((a, b) => a + b, 0)) return undefined;
  const up: boolean[][] = cells.map((row) => row.map(() => false));
  const candidates: [number, number][] = [];
  for (let i = 0; i < nRows; i++) for (let j = 0; j < nCols; j++) if (remainderOf(cells[i][j]) !== 0) candidates.push([i, j]);
  candidates.sort(
    ([ai, aj], [bi, bj]) =>
      preferenceRank(pref, cells[ai][aj]) - preferenceRank(pref, cells[bi][bj]) ||
      remainderOf(cells[bi][bj]) - remainderOf(cells[ai][aj]) ||
      ai - bi ||
      aj - bj,
  );
  if (rowNeed.some((n) => n < 0) || colNeed.some((n) => n < 0)) return undefined;
  for (const [i, j] of candidates) {
    if (rowNeed[i] > 0 && colNeed[j] > 0) {
      up[i][j] = true;
      rowNeed[i] -= 1;
      colNeed[j] -= 1;
    }
  }
  // Augment: find a path row(need) → col via an un-taken fractional cell, col → row via a taken cell, … → col(need).
  while (rowNeed.some((n) => n > 0)) {
    if (!augment(cells, up, rowNeed, colNeed)) return undefined;
  }
  if (colNeed.some((n) => n !== 0)) return undefined;
  for (let i = 0; i < nRows; i++) for (let j = 0; j < nCols; j++) if (up[i][j]) result[i][j] += 1;
  return result;
}

function augment(cells: readonly (readonly number[])[], up: boolean[][], rowNeed: number[], colNeed: number[]): boolean {
  const nRows = cells.length;
  const nCols = colNeed.length;
  const prevOfCol = new Array<number>(nCols).fill(-1);
  const prevOfRow = new Array<number>(nRows).fill(-1);
  const seenRow = new Array<boolean>(nRows).fill(false);
  const queue: number[] = [];
  for (let i = 0; i < nRows; i++) if (rowNeed[i] > 0) {
    queue.push(i);
    seenRow[i] = true;
  }
  while (queue.length > 0) {
    const i = queue.shift() as number;
    for (let j = 0; j < nCols; j++) {
      if (prevOfCol[j] !== -1 || up[i][j] || remainderOf(cells[i][j]) === 0) continue;
      prevOfCol[j] = i;
      if (colNeed[j] > 0) {
        // Walk back flipping cells along the path.
        let col = j;
        let row = i;
        for (;;) {
          up[row][col] = true;
          const back = prevOfRow[row];
          if (back === -1) break;
          up[row][back] = false;
          col = back;
          row = prevOfCol[col];
        }
        rowNeed[row] -= 1;
        colNeed[j] -= 1;
        return true;
      }
      for (let k = 0; k < nRows; k++) {
        if (!seenRow[k] && up[k][j]) {
          seenRow[k] = true;
          prevOfRow[k] = j;
          queue.push(k);
        }
      }
    }
  }
  return false;
}
