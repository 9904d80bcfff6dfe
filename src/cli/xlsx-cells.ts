import ExcelJS from "exceljs";
import { NUMBER_FORMATS, NumberFormat, PlanCell } from "../workbook/plan-types";

/**
 * The value exceljs stores for a plan cell: a formula with the engine's value as its cached
 * result, or the plain value. exceljs stores a string as a string even when it begins with "=",
 * so a label from the inputs can never become a formula.
 */
export function cellValue(cell: PlanCell): ExcelJS.CellValue {
  if (cell.formula !== undefined) {
    // A formula whose engine value is blank caches "" (Excel's own cache for an empty text).
    return { formula: cell.formula, result: cell.value ?? "" } as ExcelJS.CellFormulaValue;
  }
  return cell.value;
}

/** Writes one plan cell: value, number format (its own, else its column's), bold and note. */
export function writeCell(target: ExcelJS.Cell, cell: PlanCell, columnFormat?: NumberFormat): void {
  target.value = cellValue(cell);
  styleCell(target, cell, columnFormat);
}

export function styleCell(target: ExcelJS.Cell, cell: PlanCell, columnFormat?: NumberFormat): void {
  const format = cell.format ?? columnFormat;
  if (format && format !== "general") target.numFmt = NUMBER_FORMATS[format];
  if (cell.bold) target.font = { bold: true };
  if (cell.wrap) target.alignment = { wrapText: true };
  // exceljs writes notes as legacy comments (the "Notes" of Excel 365), which Excel and
  // LibreOffice both show.
  if (cell.note) target.note = cell.note;
}
