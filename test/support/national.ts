import { PlanSheet } from "../../src/workbook/plan-types";
import { AssumptionsData, ClaimsData, FamiliesData, inputSheets } from "../../src/workbook/sample";

/*
 * A deterministic, seeded national-scale input: 152 authorities, each with 5 financial years of
 * Families rows (phase 2, 2015/16 to 2019/20) and, between them, 100,000 claim rows in
 * Rotherham's pattern (claims on the framework's claim-window dates, several rows per window,
 * the framework's outcome types, the £ known for some rows).
 *
 * How "152 authorities" maps onto the product: a workbook models ONE authority (its Families,
 * Claims and Assumptions tables), so the national case is 152 workbooks' worth of input, and
 * "all tables for the national input" means readInputs + buildPlan once per authority. That is
 * what an analyst modelling every authority would run and what the bench measures; combining
 * the authorities into one cohort would price claims against the wrong families (an
 * authority's claims may only use its own attached families).
 *
 * Each claim row carries the authority's own claim reference ("A001-000123": authority 1, its
 * 123rd claim in date order), unique within the authority, so a claim entered twice is found
 * even though many rows are otherwise identical (the same window, outcome and count).
 *
 * Every authority's claims fit within its attached families: the turned-around outcomes
 * (sustained progress, continuous employment; phase 1: crime/ASB/education, continuous
 * employment) draw on one first-in-first-out pool, so each authority's claimed families stay
 * below its families attached, and the engine accepts them all.
 */

export interface AuthorityInput {
  name: string;
  families: FamiliesData;
  claims: ClaimsData;
  assumptions: AssumptionsData;
}

export interface NationalOptions {
  authorities?: number;
  claimRows?: number;
  /** "phase2" (5 years, the national case) or "phase1" (3 years, Rotherham's own outcomes). */
  framework?: "phase2" | "phase1";
}

/** mulberry32: a small, fast, seeded generator, so the same seed gives the same input. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHASES = {
  phase2: {
    years: ["2015/16", "2016/17", "2017/18", "2018/19", "2019/20"],
    // Quarter-end claim windows from the first year's end of June 2016 to March 2020.
    windows: (() => {
      const ends: string[] = [];
      for (let y = 2016; y <= 2019; y++)
        ends.push(`${y}-06-30`, `${y}-09-30`, `${y}-12-31`, `${y + 1}-03-31`);
      return ends;
    })(),
    // Turned-around outcomes first (one pool), then any supplementary ones.
    outcomes: [
      ["Significant and sustained progress", 0.85],
      ["Continuous employment", 0.15],
    ] as [string, number][],
    supplementary: [] as [string, number][],
    rate: 800,
  },
  phase1: {
    years: ["2012/13", "2013/14", "2014/15"],
    windows: ["2013-07-31", "2013-10-31", "2014-02-28", "2014-05-31", "2014-08-31", "2015-01-31"],
    outcomes: [
      ["Education & Crime / Anti-Social Behaviour", 0.88],
      ["Continuous employment", 0.12],
    ] as [string, number][],
    // Rotherham's progress-to-work claims: their own pool.
    supplementary: [["Progress to work", 0.1]] as [string, number][],
    rate: 700,
  },
};

/** Input for `authorities` authorities sharing `claimRows` claim rows, from `seed`. */
export function nationalInputs(seed = 1, options: NationalOptions = {}): AuthorityInput[] {
  const { authorities = 152, claimRows = 100000, framework = "phase2" } = options;
  const phase = PHASES[framework];
  const next = random(seed);
  // Authorities differ in size (a long tail, as county councils dwarf small unitaries).
  const weights = Array.from({ length: authorities }, () => 0.3 + next() ** 2 * 3);
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  let given = 0;
  const rowsOf = weights.map((w, i) => {
    const rows =
      i === authorities - 1 ? claimRows - given : Math.floor((claimRows * w) / totalWeight);
    given += rows;
    return rows;
  });

  return rowsOf.map((rows, a): AuthorityInput => {
    // Each claim row is 1-4 families (mean 2.5); the cohort is large enough that about two thirds
    // of the families attached are claimed for by the end.
    const claims: ClaimsData = [];
    let pooled = 0;
    for (let i = 0; i < rows; i++) {
      // Windows fill up as the programme runs (more claims later), as in Rotherham's history.
      const window = Math.min(
        phase.windows.length - 1,
        Math.floor(Math.sqrt(next()) * phase.windows.length)
      );
      const count = 1 + Math.floor(next() * 4);
      const pick = next();
      let outcome = phase.outcomes[phase.outcomes.length - 1][0];
      let acc = 0;
      for (const [name, share] of phase.outcomes) {
        acc += share;
        if (pick < acc) {
          outcome = name;
          break;
        }
      }
      if (phase.supplementary.length > 0 && next() < phase.supplementary[0][1])
        outcome = phase.supplementary[0][0];
      else pooled += count;
      const known = next() < 0.05 ? count * phase.rate : null;
      claims.push([phase.windows[window], outcome, count, known]);
    }
    // Rows sorted by window date, as a council's claim log reads.
    const order = claims
      .map((_, i) => i)
      .sort((x, y) => claims[x][0].localeCompare(claims[y][0]) || x - y);
    const prefix = `A${String(a + 1).padStart(3, "0")}`;
    const sorted = order.map((i, n): ClaimsData[number] => [
      ...(claims[i].slice(0, 4) as [string, string, number, number | null]),
      `${prefix}-${String(n + 1).padStart(6, "0")}`,
    ]);
    const attachedTotal = Math.max(50, Math.ceil(pooled * 1.5));
    // Attached across the years, front-loaded; the last year takes the remainder.
    const shares = phase.years.map((_, y) => phase.years.length - y);
    const shareTotal = shares.reduce((s, x) => s + x, 0);
    let left = attachedTotal;
    const familiesRows: FamiliesData = phase.years.map((year, y) => {
      const attached =
        y === phase.years.length - 1 ? left : Math.floor((attachedTotal * shares[y]) / shareTotal);
      left -= attached;
      const nominated = attached + Math.floor(next() * attached * 0.1);
      return [year, nominated, attached];
    });
    return {
      name: `Authority ${String(a + 1).padStart(3, "0")}`,
      families: familiesRows,
      claims: sorted,
      assumptions: [
        ["Framework", framework],
        ["Success rate", 0.65],
      ],
    };
  });
}

/** One authority with all `claimRows` claim rows (the single-authority stress case). */
export function singleAuthority(claimRows = 100000, seed = 1): AuthorityInput {
  return nationalInputs(seed, { authorities: 1, claimRows })[0];
}

/** An authority's input sheets, as a workbook would hold them. */
export function authoritySheets(input: AuthorityInput): PlanSheet[] {
  return inputSheets(input.families, input.claims, input.assumptions);
}
