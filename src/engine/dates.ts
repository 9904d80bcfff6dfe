import { Result, isError } from "./errors";
import { Problems } from "./messages";

/**
 * Dates are Excel serial numbers (whole days), the form Excel passes to custom functions, so a
 * figure computed here equals the native formula over the same cells. Serial 1 is 1900-01-01;
 * Excel counts a 29 February 1900 that never was, so from 1 March 1900 serials are days since
 * 1899-12-30.
 */
const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
export const FIRST_SERIAL = 61; // 1900-03-01: earlier serials are not worth Excel's leap-year bug
export const LAST_SERIAL = 2_958_465; // 9999-12-31

export function serialFromUtc(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH) / MS_PER_DAY);
}

/**
 * The serial of a moment's date on the local calendar (not UTC's), as Excel's TODAY() gives it.
 * The caller passes the moment: the engine never reads the clock.
 */
export function serialOfLocalDate(moment: Date): number {
  return serialFromUtc(moment.getFullYear(), moment.getMonth() + 1, moment.getDate());
}

export function utcFromSerial(serial: number): Date {
  return new Date(EPOCH + Math.floor(serial) * MS_PER_DAY);
}

export function isoFromSerial(serial: number): string {
  return utcFromSerial(serial).toISOString().slice(0, 10);
}

/** An ISO date (2014-08-01) as a serial number, or undefined if it is not a real date. */
export function serialFromIso(text: string): number | undefined {
  const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?\s*$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return undefined;
  return serialFromUtc(year, month, day);
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** "Jul", "July", "Sept" → 7; undefined for anything else. */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex(
    (m) => m.startsWith(lower) || (lower === "sept" && m === "september")
  );
  return index >= 0 ? index + 1 : undefined;
}

/** A two-digit year as Excel reads it: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(digits: string): number {
  const n = Number(digits);
  return digits.length === 4 ? n : n < 30 ? 2000 + n : 1900 + n;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const MONTH_NAME = "([a-z]{3,9})\\.?";
const YEAR = "(\\d{4}|\\d{2})";
const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const DAY_MONTH_YEAR = new RegExp(
  `^(\\d{1,2})(?:st|nd|rd|th)?[\\s/.-]*${MONTH_NAME}[\\s/.,-]*${YEAR}$`,
  "i"
);
const MONTH_YEAR = new RegExp(`^${MONTH_NAME}[\\s/.,-]*${YEAR}$`, "i");

/**
 * A date a council typed as text, read the UK way (day first), as a serial; a FundingError when
 * it looks like a date but is not a real one (31/02/2014, or 07/31/2013 written month first);
 * undefined when it does not look like a date at all. A month without a day ("July 2013",
 * "Jul-13") is the LAST day of that month: claims are made by claim window, and a window is a
 * month. Two-digit years follow Excel: 13 is 2013, 30 to 99 are 1930 to 1999.
 */
export function serialFromUkText(what: string, text: string): Result<number> | undefined {
  const trimmed = text.trim().replace(/\s+/g, " ");
  let day: number | undefined;
  let month: number | undefined;
  let year: number;
  const numeric = NUMERIC_DMY.exec(trimmed);
  const named = DAY_MONTH_YEAR.exec(trimmed);
  const monthOnly = MONTH_YEAR.exec(trimmed);
  if (numeric) {
    [day, month, year] = [Number(numeric[1]), Number(numeric[2]), fullYear(numeric[3])];
    if (month < 1 || month > 12) return Problems.dayFirst(what, text);
  } else if (named && monthNumber(named[2])) {
    [day, month, year] = [Number(named[1]), monthNumber(named[2]), fullYear(named[3])];
  } else if (monthOnly && monthNumber(monthOnly[1])) {
    [month, year] = [monthNumber(monthOnly[1]) as number, fullYear(monthOnly[2])];
    return serialFromUtc(year, month, daysIn(year, month));
  } else return undefined;
  const last = daysIn(year, month as number);
  if (day < 1 || day > last)
    return Problems.notARealDate(what, text, `${MONTHS[(month as number) - 1]} ${year}`, last);
  return serialFromUtc(year, month as number, day);
}

/** Serials from here to FIRST_SERIAL are said as the dates they stand for (back to year 1000). */
const EARLIEST_SHOWN = -328_716;

/**
 * The day an early serial stands for, as dd/mm/yyyy: 1 to 59 count from 1 January 1900 (60 is
 * Excel's 29 February 1900 that never was); 0 and below count back from 30 December 1899, as
 * openpyxl and LibreOffice write dates before 1900.
 */
function earlyDate(serial: number): string {
  if (serial === 60) return "29/02/1900 (a day that never was)";
  const day = new Date(serial > 0 ? Date.UTC(1899, 11, 31 + serial) : EPOCH + serial * MS_PER_DAY);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(day.getUTCDate())}/${two(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

/**
 * A date given as an Excel serial number, ISO text (2014-08-01) or UK text (31/07/2013, 31 July
 * 2013, July 2013: see serialFromUkText), checked, as a whole-day serial.
 */
export function toSerial(what: string, value: number | string): Result<number> {
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return toSerial(what, Number(trimmed));
    const serial = serialFromIso(trimmed) ?? serialFromUkText(what, trimmed);
    if (serial === undefined) return Problems.notADate(what, value);
    return isError(serial) ? serial : toSerial(what, serial);
  }
  if (!Number.isFinite(value)) return Problems.notADate(what, value);
  if (value < FIRST_SERIAL && value > EARLIEST_SHOWN)
    return Problems.dateBefore1900(what, earlyDate(Math.floor(value)));
  if (value < FIRST_SERIAL || value > LAST_SERIAL)
    return Problems.dateOutOfRange(what, String(value));
  // A date-time keeps only its day: claims are counted by the day they were made.
  return Math.floor(value);
}

/** The calendar year in which the UK financial year (1 April to 31 March) of a date starts. */
export function financialYearOf(serial: number): number {
  const date = utcFromSerial(serial);
  return date.getUTCMonth() >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

/** The last day of the month `months` after the month of a date. */
export function endOfMonthAfter(serial: number, months: number): number {
  const date = utcFromSerial(serial);
  return serialFromUtc(date.getUTCFullYear(), date.getUTCMonth() + 2 + months, 0);
}
