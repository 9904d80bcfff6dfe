import { isoFromSerial, toSerial } from "./dates";
import { Result, isError } from "./errors";
import { Rounding } from "./frameworks";
import { Problems, TableProblems } from "./messages";
import { moneySetting, roundingSetting, shareSetting } from "./parse-settings";
import { OutcomeId, findOutcome } from "./outcomes";
import { normaliseName } from "./text";
import { financialYearLabel, financialYearStart } from "./years";

/** What a cell of a framework table can hold, as Excel hands it over. */
export type TableCell = string | number | boolean | null;

/**
 * The settings a framework table can give, each with the names people are likely to type.
 * `label` is the name written back by frameworkToTable and used in messages.
 */
export const TABLE_SETTINGS = {
  id: { label: "id", synonyms: ["framework id", "code"] },
  name: { label: "name", synonyms: ["framework name", "framework", "title"] },
  source: { label: "source", synonyms: ["sources", "reference"] },
  basedOn: {
    label: "based on",
    synonyms: ["base", "start from", "template", "copy of", "built in"],
  },
  financialYears: {
    label: "financial years",
    synonyms: ["financial year", "years", "year", "fy", "programme years", "program years"],
  },
  defaultYears: {
    label: "default years",
    synonyms: ["years to attach over", "attachment years", "profile years", "spread over years"],
  },
  attachment: {
    label: "attachment",
    synonyms: [
      "attachment fee",
      "attachment fees",
      "attachment per family",
      "up front",
      "upfront",
      "upfront fee",
    ],
  },
  resultsTotal: {
    label: "results total",
    synonyms: [
      "maximum results",
      "max results",
      "results maximum",
      "results",
      "results per family",
      "pbr",
      "payment by results",
    ],
  },
  eligibilityShare: {
    label: "eligibility share",
    synonyms: ["eligibility", "eligible share", "funded share", "share funded", "share"],
  },
  rounding: { label: "rounding", synonyms: ["round", "rounding mode", "family rounding"] },
  councilContribution: {
    label: "council contribution",
    synonyms: ["council contribution per family", "local contribution", "council share"],
  },
  grant: {
    label: "grant",
    synonyms: ["grant per year", "grant amount", "annual grant", "yearly grant"],
  },
  grantLabel: { label: "grant label", synonyms: ["grant name"] },
  employmentTarget: {
    label: "employment target",
    synonyms: ["employment share target", "employment outcomes target"],
  },
  turnedAroundOutcomes: { label: "turned around outcomes", synonyms: ["turned around"] },
  employmentOutcomes: { label: "employment outcomes", synonyms: [] },
  claimWindows: {
    label: "claim windows",
    synonyms: [
      "claim window",
      "windows",
      "claim window closes",
      "claim window close dates",
      "claim deadlines",
    ],
  },
  paymentLagMonths: {
    label: "payment lag months",
    synonyms: ["payment lag", "lag", "lag months", "months to payment", "payment delay"],
  },
  programmeEnd: {
    label: "programme end",
    synonyms: ["program end", "end", "end date", "programme end date", "last claim date"],
  },
  yearTwoRelease: {
    label: "year 2 release",
    synonyms: ["year 2 attachment release", "release thresholds", "year 2 release thresholds"],
  },
} as const;

export type SettingKey = keyof typeof TABLE_SETTINGS;

const SETTING_LOOKUP: ReadonlyMap<string, SettingKey> = (() => {
  const map = new Map<string, SettingKey>();
  for (const [key, setting] of Object.entries(TABLE_SETTINGS)) {
    for (const name of [setting.label, ...setting.synonyms])
      map.set(normaliseName(name), key as SettingKey);
  }
  return map;
})();

/** A header row ("Setting | Value") is allowed and skipped. */
export const isHeaderName = (text: string): boolean =>
  ["setting", "settings", "parameter"].includes(normaliseName(text));

/** The setting or outcome type a row's first cell names; settings win over outcome synonyms. */
export function classifyRow(
  name: string
): { setting: SettingKey } | { outcome: OutcomeId } | undefined {
  const setting = SETTING_LOOKUP.get(normaliseName(name));
  if (setting) return { setting };
  const outcome = findOutcome(name);
  return outcome ? { outcome } : undefined;
}

export const isBlank = (cell: TableCell | undefined): boolean =>
  cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

/*
 * A framework table's money, shares and rounding are read by the engine's one set of setting
 * parsers (parse-settings.ts), so a framework table, a cell and a flag read "£1,000", "10,00",
 * "5/6" and "Half up" alike; the message is prefixed with the table row.
 */

/** The money in one cell as a decimal string: 1000, "1000", "£1,000.50". */
export function parseMoney(row: number, setting: string, cell: TableCell): Result<string> {
  const amount = moneySetting(setting, cell);
  return isError(amount) ? Problems.frameworkTable(row, amount.message) : amount.toString();
}

/** A share between 0 and 1: 5/6 (kept as a fraction so it stays exact), 0.8333 or 83.3%. */
export function parseShareCell(row: number, setting: string, cell: TableCell): Result<string> {
  const share = shareSetting(setting, cell);
  if (isError(share)) return Problems.frameworkTable(row, share.message);
  return typeof cell === "string" && cell.includes("/") ? cell.trim() : share.toString();
}

export function parseRounding(row: number, cell: TableCell): Result<Rounding> {
  const rounding = roundingSetting(cell);
  return isError(rounding) ? Problems.frameworkTable(row, rounding.message) : rounding;
}

export function parseWhole(
  row: number,
  setting: string,
  cell: TableCell,
  least: number,
  most: number
): Result<number> {
  const value = typeof cell === "string" && /^\s*\d+\s*$/.test(cell) ? Number(cell) : cell;
  if (typeof value === "number" && Number.isInteger(value) && value >= least && value <= most)
    return value;
  return Problems.frameworkTable(row, TableProblems.notWholeNumber(setting, cell, least, most));
}

/** A date as ISO text, from ISO text or an Excel serial number. */
export function parseDate(row: number, setting: string, cell: TableCell): Result<string> {
  const serial =
    typeof cell === "number" || typeof cell === "string" ? toSerial(setting, cell) : undefined;
  if (serial === undefined || isError(serial))
    return Problems.frameworkTable(row, TableProblems.notDate(setting, cell));
  return isoFromSerial(serial);
}

export function parseText(row: number, setting: string, cell: TableCell): Result<string> {
  if (typeof cell === "string") return cell.trim();
  return Problems.frameworkTable(row, TableProblems.notText(setting, cell));
}

/** Financial years as labels ("2016/17"), checked to follow one another. */
export function parseFinancialYears(row: number, cells: readonly TableCell[]): Result<string[]> {
  const labels: string[] = [];
  for (const cell of cells) {
    const start = typeof cell === "string" ? financialYearStart(cell) : undefined;
    if (start === undefined)
      return Problems.frameworkTable(row, TableProblems.notFinancialYear(cell));
    const label = financialYearLabel(start);
    const previous = labels[labels.length - 1];
    if (previous !== undefined && Number(previous.slice(0, 4)) + 1 !== start) {
      return Problems.frameworkTable(row, TableProblems.yearsNotConsecutive(previous, label));
    }
    labels.push(label);
  }
  return labels;
}

export function parseOutcomeList(
  row: number,
  setting: string,
  cells: readonly TableCell[]
): Result<OutcomeId[]> {
  const outcomes: OutcomeId[] = [];
  for (const cell of cells) {
    const outcome = typeof cell === "string" ? findOutcome(cell) : undefined;
    if (outcome === undefined)
      return Problems.frameworkTable(row, TableProblems.unknownOutcomeInList(setting, cell));
    if (!outcomes.includes(outcome)) outcomes.push(outcome);
  }
  return outcomes;
}

/** One value per financial year, or a single value that applies to every year. */
export function parsePerYear(
  row: number,
  setting: string,
  cells: readonly TableCell[],
  years: number
): Result<string[]> {
  if (cells.length !== 1 && cells.length !== years) {
    return Problems.frameworkTable(row, TableProblems.perYearCount(setting, cells.length, years));
  }
  const values: string[] = [];
  for (const cell of cells) {
    const money = parseMoney(row, setting, cell);
    if (isError(money)) return money;
    values.push(money);
  }
  return values.length === 1 ? Array(years).fill(values[0]) : values;
}
