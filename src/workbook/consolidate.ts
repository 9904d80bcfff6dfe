import { Result, isError } from "../engine/errors";
import { Decimal, dec, poundsToNumber, sum } from "../engine/money";
import { FundingInputs } from "./inputs";
import { buildPlan } from "./plan";
import { PlanSummary } from "./plan-types";

/**
 * Several authorities added up: one row per authority workbook, each priced with its own
 * framework and assumptions exactly as `tf-funding tables` prices it (buildPlan's summary), the
 * totals, and each authority's rank by turned-around share. Pure: the files are read elsewhere.
 */

/** One authority as its own workbook gives it: what `tables` reports, plus the families behind the share. */
export interface AuthorityFigures {
  /** The Authority setting of its Assumptions table, else its file's name. */
  name: string;
  file: string;
  summary: PlanSummary;
  /** Families turned around (claimed for) so far: the share's numerator. */
  turnedAround: Decimal;
}

/** The figures consolidated per authority and in total, as exact Decimals (money in £). */
export interface ConsolidatedFigures {
  cohort: Decimal;
  funded: Decimal;
  envelope: Decimal;
  secured: Decimal;
  atRisk: Decimal;
  claimedToDate: Decimal;
  turnedAround: Decimal;
  forecastToEnd: Decimal;
  stillAtRisk: Decimal;
  /** Turned around ÷ cohort; null with no cohort. */
  turnedAroundShare: Decimal | null;
}

export interface ConsolidatedRow extends ConsolidatedFigures {
  name: string;
  file: string;
  framework: string;
  /** 1 = the highest turned-around share; equal shares share a rank (as Excel's RANK); null with no share. */
  rank: number | null;
}

export interface Consolidation {
  rows: ConsolidatedRow[];
  totals: ConsolidatedFigures;
}

/** An authority's figures from its read inputs: the same plan `tables` builds, so the same £. */
export function authorityFigures(
  name: string,
  file: string,
  inputs: FundingInputs
): Result<AuthorityFigures> {
  const plan = buildPlan(inputs);
  if (isError(plan)) return plan;
  // The count itself, as the plan has it: share × cohort is not exact.
  return { name, file, summary: plan.summary, turnedAround: dec(plan.summary.turnedAround ?? 0) };
}

const shareOf = (turnedAround: Decimal, cohort: Decimal): Decimal | null =>
  cohort.isZero() ? null : turnedAround.div(cohort);

function figuresOf(authority: AuthorityFigures): ConsolidatedFigures {
  const s = authority.summary;
  const cohort = dec(s.cohort);
  return {
    cohort,
    funded: dec(s.funded),
    envelope: dec(s.envelope),
    secured: dec(s.secured),
    atRisk: dec(s.atRisk),
    claimedToDate: dec(s.claimedToDate),
    turnedAround: authority.turnedAround,
    forecastToEnd: dec(s.forecastToEnd),
    stillAtRisk: dec(s.stillAtRisk),
    turnedAroundShare: shareOf(authority.turnedAround, cohort),
  };
}

const ADDED: readonly (keyof Omit<ConsolidatedFigures, "turnedAroundShare">)[] = [
  "cohort",
  "funded",
  "envelope",
  "secured",
  "atRisk",
  "claimedToDate",
  "turnedAround",
  "forecastToEnd",
  "stillAtRisk",
];

/**
 * The authorities' rows in the order given, their totals (every figure added up; the share is
 * total turned around ÷ total cohort, never an average of shares) and ranks.
 */
export function consolidate(authorities: readonly AuthorityFigures[]): Consolidation {
  const figures = authorities.map(figuresOf);
  const totals = Object.fromEntries(
    ADDED.map((key) => [key, sum(figures.map((f) => f[key]))])
  ) as Omit<ConsolidatedFigures, "turnedAroundShare">;
  const shares = figures.flatMap((f) => (f.turnedAroundShare ? [f.turnedAroundShare] : []));
  const rows = authorities.map((authority, i): ConsolidatedRow => {
    const share = figures[i].turnedAroundShare;
    return {
      name: authority.name,
      file: authority.file,
      framework: authority.summary.framework,
      ...figures[i],
      rank: share ? 1 + shares.filter((other) => other.greaterThan(share)).length : null,
    };
  });
  return {
    rows,
    totals: { ...totals, turnedAroundShare: shareOf(totals.turnedAround, totals.cohort) },
  };
}

/** Figures as the command line's JSON gives them: money in £ to the penny, as numbers. */
export function figuresJson(figures: ConsolidatedFigures) {
  return {
    cohort: figures.cohort.toNumber(),
    funded: figures.funded.toNumber(),
    envelope: poundsToNumber(figures.envelope),
    secured: poundsToNumber(figures.secured),
    atRisk: poundsToNumber(figures.atRisk),
    claimedToDate: poundsToNumber(figures.claimedToDate),
    turnedAround: figures.turnedAround.toNumber(),
    turnedAroundShare: figures.turnedAroundShare?.toNumber() ?? null,
    forecastToEnd: poundsToNumber(figures.forecastToEnd),
    stillAtRisk: poundsToNumber(figures.stillAtRisk),
  };
}
