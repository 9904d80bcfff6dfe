import { CellValue } from "./plan-types";

/**
 * What a reader hands the plan: the workbook's cell values and its Excel tables, whatever read
 * them (exceljs from a file, Office.js from the open workbook). Dates arrive as Excel serial
 * numbers; formula cells as their last computed values; empty cells as null.
 */
export interface SheetSnapshot {
  name: string;
  /** Row-major values from A1 to the last used cell. */
  cells: CellValue[][];
  /** True when the add-in generated this sheet (it carries the generated marker). */
  generated?: boolean;
}

export interface TableSnapshot {
  name: string;
  sheet: string;
  /** The table's range including its header row (and totals row, if any), e.g. "A1:C4". */
  range: string;
  hasTotalsRow?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  tables: TableSnapshot[];
}

/** "C" → 3 (1-based). */
export function columnNumber(letters: string): number {
  return letters
    .toUpperCase()
    .split("")
    .reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** 3 → "C" (1-based). */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "B7" → { row: 7, column: 2 } (1-based); undefined if not an A1 address. */
export function parseAddress(address: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  return match ? { row: Number(match[2]), column: columnNumber(match[1]) } : undefined;
}

export function address(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
