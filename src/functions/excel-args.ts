import { Result, isError } from "../engine/errors";
import { Framework, Rounding, builtInFramework } from "../engine/frameworks";
import { Problems } from "../engine/messages";
import { Decimal } from "../engine/money";
import {
  countSetting,
  frameworkSetting,
  moneySetting,
  numberSetting,
  roundingSetting,
  shareSetting,
} from "../engine/parse-settings";
import { isBlank as isBlankValue } from "../engine/parse-numbers";
import { OUTCOME_IDS, OutcomeId, findOutcome } from "../engine/outcomes";
import { frameworkFromTable } from "../engine/custom-framework";
import { toSerial } from "../engine/dates";

/**
 * What Excel hands a custom function: numbers, text, booleans, null for an empty cell or an
 * omitted optional argument, and 2-D arrays for ranges (blank cells inside them are null or "").
 */
export type ExcelScalar = number | string | boolean | null | undefined;
export type ExcelArg = ExcelScalar | ExcelScalar[][];
export type ExcelCell = number | string | boolean;
export type ExcelValue = ExcelCell | ExcelCell[][];

/** An empty cell or an omitted argument, as every parser counts one; a range is never blank. */
export function isBlank(arg: ExcelArg): arg is null | undefined | "" {
  return !Array.isArray(arg) && isBlankValue(arg);
}

/** A single value: a 1×1 range counts as its one cell. */
export function single(what: string, arg: ExcelArg): Result<ExcelScalar> {
  if (!Array.isArray(arg)) return arg;
  if (arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1) return arg[0][0];
  return Problems.unexpectedRange(what);
}

/** A finite number; numeric text such as "1,000" is read as Excel reads it when typed. */
export function number(what: string, arg: ExcelArg): Result<number> {
  const value = single(what, arg);
  return isError(value) ? value : numberSetting(what, value);
}

export function optionalNumber(what: string, arg: ExcelArg, fallback: number): Result<number> {
  const value = single(what, arg);
  if (isError(value)) return value;
  return isBlank(value) ? fallback : number(what, value);
}

/** A count of families: not negative, not absurdly large, whole unless fractions are allowed. */
export function families(what: string, arg: ExcelArg, allowFraction = false): Result<Decimal> {
  const value = single(what, arg);
  return isError(value) ? value : countSetting(what, value, allowFraction);
}

/** An amount of money in £: not negative, at most £1 trillion, held to the penny. */
export function money(what: string, arg: ExcelArg): Result<Decimal> {
  const value = single(what, arg);
  return isError(value) ? value : moneySetting(what, value);
}

/** A count of families that may be left out (an empty cell or omitted argument). */
export function optionalFamilies(
  what: string,
  arg: ExcelArg,
  allowFraction = false
): Result<Decimal | undefined> {
  const value = single(what, arg);
  if (isError(value)) return value;
  return isBlank(value) ? undefined : families(what, value, allowFraction);
}

/** A share between 0 and 1: a number (0.8333), a fraction ("5/6") or a percentage ("83.3%"). */
export function share(what: string, arg: ExcelArg): Result<Decimal | undefined> {
  const value = single(what, arg);
  if (isError(value)) return value;
  return isBlank(value) ? undefined : shareSetting(what, value);
}

export function rounding(arg: ExcelArg): Result<Rounding | undefined> {
  const value = single("rounding", arg);
  if (isError(value)) return value;
  return isBlank(value) ? undefined : roundingSetting(value);
}

/** A framework by name (phase1, "Phase 2", …) or a framework table selected as a range. */
export function framework(arg: ExcelArg, fallback = "phase1"): Result<Framework> {
  if (Array.isArray(arg) && !(arg.length === 1 && arg[0]?.length === 1)) {
    return frameworkFromTable(
      arg.map((row) => row.map((cell) => (cell === undefined ? null : cell)))
    );
  }
  const value = single("framework", arg);
  if (isError(value)) return value;
  if (isBlank(value)) return builtInFramework(fallback) as Framework;
  return frameworkSetting(value, true);
}

export function outcome(arg: ExcelArg): Result<OutcomeId> {
  const value = single("outcome", arg);
  if (isError(value)) return value;
  const found = typeof value === "string" ? findOutcome(value) : undefined;
  return found ?? Problems.unknownOutcome(value, OUTCOME_IDS);
}

/** A programme year as a number or a financial-year label, still to be checked by the framework. */
export function yearText(arg: ExcelArg): Result<number | string> {
  const value = single("year", arg);
  if (isError(value)) return value;
  if (isBlank(value)) return Problems.blank("year");
  if (typeof value === "number") return Number.isFinite(value) ? value : Problems.notFinite("year");
  if (typeof value === "string") return value;
  return Problems.unknownYear(value, "chosen", ["1"]);
}

export function date(what: string, arg: ExcelArg): Result<number> {
  const value = single(what, arg);
  if (isError(value)) return value;
  if (isBlank(value)) return Problems.notADate(what, value);
  if (typeof value === "number" || typeof value === "string") return toSerial(what, value);
  return Problems.notADate(what, value);
}

export function text(what: string, arg: ExcelArg, fallback: string): Result<string> {
  const value = single(what, arg);
  if (isError(value)) return value;
  if (isBlank(value)) return fallback;
  return typeof value === "string" ? value.trim() : Problems.notText(what, value);
}

/**
 * A one-column or one-row range as a list of cells, in reading order. A single value counts as
 * a range of one. Whole rows of blanks at the end are the unused part of a selection.
 */
export function list(what: string, arg: ExcelArg): Result<ExcelScalar[]> {
  if (!Array.isArray(arg)) return [arg];
  const rows = arg.length;
  // A loop, not Math.max(...rows): a whole column is 1,048,576 rows, past the spread's stack.
  let columns = 0;
  for (const row of arg) columns = Math.max(columns, Array.isArray(row) ? row.length : 0);
  if (rows > 1 && columns > 1) return Problems.unexpectedRange(`${what} (one column or one row)`);
  const cells = rows === 1 ? [...arg[0]] : arg.map((row) => (Array.isArray(row) ? row[0] : row));
  while (cells.length > 0 && isBlank(cells[cells.length - 1])) cells.pop();
  return cells;
}
