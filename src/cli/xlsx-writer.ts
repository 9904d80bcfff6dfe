import ExcelJS from "exceljs";
import {
  NUMBER_FORMATS,
  PlanCell,
  PlanSheet,
  PlanTable,
  WorkbookPlan,
} from "../workbook/plan-types";
import { isGeneratedSheet, parseAddress } from "../workbook/snapshot";
import { UsageError } from "./parse-arg";

/** The value exceljs stores: a formula with its cached result, or the plain value (text stays text). */
function cellValue(cell: PlanCell): ExcelJS.CellValue {
  if (cell.formula !== undefined) {
    return { formula: cell.formula, result: cell.value ?? "" } as ExcelJS.CellFormulaValue;
  }
  return cell.value;
}

function style(target: ExcelJS.Cell, cell: PlanCell | undefined, format?: string): void {
  const code = cell?.format ? NUMBER_FORMATS[cell.format] : format;
  if (code) target.numFmt = code;
  if (cell?.bold) target.font = { bold: true };
}

/** Existing cell values of a worksheet, row-major from A1, to recognise a generated sheet. */
function firstRows(sheet: ExcelJS.Worksheet): unknown[][] {
  return [1, 2, 3].map((r) => [sheet.getCell(r, 1).text]);
}

function writeTable(sheet: ExcelJS.Worksheet, table: PlanTable): void {
  const start = parseAddress(table.topLeft);
  if (!start) throw new Error(`bad table position ${table.topLeft}`);
  const hasTotals = !!table.totals;
  sheet.addTable({
    name: table.name,
    ref: table.topLeft,
    headerRow: true,
    totalsRow: hasTotals,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: table.columns.map((column, i) => {
      const total = table.totals?.[i];
      if (!hasTotals || !total) return { name: column.header, filterButton: true };
      if (i === 0)
        return {
          name: column.header,
          filterButton: true,
          totalsRowLabel: String(total.value ?? ""),
        };
      if (column.total === "sum") {
        return {
          name: column.header,
          filterButton: true,
          totalsRowFunction: "sum" as const,
          totalsRowResult: total.value,
        };
      }
      return { name: column.header, filterButton: true, totalsRowFunction: "none" as const };
    }),
    rows: table.rows.map((row) => row.map(cellValue)),
  });
  // Formats and bold, cell by cell: exceljs tables carry values, not styles.
  table.rows.forEach((row, r) =>
    row.forEach((cell, c) =>
      style(
        sheet.getCell(start.row + 1 + r, start.column + c),
        cell,
        NUMBER_FORMATS[table.columns[c].format]
      )
    )
  );
  table.columns.forEach(
    (_, c) => (sheet.getCell(start.row, start.column + c).font = { bold: true })
  );
  if (table.totals) {
    const totalsRow = start.row + 1 + table.rows.length;
    table.totals.forEach((cell, c) =>
      style(
        sheet.getCell(totalsRow, start.column + c),
        { ...cell, bold: true },
        NUMBER_FORMATS[table.columns[c].format]
      )
    );
  }
}

function writeSheet(workbook: ExcelJS.Workbook, plan: PlanSheet): void {
  const sheet = workbook.addWorksheet(plan.name);
  for (const block of plan.blocks) {
    const start = parseAddress(block.topLeft);
    if (!start) continue;
    block.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const target = sheet.getCell(start.row + r, start.column + c);
        target.value = cellValue(cell);
        style(target, cell);
      })
    );
  }
  for (const table of plan.tables) writeTable(sheet, table);
  for (const [column, width] of Object.entries(plan.widths)) sheet.getColumn(column).width = width;
  // exceljs cannot write charts: the task pane's Office.js writer draws them natively.
}

/**
 * Adds a plan's sheets to a workbook. A sheet of the same name that the add-in generated is
 * replaced; one that a user made is never touched (nothing is written at all).
 */
export function writePlan(workbook: ExcelJS.Workbook, plan: WorkbookPlan): void {
  const replace: ExcelJS.Worksheet[] = [];
  for (const sheet of plan.sheets) {
    const existing = workbook.getWorksheet(sheet.name);
    if (!existing) continue;
    if (!isGeneratedSheet(firstRows(existing) as never)) {
      throw new UsageError(
        `the workbook already has a sheet called "${sheet.name}" that this add-in did not make: rename it and build again.`
      );
    }
    replace.push(existing);
  }
  for (const sheet of replace) workbook.removeWorksheet(sheet.id);
  for (const sheet of plan.sheets) writeSheet(workbook, sheet);
  for (const [name, reference] of Object.entries(plan.names))
    workbook.definedNames.add(reference, name);
}
