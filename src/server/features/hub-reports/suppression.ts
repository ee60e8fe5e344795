// Small-cell suppression for public figures (docs/decisions/013-hub-reports.md).
//
// Primary: a count from 1 to 4 is never shown (it reads "<5"). Secondary: wherever figures add up (the parts of a
// breakdown and their total, hubs and their country, months and their quarter), a group must never have exactly
// one hidden figure, or it could be computed by subtraction. Each such group gets a second hidden figure: the
// smallest non-zero part still shown (a zero would give the hidden value away, since the hidden sum would equal
// it), or the total when no part can go. This repeats until no group has a single hidden figure, because hiding a
// figure can open another group it belongs to.
//
// A breakdown that only sums to at most its total (nationality "not stated" aside) is still declared as a group:
// an attacker may assume it is complete, so it is protected as if it were.
//
// That rule alone is not enough for tables with several dimensions (see `protectTable` below): every published
// figure goes through `protectTable`. `suppress` publishes nothing; it stays as the baseline that
// public-figures.property.test.ts shows leaving a small count solvable, so the stronger method keeps its reason.

export interface Cell {
  key: string;
  value: number;
}

/** Figures that add up: the parts sum to the total. */
export interface AdditiveGroup {
  total: string;
  parts: string[];
}

export type Shown = { kind: 'value'; value: number } | { kind: 'small' } | { kind: 'suppressed' };

export const SMALL_MIN = 1;
export const SMALL_MAX = 4;

export const isSmall = (value: number) => value >= SMALL_MIN && value <= SMALL_MAX;

export interface SuppressionResult {
  /** Primary suppression: counts from 1 to 4. */
  small: Set<string>;
  /** Secondary suppression: hidden only so that a small count cannot be computed. */
  complementary: Set<string>;
  /** How to show a cell's figure. */
  show(key: string): Shown;
}

/**
 * Decides which figures to hide. Cells missing from `cells` count as zero (shown). Deterministic: ties are broken
 * by key, so the same data always hides the same figures.
 */
export function suppress(cells: Iterable<Cell>, groups: AdditiveGroup[]): SuppressionResult {
  const values = new Map<string, number>();
  for (const cell of cells) values.set(cell.key, cell.value);
  const valueOf = (key: string) => values.get(key) ?? 0;
  const small = new Set<string>();
  for (const [key, value] of values) if (isSmall(value)) small.add(key);
  const complementary = new Set<string>();
  const hidden = (key: string) => small.has(key) || complementary.has(key);

  // Groups a cell belongs to, to revisit only what a new hidden figure can affect.
  const groupsOf = new Map<string, number[]>();
  groups.forEach((group, index) => {
    for (const key of [group.total, ...group.parts]) {
      const list = groupsOf.get(key) ?? [];
      list.push(index);
      groupsOf.set(key, list);
    }
  });
  const pending = new Set<number>();
  for (const key of small) for (const index of groupsOf.get(key) ?? []) pending.add(index);

  while (pending.size > 0) {
    const index = pending.values().next().value as number;
    pending.delete(index);
    const group = groups[index]!;
    const members = [group.total, ...group.parts];
    if (members.filter(hidden).length !== 1) continue;
    const candidates = group.parts
      .filter((key) => !hidden(key) && valueOf(key) > 0)
      .sort((a, b) => valueOf(a) - valueOf(b) || (a < b ? -1 : a > b ? 1 : 0));
    // No part can go: hide the total (when the single hidden figure is a part) or, when the total is the hidden
    // one and every part is zero or hidden, hiding more parts cannot help — a zero total is never hidden.
    const next = candidates[0] ?? (hidden(group.total) ? undefined : group.total);
    if (next === undefined) continue;
    complementary.add(next);
    for (const other of groupsOf.get(next) ?? []) pending.add(other);
  }

  return {
    small,
    complementary,
    show(key) {
      if (small.has(key)) return { kind: 'small' };
      if (complementary.has(key)) return { kind: 'suppressed' };
      return { kind: 'value', value: valueOf(key) };
    },
  };
}

/** Groups with exactly one hidden figure: what `suppress` must never leave. For tests and checks. */
export function exposedGroups(result: Pick<SuppressionResult, 'small' | 'complementary'>, groups: AdditiveGroup[]) {
  const hidden = (key: string) => result.small.has(key) || result.complementary.has(key);
  return groups.filter((group) => [group.total, ...group.parts].filter(hidden).length === 1);
}

// ---- Tables: protection by hypercubes -------------------------------------------------------------------------
//
// Hiding a second figure in every group is not enough in a table with several dimensions: four hidden figures
// in a rectangle (two months × two cells) add up to known totals and give a third hidden figure away. The table
// method below protects each small figure with its own hypercube (the hypercube method of statistical
// disclosure control): in each dimension a pattern of +1/−1 changes that leaves every sum along that dimension
// unchanged (two sibling cells; two months of a quarter; two hubs; or a figure and the totals above it), crossed
// over the three dimensions. All corners are hidden and non-zero, so adding the pattern to the table changes the
// small figure and nothing published: no combination of published sums can pin it down, whatever else is hidden.

/** One dimension of a table (units, periods, cells): its positions and the groups that add up along it. */
export interface TableDimension {
  size: number;
  groups: { total: number; parts: number[] }[];
}

export const SHOWN = 0;
export const SMALL = 1;
export const COMPLEMENTARY = 2;

/** At most this many partners of each kind are tried per dimension (the cheapest). */
const SIBLINGS_TRIED = 12;
const COUSINS_TRIED = 2;

/** Ranks a position as a partner: -1 when its figure is zero (never hidden), lower is cheaper. */
type Rank = (position: number) => number;

/** The `k` best-ranked items, best first (ties by position, so the choice is deterministic). */
function cheapest(items: Iterable<number>, k: number, rank: Rank): number[] {
  const best: number[] = [];
  const ranks: number[] = [];
  for (const item of items) {
    const r = rank(item);
    if (r < 0) continue;
    let at = best.length;
    while (at > 0 && (ranks[at - 1]! > r || (ranks[at - 1] === r && best[at - 1]! > item))) at--;
    if (at >= k) continue;
    best.splice(at, 0, item);
    ranks.splice(at, 0, r);
    if (best.length > k) {
      best.pop();
      ranks.pop();
    }
  }
  return best;
}

class Dimension {
  readonly partOf: Int32Array;
  readonly totalOf: number[][];
  constructor(readonly spec: TableDimension) {
    this.partOf = new Int32Array(spec.size).fill(-1);
    this.totalOf = Array.from({ length: spec.size }, () => []);
    spec.groups.forEach((group, index) => {
      for (const part of group.parts) this.partOf[part] = index;
      this.totalOf[group.total]!.push(index);
    });
  }

  parent(position: number): number {
    const group = this.partOf[position]!;
    return group < 0 ? -1 : this.spec.groups[group]!.total;
  }

  /** For each group `position` totals, other than `except`, one part (recursively), so the pattern balances. */
  descend(position: number, valueAt: (p: number) => number, support: number[], except = -1) {
    for (const group of this.totalOf[position]!) {
      if (group === except) continue;
      let best = -1;
      for (const part of this.spec.groups[group]!.parts) {
        if (valueAt(part) > 0 && (best < 0 || valueAt(part) > valueAt(best))) best = part;
      }
      // A breakdown left empty while its total is not is no sum anyone can use: nothing to balance.
      if (best < 0) continue;
      support.push(best);
      this.descend(best, valueAt, support);
    }
  }

  /** `position`, the totals above it up to (not including) `stop`, and what they need to balance. */
  ascend(position: number, stop: number, valueAt: (p: number) => number, support: number[]) {
    support.push(position);
    this.descend(position, valueAt, support);
    for (let child = position, up = this.parent(position); up >= 0 && up !== stop; child = up, up = this.parent(up)) {
      support.push(up);
      this.descend(up, valueAt, support, this.partOf[child]!);
    }
  }

  /** Patterns by kind, cheapest kind first: with a sibling (same total), with a cousin (same grandparent), or
   *  alone with every total above it. Each is the support of a pattern that leaves every sum unchanged. */
  patterns(position: number, kind: 0 | 1 | 2, valueAt: (p: number) => number, rank: Rank): number[][] {
    const group = this.partOf[position]!;
    if (kind === 2) {
      const alone: number[] = [];
      this.ascend(position, -1, valueAt, alone);
      return [alone];
    }
    if (group < 0) return [];
    const { total, parts } = this.spec.groups[group]!;
    const result: number[][] = [];
    if (kind === 0) {
      for (const sibling of cheapest(
        parts.filter((p) => p !== position),
        SIBLINGS_TRIED,
        rank,
      )) {
        const support: number[] = [];
        this.ascend(position, total, valueAt, support);
        this.ascend(sibling, total, valueAt, support);
        result.push(support);
      }
      return result;
    }
    const parentGroup = this.partOf[total]!;
    if (parentGroup < 0 || this.totalOf[total]!.length !== 1) return result;
    const top = this.spec.groups[parentGroup]!.total;
    const cousins: number[] = [];
    for (const uncle of this.spec.groups[parentGroup]!.parts) {
      if (uncle === total || this.totalOf[uncle]!.length !== 1) continue;
      cousins.push(...cheapest(this.spec.groups[this.totalOf[uncle]![0]!]!.parts, 1, rank));
    }
    for (const cousin of cheapest(cousins, COUSINS_TRIED, rank)) {
      const support: number[] = [];
      this.ascend(position, top, valueAt, support);
      this.ascend(cousin, top, valueAt, support);
      result.push(support);
    }
    return result;
  }

  /** A position under `position` at the bottom of every group, with a non-zero value (the largest). */
  leafUnder(position: number, valueAt: (p: number) => number): number {
    for (let current = position; ;) {
      const groups = this.totalOf[current]!;
      if (groups.length === 0) return current;
      let best = -1;
      for (const part of this.spec.groups[groups[0]!]!.parts) {
        if (valueAt(part) > 0 && (best < 0 || valueAt(part) > valueAt(best))) best = part;
      }
      if (best < 0) return current;
      current = best;
    }
  }
}

/** Kinds of pattern per dimension, tried level by level (sum of kinds), cheapest level first. */
const LEVELS: [0 | 1 | 2, 0 | 1 | 2, 0 | 1 | 2][] = [];
for (let level = 0; level <= 6; level++) {
  for (let a = 0; a <= 2; a++) {
    for (let b = 0; b <= 2; b++) {
      const c = level - a - b;
      if (c >= 0 && c <= 2) LEVELS.push([a, b, c] as [0 | 1 | 2, 0 | 1 | 2, 0 | 1 | 2]);
    }
  }
}

/**
 * Decides which figures of a three-dimensional table to hide: every figure from 1 to 4 (SMALL), and for each of
 * them the other corners of a protecting hypercube (COMPLEMENTARY): of the simplest kind of cube that exists,
 * the one hiding the least (sum of the values not hidden yet). `values[(a * sizeB + b) * sizeC + c]`, consistent
 * with the groups (totals equal the sums of their parts, or at least them for breakdowns that may be incomplete).
 * Deterministic.
 */
export function protectTable(dims: [TableDimension, TableDimension, TableDimension], values: Float64Array): Uint8Array {
  const [A, B, C] = dims.map((d) => new Dimension(d)) as [Dimension, Dimension, Dimension];
  const sizeB = dims[1].size;
  const sizeC = dims[2].size;
  const at = (a: number, b: number, c: number) => (a * sizeB + b) * sizeC + c;
  const state = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) if (isSmall(values[i]!)) state[i] = SMALL;
  const protectedCells = new Uint8Array(values.length);

  /** Cost of hiding a cube (sum of the values not hidden yet, plus one per figure), or -1 if a corner is zero. */
  const cost = (as: number[], bs: number[], cs: number[]) => {
    let total = 0;
    for (const a of as)
      for (const b of bs)
        for (const c of cs) {
          const i = at(a, b, c);
          const value = values[i]!;
          if (value <= 0) return -1;
          if (state[i] === SHOWN) total += value + 1;
        }
    return total;
  };
  const hide = (as: number[], bs: number[], cs: number[]) => {
    for (const a of as)
      for (const b of bs)
        for (const c of cs) {
          const i = at(a, b, c);
          if (state[i] === SHOWN) state[i] = COMPLEMENTARY;
          protectedCells[i] = 1;
        }
  };
  /** A partner already hidden costs nothing; otherwise its value. */
  const rankOf = (i: number) => (values[i]! <= 0 ? -1 : state[i] === SHOWN ? values[i]! : 0);

  for (let a = 0; a < dims[0].size; a++) {
    for (let b = 0; b < sizeB; b++) {
      for (let c = 0; c < sizeC; c++) {
        const i = at(a, b, c);
        if (state[i] !== SMALL || protectedCells[i]) continue;
        // Partners are judged at the bottom-most non-zero figure under this one: non-zero there means non-zero in
        // every total above it, so the cube's corners are far more often all non-zero (a small regional figure
        // otherwise picks partners that are zero in the hub its pattern descends to).
        const baseA = A.leafUnder(a, (x) => values[at(x, b, c)]!);
        const baseB = B.leafUnder(b, (x) => values[at(baseA, x, c)]!);
        const baseC = C.leafUnder(c, (x) => values[at(baseA, baseB, x)]!);
        const valueA = (x: number) => values[at(x, baseB, baseC)]!;
        const valueB = (x: number) => values[at(baseA, x, baseC)]!;
        const valueC = (x: number) => values[at(baseA, baseB, x)]!;
        const rank = (base: number, here: number) => (values[base]! <= 0 ? -1 : rankOf(here));
        const lists = [new Map<number, number[][]>(), new Map<number, number[][]>(), new Map<number, number[][]>()];
        const patterns = (dimension: 0 | 1 | 2, kind: 0 | 1 | 2) => {
          let list = lists[dimension]!.get(kind);
          if (!list) {
            list =
              dimension === 0
                ? A.patterns(a, kind, valueA, (x) => rank(at(x, baseB, baseC), at(x, b, c)))
                : dimension === 1
                  ? B.patterns(b, kind, valueB, (x) => rank(at(baseA, x, baseC), at(a, x, c)))
                  : C.patterns(c, kind, valueC, (x) => rank(at(baseA, baseB, x), at(a, b, x)));
            lists[dimension]!.set(kind, list);
          }
          return list;
        };
        let best: [number[], number[], number[]] | null = null;
        let bestCost = Infinity;
        let level = -1;
        search: for (const [ka, kb, kc] of LEVELS) {
          const thisLevel = ka + kb + kc;
          if (best && thisLevel > level) break;
          level = thisLevel;
          for (const pa of patterns(0, ka)) {
            for (const pb of patterns(1, kb)) {
              for (const pc of patterns(2, kc)) {
                const value = cost(pa, pb, pc);
                if (value >= 0 && value < bestCost) {
                  best = [pa, pb, pc];
                  bestCost = value;
                  if (value === 0) break search;
                }
              }
            }
          }
        }
        if (!best) best = fallbackCube(A, B, C, a, b, c, (x, y, z) => values[at(x, y, z)]!);
        hide(...best);
      }
    }
  }
  return state;
}
/** Always valid: a non-zero figure at the bottom under (a, b, c) with every total above it, in all dimensions. */
function fallbackCube(
  A: Dimension,
  B: Dimension,
  C: Dimension,
  a: number,
  b: number,
  c: number,
  value: (a: number, b: number, c: number) => number,
): [number[], number[], number[]] {
  const leafA = A.leafUnder(a, (x) => value(x, b, c));
  const leafB = B.leafUnder(b, (x) => value(leafA, x, c));
  const leafC = C.leafUnder(c, (x) => value(leafA, leafB, x));
  const pa: number[] = [];
  const pb: number[] = [];
  const pc: number[] = [];
  A.ascend(leafA, -1, (x) => value(x, leafB, leafC), pa);
  B.ascend(leafB, -1, (x) => value(leafA, x, leafC), pb);
  C.ascend(leafC, -1, (x) => value(leafA, leafB, x), pc);
  return [pa, pb, pc];
}
