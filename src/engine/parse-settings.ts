import { Result, isError } from "./errors";
import { Framework, ROUNDINGS, Rounding, findFramework, parseShare } from "./frameworks";
import { MAX_FAMILIES, MAX_MONEY, Problems } from "./messages";
import { Decimal, dec, wholeNumber } from "./money";

/*
 * One set of parsers for the settings a person gives: a custom function's arguments, an
 * Assumptions table, a command-line flag and the task pane all read "5/6", "Half up", "Phase 2",
 * "£1,000" or "10,00" the same way and say the same thing when it cannot be used. `what` names
 * the setting in the message ("share", "the success rate"); each adapter says where it was.
 */

/** What a setting can arrive as: a cell's value, a flag's text, a saved pane setting. */
export type SettingValue = number | string | boolean | null | undefined;

export function isBlankSetting(value: SettingValue): value is null | undefined | "" {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

// Thousands grouped by commas ("1,000") or none ("1000"); Excel reads typed text the same way.
const NUMBER_TEXT = /^[-+]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;
// "10,00": a comma where a point was meant (or misplaced): refused rather than read as 1000.
const MISPLACED_COMMA = /^[-+]?[\d,]*,\d{1,2}$|^[-+]?[\d,]*,\d{4,}/;

/** A finite number: a number, or text such as "1,000", "-2.5" or "1e3". */
export function numberSetting(what: string, value: SettingValue): Result<number> {
  if (isBlankSetting(value)) return Problems.blank(what);
  if (typeof value === "number") return Number.isFinite(value) ? value : Problems.notFinite(what);
  if (typeof value !== "string") return Problems.notANumber(what, value);
  const text = value.trim();
  if (NUMBER_TEXT.test(text)) {
    const parsed = Number(text.replace(/,/g, ""));
    return Number.isFinite(parsed) ? parsed : Problems.notFinite(what);
  }
  if (MISPLACED_COMMA.test(text)) return Problems.commaNotThousands(what, value);
  return Problems.notANumber(what, value);
}

/** A count of families: not negative, at most MAX_FAMILIES, whole unless fractions are allowed. */
export function countSetting(
  what: string,
  value: SettingValue,
  allowFraction = false
): Result<Decimal> {
  const n = numberSetting(what, value);
  if (isError(n)) return n;
  if (n < 0) return Problems.negative(what, n);
  if (n > MAX_FAMILIES) return Problems.tooLarge(what, n, MAX_FAMILIES);
  if (!allowFraction && !Number.isInteger(n)) return Problems.notWhole(what, n);
  return wholeNumber(n);
}

/** An amount of money in £ ("£1,000.50", 1000.5): not negative, at most £1 trillion. */
export function moneySetting(what: string, value: SettingValue): Result<Decimal> {
  if (typeof value === "boolean") return Problems.notMoney(what, value);
  const text = typeof value === "string" ? value.trim().replace(/^£\s*/, "") : value;
  const n = numberSetting(what, text === "" ? value : text);
  if (isError(n)) {
    // Blank, "10,00" and infinities keep their own message; other text is not money.
    const notMoney =
      typeof text === "string" && text !== "" && !/,/.test(text) && n.kind === "value";
    return notMoney ? Problems.notMoney(what, value) : n;
  }
  if (n < 0) return Problems.negativeMoney(what, n);
  if (n > MAX_MONEY) return Problems.tooMuchMoney(what, n);
  return dec(n);
}

/**
 * A share from 0 to 1: a number (0.8333), a fraction ("5/6") or a percentage ("83.3%"). A plain
 * number above 1 is refused, with the hint a person who meant a percentage needs ("65").
 */
export function shareSetting(what: string, value: SettingValue): Result<Decimal> {
  if (isBlankSetting(value)) return Problems.blank(what);
  let parsed: Decimal | undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return Problems.notFinite(what);
    parsed = dec(value);
  } else if (typeof value === "string") {
    const text = value.trim();
    parsed = text.endsWith("%") ? parseShare(text.slice(0, -1))?.div(100) : parseShare(text);
  }
  if (parsed === undefined) return Problems.shareNotValid(what, value);
  if (parsed.isNegative() || parsed.greaterThan(1)) {
    const shown = typeof value === "string" ? value.trim() : parsed.toString();
    // "65" was most likely meant as 65%; "7/6" or "150%" was not.
    const plain = typeof value === "number" || /^[\d.]+$/.test(String(value).trim());
    const meantPercent = plain && parsed.greaterThan(1) && parsed.lessThanOrEqualTo(100);
    return Problems.shareOutOfRange(what, shown, meantPercent ? parsed.toString() : undefined);
  }
  return parsed;
}

/** A rounding rule: "half-up", "Half up", "halfup", "none", "down" (case and spacing free). */
export function roundingSetting(value: SettingValue): Result<Rounding> {
  const name = typeof value === "string" ? value.toLowerCase().replace(/[\s_-]+/g, "") : "";
  const found = ROUNDINGS.find((r) => r.replace("-", "") === name);
  return found ?? Problems.unknownRounding(value);
}

/**
 * A built-in framework by name: "phase2", "Phase 2", "phase 1 fast track", "Earned autonomy",
 * "Supporting Families"; an unknown name is named, with the frameworks and a near miss.
 */
export function frameworkSetting(value: SettingValue, tableAllowed = false): Result<Framework> {
  return findFramework(value, tableAllowed);
}

/** Programme years to spread a cohort over: a whole number from 1 to the framework's years. */
export function yearsSetting(
  what: string,
  value: SettingValue,
  framework: Framework
): Result<number> {
  const n = numberSetting(what, value);
  if (isError(n)) return n;
  const most = framework.years.length;
  if (!Number.isInteger(n) || n < 1 || n > most)
    return Problems.yearsOutOfRange(n, framework.id, most, what);
  return n;
}
