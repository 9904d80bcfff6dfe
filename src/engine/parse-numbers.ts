import { FundingError, Result } from "./errors";
import { MAX_FAMILIES, MAX_MONEY, Problems } from "./messages";
import { Decimal, dec, wholeNumber } from "./money";

/*
 * A number as a person types it, read once for every adapter: a cell of an input table, a TF_
 * argument, an Assumptions table, a framework table and a command-line flag all read "1,294",
 * " 294 ", "£1,000" and "10,00" the same way and say the same thing when they cannot be used.
 * `what` names the value in the message ("families nominated", "the grant").
 */

/** What a value can arrive as: a cell's value, a flag's text, a saved pane setting. */
export type RawValue = number | string | boolean | null | undefined;

export function isBlank(value: RawValue): value is null | undefined | "" {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

// "1294", "1,294", "1,294.50", ".5", "1e3": thousands commas only in groups of three, as Excel
// reads typed text.
const NUMBER_TEXT = /^[-+]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;
// Digits and commas that are not thousands ("10,00", "1,2345", "1,,000"): refused rather than
// guessed, since "10,00" could be 10 (a decimal comma) or 1000.
const COMMA_OUT_OF_PLACE = /^[-+]?[\d,]*\d[\d,]*(?:\.\d*)?$/;

/** What a typed value turned out to be, before any limit of a count or an amount. */
type Reading = { n: number } | "blank" | "not a number" | "comma out of place" | "not finite";

function read(value: RawValue): Reading {
  if (isBlank(value)) return "blank";
  if (typeof value === "number") return Number.isFinite(value) ? { n: value } : "not finite";
  if (typeof value !== "string") return "not a number";
  const text = value.trim();
  if (NUMBER_TEXT.test(text)) {
    const n = Number(text.replace(/,/g, ""));
    return Number.isFinite(n) ? { n } : "not finite";
  }
  return COMMA_OUT_OF_PLACE.test(text) ? "comma out of place" : "not a number";
}

/** -0 is 0: a minus sign on nothing is not a negative count. */
const signless = (n: number) => (n === 0 ? 0 : n);

/**
 * The value in a message: text as the person typed it, a whole number with thousands commas,
 * an absurd one (1e308) as JavaScript writes it rather than 103 groups of zeros.
 */
const shown = (value: RawValue, n: number) =>
  typeof value === "string"
    ? value.trim()
    : Number.isInteger(n) && Math.abs(n) < 1e15
      ? n.toLocaleString("en-GB")
      : String(n);

/** The reading as a number, or the problem every kind of number shares. */
function numberOrProblem(
  what: string,
  value: RawValue,
  reading: Reading,
  notANumber: (what: string, got: unknown) => FundingError
): Result<number> {
  if (typeof reading === "object") return signless(reading.n);
  if (reading === "blank") return Problems.blank(what);
  if (reading === "not finite") return Problems.notFinite(what);
  if (reading === "comma out of place") return Problems.commaOutOfPlace(what, value);
  return notANumber(what, value);
}

/** A finite number: a number, or text such as "1,000", "-2.5" or "1e3". */
export function parseNumber(what: string, value: RawValue): Result<number> {
  return numberOrProblem(what, value, read(value), Problems.notANumber);
}

/**
 * A count of families from 0 to MAX_FAMILIES, as a number or as text ("705", " 294 ", "1,294"):
 * whole unless `allowFraction` (a setting whose fractions the engine keeps or refuses by the
 * rounding rule). Refused: negatives, a comma out of place ("10,00").
 */
export function parseCount(what: string, value: RawValue, allowFraction = false): Result<Decimal> {
  const n = numberOrProblem(what, value, read(value), Problems.notACount);
  if (typeof n !== "number") return n;
  if (n < 0) return Problems.negativeCount(what, shown(value, n));
  if (!allowFraction && !Number.isInteger(n)) return Problems.notWhole(what, shown(value, n));
  if (n > MAX_FAMILIES) return Problems.tooManyFamilies(what, shown(value, n));
  return wholeNumber(n === 0 ? 0 : n); // -0 (a "-0" typed, or a formula's) is 0
}

/**
 * An amount of £ from 0 to MAX_MONEY: a number, or text with an optional £ and thousands commas
 * ("£12.34", "-£5", "£ 1,294"). Refused: negatives (a repayment is not a claim), a comma out of
 * place.
 */
export function parseAmount(what: string, value: RawValue): Result<Decimal> {
  // The £ may follow a sign ("-£5") and be followed by a space ("£ 1,294").
  const text = typeof value === "string" ? value.trim().replace(/^([-+]?)£\s*/, "$1") : value;
  const n = numberOrProblem(what, value, read(text === "" ? value : text), Problems.notMoney);
  if (typeof n !== "number") return n;
  if (n < 0) return Problems.negativeMoney(what, shown(value, n));
  if (n > MAX_MONEY) return Problems.tooMuchMoney(what, shown(value, n));
  return dec(n === 0 ? 0 : n); // -0 is £0, not a negative amount
}
