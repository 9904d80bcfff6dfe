import ExcelJS from "exceljs";
import { CellValue } from "../workbook/plan-types";
import { SheetSnapshot, WorkbookSnapshot, isGeneratedSheet } from "../workbook/snapshot";

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system, as serials count for every date after February 1900. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** exceljs reads dates as UTC midnights: a whole number of days unless a time was stored. */
function serial(date: Date): number {
  const days = (date.getTime() - EXCEL_EPOCH) / MS_PER_DAY;
  // A time of day comes back through a float: keep it to a fraction of a second, no noise.
  return Number.isInteger(days) ? days : Math.round(days * 1e6) / 1e6;
}

/**
 * A cell as the plan reads it, the way Office.js would report it: dates as Excel serials,
 * formulas as their cached results, rich text and hyperlinks as their text, errors as "#N/A".
 */
export function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return serial(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("hyperlink" in value) return plainValue(value.text as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return null;
}

function sheetSnapshot(sheet: ExcelJS.Worksheet): SheetSnapshot {
  const cells: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const line: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // exceljs repeats a merged area's value in every cell of it; Excel holds it only in the
      // top-left cell, and a title merged across a header row must not look like headers.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      while (line.length < c - 1) line.push(null);
      line[c - 1] = plainValue(cell.value);
    });
    while (cells.length < r - 1) cells.push([]);
    cells[r - 1] = line;
  });
  return { name: sheet.name, cells, generated: isGeneratedSheet(cells) };
}

/**
 * The shape exceljs 4.4 really gives from getTables(): Table objects whose model is `.table`
 * (its typings say otherwise). A loaded table has `tableRef`; one added in memory only `ref`.
 */
interface LoadedTable {
  table: { name: string; ref?: string; tableRef?: string; totalsRow?: boolean };
}

/**
 * Every sheet's values and every Excel table of a workbook exceljs holds, as the workbook plan
 * reads them. The command line reads files with package/read.ts; this reader serves workbooks
 * built in memory (the sample) and the tests, as a second, independent reader of a file.
 */
export function readSnapshot(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = { sheets: [], tables: [] };
  workbook.eachSheet((sheet) => {
    snapshot.sheets.push(sheetSnapshot(sheet));
    for (const { table } of sheet.getTables() as unknown as LoadedTable[]) {
      const range = table.tableRef ?? table.ref;
      if (!range) continue;
      snapshot.tables.push({
        name: table.name,
        sheet: sheet.name,
        range,
        hasTotalsRow: !!table.totalsRow,
      });
    }
  });
  return snapshot;
}
