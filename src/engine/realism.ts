import { ClaimTotals, WindowGroup, claimsByWindow } from "./claim-summaries";
import { PricedClaim } from "./claims";
import { endOfMonthAfter, financialYearOf, isoFromSerial } from "./dates";
import { FundingError, Result, isError } from "./errors";
import { CashEnvelope, evenProfile } from "./envelope";
import { Framework, PHASE1_YEAR_TWO_RELEASE, YearTwoReleaseRule, parseShare } from "./frameworks";
import { MAX_MONEY, Problems } from "./messages";
import { Decimal, ZERO, dec, sum, toPence } from "./money";
import { Provenance } from "./provenance";
import { financialYearLabel } from "./years";

/**
 * What a plan looks like once the programme's frictions are allowed for: claims found invalid at
 * DCLG's spot checks are clawed back, year-2 fees depend on year-1 progress (and are deferred,
 * not lost, below a third), and results cash
 * arrives months after the claim.
 */

function checkMoney(what: string, amount: Decimal): FundingError | undefined {
  if (!amount.isFinite()) return Problems.notFinite(what);
  if (amount.lessThan(0)) return Problems.negative(what, amount.toString());
  if (amount.greaterThan(MAX_MONEY)) return Problems.moneyOutOfRange(what, amount.toString());
  return undefined;
}

function checkRate(what: string, rate: Decimal): FundingError | undefined {
  if (!rate.isFinite() || rate.lessThan(0) || rate.greaterThan(1))
    return Problems.rateOutOfRange(what, rate.toString());
  return undefined;
}

/**
 * DCLG's spot checks, as published (FUNDING_RULES.md "Spot checks and clawback"): about 2.1% of
 * claims were checked (freedom-of-information answer, 2015); of those checked, 2–3% were found
 * invalid in early rounds and about 10% in the last, and invalid claims were repaid.
 */
export interface ExpectedClawback {
  claimed: Decimal;
  /** Share of claims DCLG spot-checks. */
  checked: Decimal;
  /** Share of the checked claims found invalid. */
  invalid: Decimal;
  /** £ expected to be clawed back: claimed × checked × invalid, to the penny. */
  clawback: Decimal;
  /** Claimed £ less the expected clawback: what the council can count on keeping. */
  net: Decimal;
}

/**
 * The default shares: 2.1% of claims checked (published); of those, the last round's 10% found
 * invalid (the most recent and the cautious figure; early rounds found 2-3%).
 */
export const SPOT_CHECKS = { checked: dec("0.021"), invalid: dec("0.1") };

const SPOT_CHECKS_RULE = "FUNDING_RULES.md, Spot checks and clawback";

/**
 * Where the spot-check shares come from, beside the data. (The year-2 release is a framework's
 * rule: its thresholds and basis are in the framework data, src/engine/frameworks.ts.)
 */
export const REALISM_PROVENANCE: {
  checked: Provenance;
  invalid: Provenance;
} = {
  checked: {
    basis: "published",
    source: `DCLG freedom-of-information answer, 2015: about 2.1% of results claims spot-checked (${SPOT_CHECKS_RULE})`,
  },
  invalid: {
    basis: "inferred",
    source: `DCLG spot-check results: 2-3% of checked claims invalid in early rounds, about 10% in the last (${SPOT_CHECKS_RULE})`,
    reasoning:
      "The last round's 10% is taken: the most recent published rate, and the cautious one for a plan (early rounds' 2-3% would expect a quarter as much).",
  },
};

/** The £ expected to be repaid after spot checks: claimed × share checked × share invalid. */
export function expectedClawback(
  claimed: Decimal,
  checked: Decimal,
  invalid: Decimal
): Result<ExpectedClawback> {
  const problem =
    checkMoney("the claimed amount", claimed) ??
    checkRate("the share of claims checked", checked) ??
    checkRate("the share of checked claims found invalid", invalid);
  if (problem) return problem;
  const claimedPence = toPence(claimed);
  const clawback = toPence(claimedPence.times(checked).times(invalid));
  return { claimed: claimedPence, checked, invalid, clawback, net: claimedPence.minus(clawback) };
}

/**
 * The release thresholds when no framework is named: phase 1's (the only framework with the
 * rule), from its data. "A third" is exactly 1/3 (The MJ and LGC reports, 2013), not 0.33.
 */
export const YEAR_TWO_RELEASE: YearTwoReleaseRule = {
  full: parseShare(PHASE1_YEAR_TWO_RELEASE.full) ?? dec("0.75"),
  half: parseShare(PHASE1_YEAR_TWO_RELEASE.half) ?? dec(1).div(3),
};

export type ReleaseStatus = "full" | "half" | "deferred";

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
  /** £ paid July to September of year 2 if the council caught up (the middle band). */
  paidLater: Decimal;
  /**
   * £ deferred (the lowest band): no year-2 payment until the council shows considerably
   * improved performance. Not lost: paid in a later window, on no published date.
   */
  deferred: Decimal;
  /** When "now" is, e.g. "Q1 2013/14", where the framework has a second year. */
  paidNowIn?: string;
  /** When "later" is, e.g. "July to September 2013/14". */
  paidLaterIn?: string;
  /** When the deferred £ arrives, in words. */
  deferredUntil?: string;
}

/**
 * The year-2 attachment release: ≥ 75% of the year-1 commitment worked with → paid in full in
 * Q1 of year 2; a third (1/3) to under 75% → half then, the rest July to September if the
 * council caught up; under a third → deferred until it shows considerably improved performance:
 * moved to a later window, not lost. Halves are split to the penny with any odd penny paid later.
 * The thresholds are the framework's (phase 1's without one); a framework without the rule
 * (phase 2, Supporting Families) is refused.
 */
export function yearTwoRelease(
  input: YearTwoReleaseInput,
  framework?: Framework
): Result<YearTwoRelease> {
  const { commitment, workedWith, attachment } = input;
  if (!commitment.isFinite() || !commitment.greaterThan(0)) return Problems.releaseCommitment();
  if (!workedWith.isFinite()) return Problems.notFinite("families worked with");
  if (workedWith.lessThan(0))
    return Problems.negative("families worked with", workedWith.toString());
  const problem = checkMoney("the year-2 attachment", attachment);
  if (problem) return problem;
  if (framework && !framework.yearTwoRelease) return Problems.noYearTwoRelease(framework.id);
  const rule = framework?.yearTwoRelease ?? YEAR_TWO_RELEASE;

  const ratio = workedWith.div(commitment);
  const amount = toPence(attachment);
  const second = framework?.years[1];
  const when = second
    ? { paidNowIn: `Q1 ${second.label}`, paidLaterIn: `July to September ${second.label}` }
    : {};
  if (ratio.greaterThanOrEqualTo(rule.full)) {
    return { status: "full", ratio, paidNow: amount, paidLater: ZERO, deferred: ZERO, ...when };
  }
  if (ratio.greaterThanOrEqualTo(rule.half)) {
    const paidNow = amount.div(2).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    return {
      status: "half",
      ratio,
      paidNow,
      paidLater: amount.minus(paidNow),
      deferred: ZERO,
      ...when,
    };
  }
  return {
    status: "deferred",
    ratio,
    paidNow: ZERO,
    paidLater: ZERO,
    deferred: amount,
    ...when,
    deferredUntil: second
      ? `after Q1 ${second.label}, once the council shows considerably improved performance (no date published)`
      : "once the council shows considerably improved performance (no date published)",
  };
}

/** The year-2 release of a plan's envelope, with the figures it was worked out from. */
export interface EnvelopeRelease extends YearTwoRelease {
  /**
   * Families the council committed to in year 1: the funded number spread evenly over the
   * framework's programme years, as the programme budgeted it (a third a year in phase 1, half
   * in fast-track), its year-1 share.
   */
  commitment: Decimal;
  /** Programme years the commitment is spread over: the framework's. */
  spreadYears: number;
  /** Families attached in year 1 (the Families table). */
  workedWith: Decimal;
  /** £ of year-2 attachment fees at stake: the envelope's year-2 attachment. */
  attachment: Decimal;
  rule: YearTwoReleaseRule;
}

/**
 * The year-2 release for an envelope, where it applies: the framework has the rule, the
 * families attached each year are given (not spread), there is a year 2 and a commitment
 * (a funded number above 0). Undefined where it does not apply.
 */
export function envelopeYearTwoRelease(
  envelope: CashEnvelope
): Result<EnvelopeRelease> | undefined {
  const { framework } = envelope;
  const rule = framework.yearTwoRelease;
  const funded = envelope.fundedNumber;
  if (!rule || !envelope.attachedGiven || envelope.rows.length < 2) return undefined;
  if (funded === undefined || !funded.greaterThan(0)) return undefined;
  const spreadYears = framework.defaultYears;
  const commitment = evenProfile(funded, spreadYears, envelope.rounding)[0];
  const workedWith = envelope.rows[0].attached;
  const attachment = envelope.rows[1].attachment;
  const release = yearTwoRelease({ commitment, workedWith, attachment }, framework);
  if (isError(release)) return release;
  return { ...release, commitment, spreadYears, workedWith, attachment, rule };
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
