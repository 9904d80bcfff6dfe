import { Result, isError } from "./errors";
import { Framework, ROUNDINGS, Rounding, findFramework, parseShare } from "./frameworks";
import { Problems } from "./messages";
import { Decimal, dec } from "./money";
import { RawValue, isBlank, parseAmount, parseCount, parseNumber } from "./parse-numbers";

/*
 * One set of parsers for the settings a person gives: a custom function's arguments, an
 * Assumptions table, a command-line flag and the task pane all read "5/6", "Half up", "Phase 2",
 * "£1,000" or "10,00" the same way and say the same thing when it cannot be used. `what` names
 * the setting in the message ("share", "the success rate"); each adapter says where it was.
 */

/** What a setting can arrive as: a cell's value, a flag's text, a saved pane setting. */
export type SettingValue = RawValue;

/*
 * Numbers, counts of families and £ are read by parse-numbers.ts, the parsers an input table's
 * cells use too; here under the names the settings' adapters call them by.
 */
export {
  isBlank as isBlankSetting,
  parseAmount as moneySetting,
  parseCount as countSetting,
  parseNumber as numberSetting,
};

/**
 * A share from 0 to 1: a number (0.8333), a fraction ("5/6") or a percentage ("83.3%"). A plain
 * number above 1 is refused, with the hint a person who meant a percentage needs ("65").
 */
export function shareSetting(what: string, value: SettingValue): Result<Decimal> {
  if (isBlank(value)) return Problems.blank(what);
  let parsed: Decimal | undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return Problems.notFinite(what);
    parsed = dec(value);
  } else if (typeof value === "string") {
    const text = value.trim();
    parsed = text.endsWith("%") ? parseShare(text.slice(0, -1))?.div(100) : parseShare(text);
  }
  if (parsed === undefined) return Problems.shareNotValid(what, value);
  if (parsed.lessThan(0) || parsed.greaterThan(1)) {
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
  const n = parseNumber(what, value);
  if (isError(n)) return n;
  const most = framework.years.length;
  if (!Number.isInteger(n) || n < 1 || n > most)
    return Problems.yearsOutOfRange(n, framework.id, most, what);
  return n;
}
