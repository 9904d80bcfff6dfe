import { financialYearOf, isoFromSerial } from "../engine/dates";
import { centralMoney } from "../engine/envelope";
import { FundingError, Result, isError } from "../engine/errors";
import { resultRate } from "../engine/frameworks";
import { Problems } from "../engine/messages";
import { Decimal, poundsToNumber, sum, toPence } from "../engine/money";
import { OUTCOME_TYPES } from "../engine/outcomes";
import { outcomeNotPaid } from "../engine/paid-outcomes";
import { SPOT_CHECKS, expectedClawback, yearTwoRelease } from "../engine/realism";
import { costBreakEven } from "../engine/risk";
import { windowCloses } from "../engine/claim-summaries";
import { employmentShare } from "../engine/shares";
import { financialYearLabel } from "../engine/years";
import { yearOf } from "./contract";
import * as arg from "./excel-args";
import { ExcelArg, ExcelValue } from "./excel-args";

/*
 * Functions beyond the contract that a finance officer or coordinator reaches for next: what a
 * set of claims pays, how many outcomes a £ target needs, the break-even success rate, and the
 * calendar of financial years and claim windows.
 */

/** An outcome's error with the row it came from: in a long claim log the label alone is no help. */
const inRow = (what: string, i: number, error: FundingError) =>
  new FundingError(error.kind, `${what} row ${i + 1}: ${error.message}`);

/** Results £ for claim counts by outcome type, for families attached in one programme year. */
export function resultsForClaims(args: readonly ExcelArg[]): Result<ExcelValue> {
  const [outcomesArg, countsArg, yearArg, frameworkArg] = args;
  const framework = arg.framework(frameworkArg);
  if (isError(framework)) return framework;
  const year = yearOf(framework, yearArg);
  if (isError(year)) return year;
  const outcomes = arg.list("outcomes", outcomesArg);
  if (isError(outcomes)) return outcomes;
  const counts = arg.list("counts", countsArg);
  if (isError(counts)) return counts;
  if (outcomes.length !== counts.length) {
    return Problems.rangeLengthsDiffer("outcomes", outcomes.length, "counts", counts.length);
  }
  const amounts: Decimal[] = [];
  for (let i = 0; i < outcomes.length; i++) {
    if (arg.isBlank(outcomes[i]) && arg.isBlank(counts[i])) continue;
    const outcome = arg.outcome(outcomes[i]);
    if (isError(outcome)) return inRow("outcomes", i, outcome);
    const notPaid = outcomeNotPaid(framework, outcome);
    if (notPaid) return inRow("outcomes", i, notPaid);
    const families = arg.families(`counts row ${i + 1}`, counts[i]);
    if (isError(families)) return families;
    amounts.push(toPence(families.times(resultRate(framework, outcome, year))));
  }
  return poundsToNumber(sum(amounts));
}

/** Whole families who must achieve one outcome for its results to reach a £ target. */
export function outcomesNeeded(args: readonly ExcelArg[]): Result<ExcelValue> {
  const [targetArg, outcomeArg, yearArg, frameworkArg] = args;
  const target = arg.money("target", targetArg);
  if (isError(target)) return target;
  const framework = arg.framework(frameworkArg);
  if (isError(framework)) return framework;
  const outcome = arg.outcome(outcomeArg);
  if (isError(outcome)) return outcome;
  const year = yearOf(framework, yearArg);
  if (isError(year)) return year;
  const rate = resultRate(framework, outcome, year);
  if (target.isZero()) return 0;
  if (rate.isZero())
    return Problems.outcomePaysNothing(OUTCOME_TYPES[outcome].label, year, framework.id);
  return target.div(rate).toDecimalPlaces(0, Decimal.ROUND_CEIL).toNumber();
}

/**
 * The share of the results maximum the cohort must achieve for central money (attachment fees
 * plus results) to cover a cost, such as the council's own team. 0 when fees alone cover it.
 */
export function breakEven(args: readonly ExcelArg[]): Result<ExcelValue> {
  const [familiesArg, costArg, yearsArg, frameworkArg] = args;
  const cost = arg.money("cost", costArg);
  if (isError(cost)) return cost;
  const framework = arg.framework(frameworkArg);
  if (isError(framework)) return framework;
  const cohort = arg.families("families", familiesArg);
  if (isError(cohort)) return cohort;
  const years = arg.optionalNumber("years", yearsArg, framework.defaultYears);
  if (isError(years)) return years;
  const money = centralMoney({ framework, cohort, years });
  if (isError(money)) return money;
  const even = costBreakEven(money, cost);
  if (isError(even)) return even;
  if (!even.reachable || even.rate === undefined) {
    return Problems.targetNotReachable(
      poundsToNumber(cost).toLocaleString("en-GB"),
      poundsToNumber(money.total).toLocaleString("en-GB")
    );
  }
  return even.rate.toNumber();
}

/** The UK financial year (1 April to 31 March) of a date, as "2013/14". */
export function financialYear(args: readonly ExcelArg[]): Result<ExcelValue> {
  const date = arg.date("date", args[0]);
  return isError(date) ? date : financialYearLabel(financialYearOf(date));
}

/** The close date of the first claim window on or after a date (an Excel date serial). */
export function nextClaimWindow(args: readonly ExcelArg[]): Result<ExcelValue> {
  const [dateArg, frameworkArg] = args;
  const date = arg.date("date", dateArg);
  if (isError(date)) return date;
  const framework = arg.framework(frameworkArg);
  if (isError(framework)) return framework;
  const closes = windowCloses(framework);
  if (isError(closes)) return closes;
  const next = closes.find((close) => close >= date);
  if (next !== undefined) return next;
  const last = framework.claimWindows[framework.claimWindows.length - 1] ?? "none";
  return Problems.afterLastWindow(isoFromSerial(date), framework.id, last);
}

/**
 * £ expected to be repaid after DCLG's spot checks: claimed × share checked (2.1% published) ×
 * share of checked claims found invalid (10%, the last round), the engine's rule.
 */
export function expectedClawbackOf(args: readonly ExcelArg[]): Result<ExcelValue> {
  const claimed = arg.money("claimed", args[0]);
  if (isError(claimed)) return claimed;
  const checked = arg.share("checked", args[1]);
  if (isError(checked)) return checked;
  const invalid = arg.share("invalid", args[2]);
  if (isError(invalid)) return invalid;
  const clawback = expectedClawback(
    claimed,
    checked ?? SPOT_CHECKS.checked,
    invalid ?? SPOT_CHECKS.invalid
  );
  return isError(clawback) ? clawback : poundsToNumber(clawback.clawback);
}

/**
 * The year-2 attachment release, spilled as When | £: paid in Q1 of year 2, paid July to
 * September (the middle band) and deferred until improved performance (under a third): the
 * engine's rule, with the thresholds 75% and exactly 1/3 of the year-1 commitment.
 */
export function yearTwoReleaseOf(args: readonly ExcelArg[]): Result<ExcelValue> {
  const commitment = arg.families("commitment", args[0]);
  if (isError(commitment)) return commitment;
  const workedWith = arg.families("worked_with", args[1]);
  if (isError(workedWith)) return workedWith;
  const attachment = arg.money("attachment", args[2]);
  if (isError(attachment)) return attachment;
  const framework = arg.framework(args[3]);
  if (isError(framework)) return framework;
  const release = yearTwoRelease({ commitment, workedWith, attachment }, framework);
  if (isError(release)) return release;
  return [
    ["When", "£"],
    [release.paidNowIn ?? "Q1 of year 2", poundsToNumber(release.paidNow)],
    [release.paidLaterIn ?? "July to September of year 2", poundsToNumber(release.paidLater)],
    ["Deferred until improved performance", poundsToNumber(release.deferred)],
  ];
}

/** Employment results as a share of the families turned around (target 10% in phase 1). */
export function employmentShareOf(args: readonly ExcelArg[]): Result<ExcelValue> {
  const employment = arg.families("employment_outcomes", args[0]);
  if (isError(employment)) return employment;
  const turnedAround = arg.families("turned_around", args[1]);
  if (isError(turnedAround)) return turnedAround;
  if (turnedAround.isZero()) return Problems.emptyCohort("turned_around");
  if (employment.greaterThan(turnedAround)) {
    return Problems.employmentAboveTurnedAround(employment.toString(), turnedAround.toString());
  }
  return employmentShare(employment, turnedAround).toNumber();
}
