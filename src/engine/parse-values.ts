import { toSerial } from "./dates";
import { FundingError, Result } from "./errors";
import { MAX_FAMILIES, MAX_MONEY } from "./messages";
import { Decimal, dec, wholeNumber } from "./money";
import { OUTCOME_TYPES, OutcomeId, findOutcome, isPartOfResult } from "./outcomes";
import { quote } from "./text";

/**
 * One parser per kind of value a council types into a cell — a count of families, an amount of
 * £, a date, an outcome — so that a value reads the same in an input table, a TF_ function and a
 * flag, with the same problem text. Each takes the cell's value as a reader hands it (number,
 * text, boolean or null) and `what` names it in the message ("families nominated").
 *
 * Blank cells are the caller's decision (a blank attached count means "not given", a blank claim
 * count is a problem), so each parser expects a value that `isBlank` has let through.
 */
export type RawValue = number | string | boolean | null | undefined;

export function isBlank(value: RawValue): value is null | undefined | "" {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

const problem = (kind: "value" | "num", message: string) => new FundingError(kind, message);

export const ValueProblems = {
  notACount: (what: string, got: unknown) =>
    problem("value", `${what} must be a number of families, not ${quote(got)}.`),
  misplacedComma: (what: string, got: string) =>
    problem(
      "value",
      `${what} ${quote(got)} has a comma out of place: write thousands as 1,294 (or 1294); a decimal comma is not read.`
    ),
  negativeCount: (what: string, got: string) =>
    problem("num", `${what} cannot be negative (${got}): enter 0 or more families.`),
  notWholeCount: (what: string, got: string) =>
    problem(
      "num",
      `${what} must be a whole number of families, not ${got}: families cannot be split.`
    ),
  tooManyFamilies: (what: string, got: string) =>
    problem(
      "num",
      `${what} is ${got}, more than the ${MAX_FAMILIES.toLocaleString("en-GB")} families this model allows: check the cell.`
    ),
  notAnAmount: (what: string, got: unknown) =>
    problem("value", `${what} must be £ (such as 12.34, £12.34 or £1,294), not ${quote(got)}.`),
  negativeAmount: (what: string, got: string) =>
    problem("num", `${what} cannot be negative (${got}): enter £0 or more.`),
  tooMuchMoney: (what: string, got: string) =>
    problem(
      "num",
      `${what} is ${got}, more than the £${MAX_MONEY.toLocaleString("en-GB")} this model allows: check the cell.`
    ),
  notAnOutcome: (got: unknown, accepted: readonly string[]) =>
    problem(
      "value",
      `${quote(got)} is not an outcome type: use one of ${accepted.map((a) => `"${a}"`).join(", ")}.`
    ),
  partOfAResult: (got: unknown, accepted: readonly string[]) =>
    problem(
      "value",
      `${quote(got)} is only one part of a result: the crime/ASB and education result is paid once a family has achieved both parts, so enter such a family once as "Crime/ASB and education" (a family that achieved one part has no result to claim yet). Outcome types: ${accepted.map((a) => `"${a}"`).join(", ")}.`
    ),
};

// "1294", "1,294", "1,294,000", "12.5", "1,294.50": thousands commas only where they belong.
const PLAIN = /^[+-]?\d+(\.\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Text as a number the way a person wrote it, or why not (undefined: not a number at all). */
function numberFromText(
  what: string,
  text: string,
  notANumber: (what: string, got: unknown) => FundingError
): Result<number> {
  const trimmed = text.trim().replace(/\s+/g, "");
  if (PLAIN.test(trimmed) || GROUPED.test(trimmed)) return Number(trimmed.replace(/,/g, ""));
  if (/^[+-]?[\d,]+(\.\d+)?$/.test(trimmed) && /\d/.test(trimmed))
    return ValueProblems.misplacedComma(what, text);
  return notANumber(what, text);
}

/** -0 is 0: a minus sign on nothing is not a negative count. */
const signless = (n: number) => (n === 0 ? 0 : n);

/**
 * A count of families: a whole number from 0, as a number or as text ("705", " 294 ", "1,294").
 * Refused: fractions, negatives, a comma out of place ("10,00", which could be 10 or 1000).
 */
export function parseCount(what: string, value: RawValue): Result<Decimal> {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string"
        ? numberFromText(what, value, ValueProblems.notACount)
        : ValueProblems.notACount(what, value);
  if (n instanceof FundingError) return n;
  if (!Number.isFinite(n)) return ValueProblems.notACount(what, value);
  if (n < 0) return ValueProblems.negativeCount(what, String(n));
  if (!Number.isInteger(n)) return ValueProblems.notWholeCount(what, String(n));
  if (n > MAX_FAMILIES) return ValueProblems.tooManyFamilies(what, n.toLocaleString("en-GB"));
  return wholeNumber(signless(n));
}

/**
 * An amount of £ from 0: a number, or text with an optional £ and thousands commas ("£12.34",
 * "1,294", " 294 "). Refused: negatives (a repayment is not a claim), a comma out of place.
 */
export function parseAmount(what: string, value: RawValue): Result<Decimal> {
  const text = typeof value === "string" ? value.trim().replace(/^([+-]?)\s*£/, "$1") : value;
  const n =
    typeof text === "number"
      ? text
      : typeof text === "string"
        ? numberFromText(what, text, () => ValueProblems.notAnAmount(what, value))
        : ValueProblems.notAnAmount(what, value);
  if (n instanceof FundingError) return n;
  if (!Number.isFinite(n)) return ValueProblems.notAnAmount(what, value);
  if (n < 0) return ValueProblems.negativeAmount(what, String(value).trim());
  if (n > MAX_MONEY) return ValueProblems.tooMuchMoney(what, String(value).trim());
  return dec(signless(n));
}

/** A date: an Excel date (serial), ISO text or UK text, read as dates.ts `toSerial` reads it. */
export function parseDate(what: string, value: RawValue): Result<number> {
  if (typeof value === "number" || typeof value === "string") return toSerial(what, value);
  return toSerial(what, String(value));
}

/**
 * An outcome type from a council's label. A label naming one part of a result ("Crime",
 * "Education") is refused with why; an unknown one lists the accepted labels (`accepted`: the
 * outcome types the framework pays, all of them when not given).
 */
export function parseOutcome(value: RawValue, accepted?: readonly OutcomeId[]): Result<OutcomeId> {
  const found = typeof value === "string" ? findOutcome(value) : undefined;
  if (found) return found;
  // Only now: a long claim log names a handful of labels, and each is found at once.
  const labels = (accepted ?? (Object.keys(OUTCOME_TYPES) as OutcomeId[])).map(
    (id) => OUTCOME_TYPES[id].label
  );
  return typeof value === "string" && isPartOfResult(value)
    ? ValueProblems.partOfAResult(value, labels)
    : ValueProblems.notAnOutcome(value, labels);
}
