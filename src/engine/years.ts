import { Result } from "./errors";
import { Framework } from "./frameworks";
import { Problems } from "./messages";

/**
 * "2013/14", "2013-14", "2013/2014", "2013-2014", "13/14", "FY 2013/14", "FY13/14" → the calendar
 * year it starts (2013). A two-digit start is in the 2000s: the programmes ran from 2012.
 */
export function financialYearStart(text: string): number | undefined {
  const match = /^\s*(?:fy\s*)?(\d{4}|\d{2})\s*(?:\/|-|–|—|to)\s*(\d{2}|\d{4})\s*$/i.exec(text);
  if (!match) return undefined;
  const start = match[1].length === 2 ? 2000 + Number(match[1]) : Number(match[1]);
  const end = Number(match[2]);
  const expectedEnd = match[2].length === 2 ? (start + 1) % 100 : start + 1;
  return end === expectedEnd ? start : undefined;
}

/** The financial-year label ("2013/14") of the financial year starting in `startYear`. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/**
 * A programme year from what a user typed: its number (1, 2, 3…) or its financial year
 * ("2013/14"). Returns the 1-based index into the framework's years.
 */
export function resolveYear(framework: Framework, year: number | string): Result<number> {
  const count = framework.years.length;
  const labels = framework.years.map((y) => y.label);
  if (typeof year === "number") {
    return Number.isInteger(year) && year >= 1 && year <= count
      ? year
      : Problems.unknownYear(year, framework.id, labels);
  }
  const trimmed = year.trim();
  if (/^\d+$/.test(trimmed)) return resolveYear(framework, Number(trimmed));
  const start = financialYearStart(trimmed);
  const found = framework.years.find((y) => y.startYear === start);
  return found ? found.index : Problems.unknownYear(year, framework.id, labels);
}

/**
 * The financial year a goal seek counts money to, from what a user typed: its label ("2019/20")
 * or a programme year (1 is the framework's first). Money arrives after the programme years, so
 * any year from the first on is allowed, not only the framework's own. Returns its start year.
 */
export function financialYearToCount(framework: Framework, year: number | string): Result<number> {
  const first = framework.years[0];
  const trimmed = typeof year === "string" ? year.trim() : year;
  const index =
    typeof trimmed === "number" ? trimmed : /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (Number.isInteger(index) && index >= 1 && index <= 50) return first.startYear + index - 1;
  const start = typeof trimmed === "string" ? financialYearStart(trimmed) : undefined;
  return start ?? Problems.unknownByYear(year, framework.id, first.label);
}
