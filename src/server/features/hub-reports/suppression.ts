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
