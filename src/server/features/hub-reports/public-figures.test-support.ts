// Test helper for the public suppression: which hidden figures the published sums pin down.

/** Hidden figures that some linear combination of known sums pins down: e_h in the row space of the system. */
export function determinedFigures(equations: Map<string, number>[], hidden: string[]): string[] {
  const index = new Map(hidden.map((key, i) => [key, i]));
  const rows: Float64Array[] = [];
  for (const equation of equations) {
    const row = new Float64Array(hidden.length);
    let any = false;
    for (const [key, coefficient] of equation) {
      const i = index.get(key);
      if (i === undefined) continue;
      row[i]! += coefficient;
      any = true;
    }
    if (any) rows.push(row);
  }
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < hidden.length && r < rows.length; c++) {
    let best = -1;
    for (let i = r; i < rows.length; i++) {
      if (Math.abs(rows[i]![c]!) > 1e-9 && (best < 0 || Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!))) best = i;
    }
    if (best < 0) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivot = rows[r]!;
    const scale = pivot[c]!;
    for (let j = 0; j < hidden.length; j++) pivot[j]! /= scale;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const factor = rows[i]![c]!;
      if (Math.abs(factor) < 1e-12) continue;
      for (let j = 0; j < hidden.length; j++) rows[i]![j]! -= factor * pivot[j]!;
    }
    pivots.push(c);
    r++;
  }
  const determined: string[] = [];
  for (let i = 0; i < r; i++) {
    const nonZero = rows[i]!.reduce((n, x) => n + (Math.abs(x) > 1e-9 ? 1 : 0), 0);
    if (nonZero === 1) determined.push(hidden[pivots[i]!]!);
  }
  return determined;
}
