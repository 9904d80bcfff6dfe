import { ClaimTotals, WindowGroup, claimsByWindow } from "./claim-summaries";
import { PricedClaim } from "./claims";
import { endOfMonthAfter, financialYearOf, isoFromSerial } from "./dates";
import { FundingError, Result, isError } from "./errors";
import { Framework } from "./frameworks";
import { MAX_MONEY, Problems } from "./messages";
import { Decimal, ZERO, dec, sum, toPence } from "./money";
import { financialYearLabel } from "./years";

/**
 * What a plan looks like once the programme's frictions are allowed for: claims found invalid at
 * DCLG's spot checks are clawed back, year-2 fees depend on year-1 progress, and results cash
 * arrives months after the claim.
 */

function checkMoney(what: string, amount: Decimal): FundingError | undefined {
  if (!amount.isFinite()) return Problems.notFinite(what);
  if (amount.isNegative()) return Problems.negative(what, amount.toString());
  if (amount.greaterThan(MAX_MONEY)) return Problems.moneyOutOfRange(what, amount.toString());
  return undefined;
}

function checkRate(what: string, rate: Decimal): FundingError | undefined {
  if (!rate.isFinite() || rate.isNegative() || rate.greaterThan(1))
    return Problems.rateOutOfRange(what, rate.toString());
  return undefined;
}

export interface ClawbackAllowance {
  claimed: Decimal;
  /** Share of claimed £ expected to be found invalid (DCLG checked about 2% of claims). */
  rate: Decimal;
  /** £ to set aside for clawback, to the penny. */
  allowance: Decimal;
  /** Claimed £ less the allowance: what the council can count on keeping. */
  net: Decimal;
}

/** The £ to hold back against claims found invalid at spot checks. */
export function clawbackAllowance(
  claimed: Decimal,
  invalidRate: Decimal
): Result<ClawbackAllowance> {
  const problem =
    checkMoney("the claimed amount", claimed) ?? checkRate("the invalid-claim rate", invalidRate);
  if (problem) return problem;
  const claimedPence = toPence(claimed);
  const allowance = toPence(claimedPence.times(invalidRate));
  return {
    claimed: claimedPence,
    rate: invalidRate,
    allowance,
    net: claimedPence.minus(allowance),
  };
}

/** The release thresholds of FUNDING_RULES.md, as data: a share of the year-1 commitment. */
export const YEAR_TWO_RELEASE = { full: dec("0.75"), half: dec("0.33") };

export type ReleaseStatus = "full" | "half" | "withheld";

export interface YearTwoReleaseInput {
  /** Families the council committed to work with in year 1. */
  commitment: Decimal;
  /** Families it was actually working with when the year-2 fees were decided. */
  workedWith: Decimal;
  /** £ of year-2 attachment fees at stake. */
  attachment: Decimal;
}

export interface YearTwoRelease {
  status: ReleaseStatus;
  /** Families worked with ÷ the year-1 commitment. */
  ratio: Decimal;
  /** £ paid in Q1 of programme year 2. */
  paidNow: Decimal;
  /** £ paid later, but only if the council catches up. */
  paidLater: Decimal;
  /** £ not paid at all. */
  withheld: Decimal;
  /** When "now" is, e.g. "Q1 2013/14", where the framework has a second year. */
  paidNowIn?: string;
}

/**
 * The year-2 attachment release: ≥ 75% of the year-1 commitment worked with → paid in full in
 * Q1 of year 2; 33% to under 75% → half then, the rest later if the council catches up; under
 * 33% → withheld. Halves are split to the penny with any odd penny paid later.
 */
export function yearTwoRelease(
  input: YearTwoReleaseInput,
  framework?: Framework
): Result<YearTwoRelease> {
  const { commitment, workedWith, attachment } = input;
  if (!commitment.isFinite() || !commitment.greaterThan(0)) return Problems.releaseCommitment();
  if (!workedWith.isFinite()) return Problems.notFinite("families worked with");
  if (workedWith.isNegative())
    return Problems.negative("families worked with", workedWith.toString());
  const problem = checkMoney("the year-2 attachment", attachment);
  if (problem) return problem;

  const ratio = workedWith.div(commitment);
  const amount = toPence(attachment);
  const second = framework?.years[1];
  const when = second ? { paidNowIn: `Q1 ${second.label}` } : {};
  if (ratio.greaterThanOrEqualTo(YEAR_TWO_RELEASE.full)) {
    return { status: "full", ratio, paidNow: amount, paidLater: ZERO, withheld: ZERO, ...when };
  }
  if (ratio.greaterThanOrEqualTo(YEAR_TWO_RELEASE.half)) {
    const paidNow = amount.div(2).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    return {
      status: "half",
      ratio,
      paidNow,
      paidLater: amount.minus(paidNow),
      withheld: ZERO,
      ...when,
    };
  }
  return { status: "withheld", ratio, paidNow: ZERO, paidLater: ZERO, withheld: amount, ...when };
}

export interface CashArrival extends WindowGroup {
  /** Serial date by which the window's cash arrives. */
  arrives: number;
  arrivesIso: string;
  /** Financial year in which the cash arrives, e.g. "2013/14". */
  financialYear: string;
}

export interface CashByFinancialYear {
  startYear: number;
  label: string;
  amount: Decimal;
}

export interface ResultsCashTiming {
  windows: CashArrival[];
  byFinancialYear: CashByFinancialYear[];
  /** £ that arrives: the sum of the windows, so the table adds up. */
  total: Decimal;
  /** Claims after the last window: no window pays them, so no cash date is given. */
  afterLastWindow: ClaimTotals;
}

/**
 * When results cash arrives: claims are paid by window, at the end of the month
 * `paymentLagMonths` after the window closes, and summed by the financial year of arrival
 * (a window closing in February can be paid in the next financial year's budget).
 */
export function resultsCashTiming(
  framework: Framework,
  claims: readonly PricedClaim[]
): Result<ResultsCashTiming> {
  const table = claimsByWindow(framework, claims);
  if (isError(table)) return table;
  const windows = table.rows.map((row): CashArrival => {
    const arrives = endOfMonthAfter(row.closesSerial, framework.paymentLagMonths);
    return {
      ...row,
      arrives,
      arrivesIso: isoFromSerial(arrives),
      financialYear: financialYearLabel(financialYearOf(arrives)),
    };
  });
  const byYear = new Map<number, Decimal>();
  for (const window of windows) {
    const start = financialYearOf(window.arrives);
    byYear.set(start, (byYear.get(start) ?? ZERO).plus(window.amount));
  }
  const byFinancialYear = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([startYear, amount]) => ({ startYear, label: financialYearLabel(startYear), amount }));
  return {
    windows,
    byFinancialYear,
    total: sum(windows.map((window) => window.amount)),
    afterLastWindow: table.afterLastWindow,
  };
}
