/**
 * "Did you mean …?" for names a person types: the candidates closest to what was typed, by
 * edit distance (insertions, deletions, substitutions and swapped neighbours), when close enough
 * to be a slip of the keyboard rather than a different word.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      // A swapped pair ("tabels") is one slip, not two.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The most edits a typed name of this length may be from a candidate to count as a near miss. */
const tolerance = (typed: string) => (typed.length <= 3 ? 1 : typed.length <= 8 ? 2 : 3);

/**
 * The candidates nearest to `typed` (all those at the smallest distance), or none when even the
 * nearest is too far to be a slip. Compared case-insensitively.
 */
export function nearMisses(typed: string, candidates: readonly string[]): string[] {
  const lower = typed.trim().toLowerCase();
  if (lower === "") return [];
  const scored = candidates.map((c) => ({ c, d: editDistance(lower, c.toLowerCase()) }));
  const best = Math.min(...scored.map((s) => s.d));
  if (!Number.isFinite(best) || best > tolerance(lower)) return [];
  return [...new Set(scored.filter((s) => s.d === best).map((s) => s.c))];
}

/** " Did you mean phase2?" (or "phase1 or phase2?"), or "" when nothing is near. */
export function didYouMean(typed: string, candidates: readonly string[]): string {
  const near = nearMisses(typed, candidates);
  if (near.length === 0) return "";
  const last = near[near.length - 1];
  const list = near.length === 1 ? last : `${near.slice(0, -1).join(", ")} or ${last}`;
  return `did you mean ${list}?`;
}
