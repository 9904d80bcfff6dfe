import { Result } from "./errors";
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

/** A date given as an Excel serial number or ISO text, checked, as a whole-day serial. */
export function toSerial(what: string, value: number | string): Result<number> {
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return toSerial(what, Number(trimmed));
    const serial = serialFromIso(trimmed);
    if (serial === undefined) return Problems.notADate(what, value);
    return toSerial(what, serial);
  }
  if (!Number.isFinite(value)) return Problems.notADate(what, value);
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
