import { Decimal, numberOf, poundsToNumber } from "../engine/money";
import { CellValue, NumberFormat, PlanCell } from "./plan-types";

/** A plain value. */
export const v = (value: CellValue, format?: NumberFormat, bold?: boolean): PlanCell => ({
  value,
  format,
  bold,
});

/** A native formula with the engine's value as its cache. */
export const f = (
  formula: string,
  value: CellValue,
  format?: NumberFormat,
  bold?: boolean
): PlanCell => ({
  value,
  formula,
  format,
  bold,
});

export const label = (text: string, bold = false): PlanCell => ({
  value: text,
  format: "text",
  bold,
});

export const pounds = (amount: Decimal): number => poundsToNumber(amount);
export const num = (value: Decimal): number => numberOf(value);

/** A sheet name as a formula reference needs it: 'Cash envelope'!. */
export const sheetRef = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'!`;

/** Text in a formula string literal. */
export const literal = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** £ as Excel's TEXT(x, "#,##0") shows it: whole pounds, half a pound rounded up. */
const WHOLE_POUNDS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
export function wholePounds(amount: number): string {
  // One formatter for every call: toLocaleString with options builds a new one each time.
  return WHOLE_POUNDS.format(Math.round(amount));
}

/** A share as Excel's TEXT(x, "0%") shows it. */
export function wholePercent(share: number): string {
  return `${Math.round(share * 100 + 1e-9)}%`;
}

/**
 * A totals-row sum as Excel writes one: SUBTOTAL(109, Table[Column]), which ignores rows a
 * filter hides. Brackets, # and ' in a column name are escaped with ' in structured references.
 */
export const tableSum = (table: string, column: string): string =>
  `SUBTOTAL(109,${table}[${column.replace(/([[\]#'])/g, "'$1")}])`;

/**
 * A share as Excel's TEXT(x, "0.0%") shows it, the rounding councils publish: 472 of 730
 * families turned around is "64.7%" (Rotherham, 2014). Half a tenth of a percent rounds up.
 */
export function onePlacePercent(share: number): string {
  return `${(Math.round(share * 1000 + 1e-9) / 10).toFixed(1)}%`;
}
