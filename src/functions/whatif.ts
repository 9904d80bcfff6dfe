import { CashFlow, cashFlow } from "../engine/cashflow";
import { FundingError, Result, isError } from "../engine/errors";
import { Framework } from "../engine/frameworks";
import { Problems } from "../engine/messages";
import { Decimal, ZERO, dec, poundsToNumber } from "../engine/money";
import { targetNeeded } from "../engine/target";
import { financialYearToCount } from "../engine/years";
import { familiesOut } from "./contract";
import * as arg from "./excel-args";
import { ExcelArg, ExcelCell, ExcelValue } from "./excel-args";

/*
 * The coordinator's what-if in a cell: the money of families attached per year by the financial
 * year it is received (TF.CASHFLOW), and the goal seek (TF.TARGET_NEEDED). The rules are the
 * engine's cashFlow and targetNeeded; here only Excel's arguments in and a value out.
 */

/**
 * Families attached in each programme year, from year 1: a row or column of counts (a blank
 * cell inside it is a year with none attached), or one number, that many in each of the
 * framework's default years.
 */
export function attachedPerYear(
  what: string,
  value: ExcelArg,
  framework: Framework
): Result<Decimal[]> {
  if (!Array.isArray(value) || (value.length === 1 && value[0]?.length === 1)) {
    const each = arg.families(what, value);
    return isError(each) ? each : Array<Decimal>(framework.defaultYears).fill(each);
  }
  const cells = arg.list(what, value);
  if (isError(cells)) return cells;
  if (cells.length === 0) return Problems.blank(what);
  const attached: Decimal[] = [];
  for (const [i, cell] of cells.entries()) {
    const families = arg.isBlank(cell) ? ZERO : arg.families(`${what} year ${i + 1}`, cell);
    if (isError(families)) return families;
    attached.push(families);
  }
  return attached;
}

/** The money by financial year as Excel spills it: a header, one row a year, a Total row. */
export function cashFlowTable(flow: CashFlow): ExcelCell[][] {
  return [
    ["Financial year", "Attachment £ received", "Results £ received", "Total £ received"],
    ...flow.years.map((year) => [
      year.label,
      poundsToNumber(year.attachment),
      poundsToNumber(year.results),
      poundsToNumber(year.received),
    ]),
    [
      "Total",
      poundsToNumber(flow.attachment),
      poundsToNumber(flow.expectedResults),
      poundsToNumber(flow.total),
    ],
  ];
}

/** months_to_result: blank for the engine's assumption (MONTHS_TO_RESULT). */
function monthsToResult(value: ExcelArg): Result<number | undefined> {
  const single = arg.single("months_to_result", value);
  if (isError(single)) return single;
  return arg.isBlank(single) ? undefined : arg.number("months_to_result", single);
}

/** by_year: "2019/20", or a programme year (1 is the framework's first). */
function yearToCount(framework: Framework, value: ExcelArg): Result<number> {
  const year = arg.single("by_year", value);
  if (isError(year)) return year;
  if (arg.isBlank(year)) return Problems.blank("by_year");
  if (typeof year === "number" || typeof year === "string")
    return financialYearToCount(framework, year);
  return Problems.unknownByYear(year, framework.id, framework.years[0].label);
}

/** TF_CASHFLOW(families_per_year, [success_rate], [framework], [months_to_result], [cohort]). */
export function cashFlowOf(args: readonly ExcelArg[]): Result<ExcelValue> {
  const [familiesArg, rateArg, frameworkArg, monthsArg, cohortArg] = args;
  const framework = arg.framework(frameworkArg ?? null);
  if (isError(framework)) return framework;
  const attached = attachedPerYear("families_per_year", familiesArg, framework);
  if (isError(attached)) return attached;
  const successRate = arg.share("success_rate", rateArg ?? null);
  if (isError(successRate)) return successRate;
  const months = monthsToResult(monthsArg ?? null);
  if (isError(months)) return months;
  const cohort = arg.optionalFamilies("cohort", cohortArg ?? null);
  if (isError(cohort)) return cohort;
  const flow = cashFlow({
    framework,
    attached,
    // Left out, every family is turned around: the results maximum, as TF.ENVELOPE shows it.
    successRate: successRate ?? dec(1),
    monthsToResult: months,
    cohort,
  });
  return isError(flow) ? flow : cashFlowTable(flow);
}

/**
 * TF_TARGET_NEEDED(amount, by_year, [families_per_year], [success_rate], [framework],
 * [months_to_result], [cohort], [years]): with families_per_year, the success rate needed (0 to
 * 1, to 0.01%, rounded up); with success_rate instead, the whole families a year needed, every
 * year alike over `years`. Not reachable is #NUM! with the most that can be received by then.
 */
export function targetNeededOf(args: readonly ExcelArg[]): Result<ExcelValue> {
  const [amountArg, byArg, familiesArg, rateArg, frameworkArg, monthsArg, cohortArg, yearsArg] =
    args;
  const amount = arg.money("amount", amountArg);
  if (isError(amount)) return amount;
  const framework = arg.framework(frameworkArg ?? null);
  if (isError(framework)) return framework;
  const byYear = yearToCount(framework, byArg);
  if (isError(byYear)) return byYear;
  const givesFamilies = !arg.isBlank(familiesArg ?? null);
  const successRate = arg.share("success_rate", rateArg ?? null);
  if (isError(successRate)) return successRate;
  if (givesFamilies && successRate !== undefined)
    return Problems.targetBothGiven("families_per_year", "success_rate");
  if (!givesFamilies && successRate === undefined)
    return Problems.targetNeitherGiven("families_per_year", "success_rate");
  const months = monthsToResult(monthsArg ?? null);
  if (isError(months)) return months;
  const cohort = arg.optionalFamilies("cohort", cohortArg ?? null);
  if (isError(cohort)) return cohort;
  const common = { framework, amount, byYear, monthsToResult: months, cohort };

  if (givesFamilies) {
    const attached = attachedPerYear("families_per_year", familiesArg ?? null, framework);
    if (isError(attached)) return attached;
    const answer = targetNeeded({ ...common, solveFor: "success-rate", attached });
    if (isError(answer)) return answer;
    return answer.reachable ? answer.successRate!.toNumber() : notReachable(answer.why);
  }
  const years = arg.optionalNumber("years", yearsArg ?? null, framework.defaultYears);
  if (isError(years)) return years;
  const answer = targetNeeded({ ...common, solveFor: "families", successRate, years });
  if (isError(answer)) return answer;
  return answer.reachable ? familiesOut(answer.familiesPerYear!) : notReachable(answer.why);
}

/** Not reachable: #NUM!, its message the engine's reason with the most that can be received. */
const notReachable = (why: string) => new FundingError("num", `${why}.`);
