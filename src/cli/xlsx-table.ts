import ExcelJS from "exceljs";
import { PlanCell, PlanTable } from "../workbook/plan-types";
import { parseAddress } from "../workbook/snapshot";
import { cellValue, styleCell, writeCell } from "./xlsx-cells";

/** A built-in style every Excel and LibreOffice knows: banded rows, bold header and totals. */
const TABLE_STYLE = "TableStyleMedium2";

/**
 * The formula exceljs writes itself for totalsRowFunction "sum". It does not escape the column
 * name ([, ], # and ' need a ' before them), so it is used only when it equals the plan's.
 */
const exceljsSum = (table: string, header: string) => `SUBTOTAL(109,${table}[${header}])`;

/**
 * How the table part describes one totals cell. "sum" when the plan's formula is the one Excel
 * itself writes, so Excel's totals drop-down shows Sum. Any other formula is "none" in the table
 * part with the formula in the cell: exceljs 4.4 writes totalsRowFunction="custom" without the
 * <totalsRowFormula> element Excel needs, so "custom" would make a file Excel repairs.
 */
function totalsColumn(
  table: PlanTable,
  index: number
): Pick<ExcelJS.TableColumnProperties, "totalsRowLabel" | "totalsRowFunction"> & {
  totalsRowResult?: unknown;
} {
  const cell = table.totals?.[index];
  const header = table.columns[index].header;
  if (cell?.formula !== undefined && cell.formula === exceljsSum(table.name, header)) {
    return { totalsRowFunction: "sum", totalsRowResult: cell.value };
  }
  // exceljs labels the first column "Total" unless told otherwise.
  const label = cell?.formula === undefined && typeof cell?.value === "string" ? cell.value : "";
  return index === 0
    ? { totalsRowLabel: label }
    : { totalsRowLabel: label || undefined, totalsRowFunction: "none" };
}

/**
 * Writes a plan table as an Excel table (ListObject): header row, body, and the totals row from
 * the plan with the engine's values cached. An empty table keeps one blank body row, as Excel
 * does (and as the task pane's writer lays it out).
 */
export function writeTable(sheet: ExcelJS.Worksheet, table: PlanTable): void {
  const start = parseAddress(table.topLeft);
  if (!start) throw new Error(`table ${table.name} has no valid top-left cell: ${table.topLeft}`);
  const blank = table.columns.map((): PlanCell => ({ value: null }));
  const body = table.rows.length > 0 ? table.rows : [blank];
  sheet.addTable({
    name: table.name,
    displayName: table.name,
    ref: table.topLeft,
    headerRow: true,
    totalsRow: !!table.totals,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: table.columns.map((column, i) => ({
      name: column.header,
      filterButton: true,
      ...(table.totals ? totalsColumn(table, i) : {}),
    })),
    rows: body.map((row) => row.map(cellValue)),
  });
  // exceljs tables carry values only: formats, bold and notes go on cell by cell.
  body.forEach((row, r) =>
    row.forEach((cell, c) =>
      styleCell(sheet.getCell(start.row + 1 + r, start.column + c), cell, table.columns[c].format)
    )
  );
  table.columns.forEach((column, c) => {
    const header = sheet.getCell(start.row, start.column + c);
    header.font = { bold: true };
    if (column.wrapHeader) header.alignment = { wrapText: true };
  });
  // The totals row is written from the plan, whatever exceljs put there: the same formula text
  // and cached value in every case, and labels in any column (exceljs writes only the first's).
  const totalsRow = start.row + 1 + body.length;
  table.totals?.forEach((cell, c) =>
    writeCell(
      sheet.getCell(totalsRow, start.column + c),
      { ...cell, bold: true },
      table.columns[c].format
    )
  );
}
