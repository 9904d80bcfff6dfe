import { cashEnvelope, pbrAtRisk, CashEnvelope, EnvelopeInput } from "../engine/envelope";
import { fundedFamilies } from "../engine/eligibility";
import { Result, isError } from "../engine/errors";
import { FORECAST_METHODS, ForecastMethod, forecastOutcomes, ClaimPoint } from "../engine/forecast";
import { Framework, Rounding, resultRate } from "../engine/frameworks";
import { Problems } from "../engine/messages";
import { Decimal, poundsToNumber } from "../engine/money";
import { outcomeNotPaid } from "../engine/paid-outcomes";
import { turnedAroundShare } from "../engine/shares";
import { resolveYear } from "../engine/years";
import * as arg from "./excel-args";
import { ExcelArg, ExcelCell, ExcelValue } from "./excel-args";

/*
 * The functions of the public contract (PRODUCT.md): Excel-shaped arguments in, an Excel-shaped
 * value or a FundingError out. Parsing is in excel-args.ts, the arithmetic in the engine.
 */

/** A Decimal count of families as Excel shows it (fractions only arise with rounding "none"). */
export const familiesOut = (families: Decimal): number => families.toNumber();

interface EnvelopeArgs {
  families: ExcelArg;
  years: ExcelArg;
  framework: ExcelArg;
  rounding: ExcelArg;
  funded?: ExcelArg;
}

function envelopeInput(args: EnvelopeArgs): Result<EnvelopeInput> {
  const framework = arg.framework(args.framework);
  if (isError(framework)) return framework;
  const rounding = arg.rounding(args.rounding);
  if (isError(rounding)) return rounding;
  const cohort = arg.families("families", args.families);
  if (isError(cohort)) return cohort;
  const years = arg.optionalNumber("years", args.years, framework.defaultYears);
  if (isError(years)) return years;
  const funded = arg.optionalFamilies("funded", args.funded ?? null, rounding === "none");
  if (isError(funded)) return funded;
  return { framework, cohort, years, rounding, fundedOverride: funded };
}

export function envelopeFromArgs(args: EnvelopeArgs): Result<CashEnvelope> {
  const input = envelopeInput(args);
  return isError(input) ? input : cashEnvelope(input);
}

function envelopeTable(envelope: CashEnvelope): ExcelCell[][] {
  const header = ["Year", "Families funded", "Attachment £", "Results (PbR) £", "Total £"];
  const rows = envelope.rows.map((row) => [
    row.year.label,
    familiesOut(row.families),
    poundsToNumber(row.attachment),
    poundsToNumber(row.results),
    poundsToNumber(row.total),
  ]);
  const t = envelope.totals;
  const total = [
    "Total",
    familiesOut(t.families),
    poundsToNumber(t.attachment),
    poundsToNumber(t.results),
    poundsToNumber(t.total),
  ];
  return [header, ...rows, total];
}

export function attachment(args: readonly ExcelArg[]): Result<ExcelValue> {
  const [familiesArg, yearArg, frameworkArg, roundingArg] = args;
  const framework = arg.framework(frameworkArg);
  if (isError(framework)) return framework;
  const rounding = arg.rounding(roundingArg ?? null);
  if (isError(rounding)) return rounding;
  const families = arg.families(
    "families",
    familiesArg,
    (rounding ?? framework.rounding) === "none"
  );
  if (isError(families)) return families;
  const year = yearOf(framework, yearArg);
  if (isError(year)) return year;
  return poundsToNumber(families.times(framework.attachment[year - 1]));
}

export function yearOf(framework: Framework, yearArg: ExcelArg): Result<number> {
  const year = arg.yearText(yearArg);
  return isError(year) ? year : resolveYear(framework, year);
}

export function resultsPayment(args: readonly ExcelArg[]): Result<ExcelValue> {
  const [outcomeArg, yearArg, frameworkArg] = args;
  const framework = arg.framework(frameworkArg);
  if (isError(framework)) return framework;
  const outcome = arg.outcome(outcomeArg);
  if (isError(outcome)) return outcome;
  const year = yearOf(framework, yearArg);
  if (isError(year)) return year;
  const notPaid = outcomeNotPaid(framework, outcome);
  if (notPaid) return notPaid;
  return poundsToNumber(resultRate(framework, outcome, year));
}

export function eligible(args: readonly ExcelArg[]): Result<ExcelValue> {
  const [familiesArg, shareArg, roundingArg] = args;
  const phase1 = arg.framework(null) as Framework;
  const cohort = arg.families("families", familiesArg);
  if (isError(cohort)) return cohort;
  const share = arg.share("share", shareArg ?? null);
  if (isError(share)) return share;
  const rounding = arg.rounding(roundingArg ?? null);
  if (isError(rounding)) return rounding;
  const funded = fundedFamilies(cohort, {
    share: share ?? phase1.eligibilityShare,
    rounding: (rounding ?? phase1.rounding) as Rounding,
  });
  return isError(funded) ? funded : familiesOut(funded);
}

export function claimPoints(datesArg: ExcelArg, countsArg: ExcelArg): Result<ClaimPoint[]> {
  const dates = arg.list("claim_dates", datesArg);
  if (isError(dates)) return dates;
  const counts = arg.list("claim_counts", countsArg);
  if (isError(counts)) return counts;
  if (dates.length !== counts.length)
    return Problems.rangeLengthsDiffer("claim_dates", dates.length, "claim_counts", counts.length);
  const points: ClaimPoint[] = [];
  for (let i = 0; i < dates.length; i++) {
    if (arg.isBlank(dates[i]) && arg.isBlank(counts[i])) continue;
    const date = arg.date(`claim_dates row ${i + 1}`, dates[i]);
    if (isError(date)) return date;
    // Checked here, by the range's own row: blank rows are skipped, so the engine's position
    // among the points would name the wrong row below a gap.
    const previous = points[points.length - 1];
    if (previous && date < previous.date) return Problems.datesOutOfOrder("claim_dates", i + 1);
    const count = arg.families(`claim_counts row ${i + 1}`, counts[i]);
    if (isError(count)) return count;
    points.push({ date, count });
  }
  return points;
}

export function pbrForecast(args: readonly ExcelArg[]): Result<ExcelValue> {
  const [datesArg, countsArg, dateArg, cohortArg, methodArg] = args;
  const points = claimPoints(datesArg, countsArg);
  if (isError(points)) return points;
  const forecastDate = arg.date("forecast_date", dateArg);
  if (isError(forecastDate)) return forecastDate;
  const cohort = arg.optionalFamilies("cohort", cohortArg ?? null);
  if (isError(cohort)) return cohort;
  const method = arg.text("method", methodArg ?? null, "linear");
  if (isError(method)) return method;
  const known = FORECAST_METHODS.find((m) => m === method.toLowerCase());
  if (!known) return Problems.unknownMethod(method, FORECAST_METHODS);
  const forecast = forecastOutcomes(points, forecastDate, cohort, known as ForecastMethod);
  return isError(forecast) ? forecast : forecast.toNumber();
}

export function turnedAround(args: readonly ExcelArg[]): Result<ExcelValue> {
  const [outcomesArg, cohortArg] = args;
  const outcomes = arg.families("outcomes", outcomesArg);
  if (isError(outcomes)) return outcomes;
  const cohort = arg.families("cohort", cohortArg);
  if (isError(cohort)) return cohort;
  const share = turnedAroundShare(outcomes, cohort);
  return isError(share) ? share : share.toNumber();
}

export const envelopeArgs = (args: readonly ExcelArg[]): EnvelopeArgs => ({
  families: args[0],
  years: args[1] ?? null,
  framework: args[2] ?? null,
  rounding: args[3] ?? null,
  funded: args[4] ?? null,
});

export function envelope(args: readonly ExcelArg[]): Result<ExcelValue> {
  const result = envelopeFromArgs(envelopeArgs(args));
  return isError(result) ? result : envelopeTable(result);
}

export function pbrRisk(args: readonly ExcelArg[]): Result<ExcelValue> {
  const input = envelopeInput(envelopeArgs(args));
  if (isError(input)) return input;
  const atRisk = pbrAtRisk(input);
  return isError(atRisk) ? atRisk : poundsToNumber(atRisk);
}
