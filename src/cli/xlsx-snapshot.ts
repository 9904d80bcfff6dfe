import ExcelJS from "exceljs";
import fs from "fs";
import { CellValue } from "../workbook/plan-types";
import { SheetSnapshot, WorkbookSnapshot, isGeneratedSheet } from "../workbook/snapshot";
import { UsageError } from "./parse-arg";

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell as the plan reads it: dates as Excel serials, formulas as their cached results. */
function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const serial = (value.getTime() - EXCEL_EPOCH) / MS_PER_DAY;
    return Number.isInteger(serial) ? serial : Math.round(serial * 1e6) / 1e6;
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("text" in value && "hyperlink" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return null;
}

function sheetSnapshot(sheet: ExcelJS.Worksheet): SheetSnapshot {
  const cells: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const line: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      while (line.length < c - 1) line.push(null);
      line[c - 1] = plain(cell.value);
    });
    while (cells.length < r - 1) cells.push([]);
    cells[r - 1] = line;
  });
  return { name: sheet.name, cells, generated: isGeneratedSheet(cells) };
}

/** Every sheet's values and every Excel table, as the workbook plan reads them. */
export function readSnapshot(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = { sheets: [], tables: [] };
  workbook.eachSheet((sheet) => {
    snapshot.sheets.push(sheetSnapshot(sheet));
    for (const table of sheet.getTables() as unknown as {
      table: { name: string; tableRef?: string; ref: string; totalsRow?: boolean };
    }[]) {
      const model = table.table;
      snapshot.tables.push({
        name: model.name,
        sheet: sheet.name,
        range: model.tableRef ?? model.ref,
        hasTotalsRow: !!model.totalsRow,
      });
    }
  });
  return snapshot;
}

/** Opens an .xlsx file, with a one-line reason when it is missing, not a workbook, or damaged. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist.`);
  const head = Buffer.alloc(4);
  const handle = fs.openSync(file, "r");
  try {
    fs.readSync(handle, head, 0, 4, 0);
  } finally {
    fs.closeSync(handle);
  }
  if (head.readUInt32LE(0) !== 0x04034b50) {
    throw new UsageError(
      `${file} is not an Excel workbook (.xlsx): save it from Excel as "Excel Workbook (*.xlsx)".`
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (failure) {
    const reason = failure instanceof Error ? failure.message : String(failure);
    throw new UsageError(
      `${file} could not be read as an Excel workbook (it may be damaged or truncated): ${reason}`
    );
  }
  return workbook;
}
