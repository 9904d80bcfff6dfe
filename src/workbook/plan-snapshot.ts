import { CellValue, PlanCell, PlanSheet, WorkbookPlan } from "./plan-types";
import {
  SheetSnapshot,
  WorkbookSnapshot,
  address,
  isGeneratedSheet,
  parseAddress,
} from "./snapshot";

/**
 * What a plan looks like once written, as a snapshot a reader would return: lets the plan be
 * read back (the sample's own summary; tests) without a spreadsheet library.
 */
export function snapshotOfPlan(plan: Pick<WorkbookPlan, "sheets">): WorkbookSnapshot {
  const tables: WorkbookSnapshot["tables"] = [];
  const sheets = plan.sheets.map((sheet): SheetSnapshot => {
    const cells: CellValue[][] = [];
    const put = (row: number, column: number, cell: PlanCell | CellValue) => {
      while (cells.length < row) cells.push([]);
      const line = cells[row - 1];
      while (line.length < column) line.push(null);
      line[column - 1] = cell !== null && typeof cell === "object" ? cell.value : cell;
    };
    placeSheet(sheet, put, (name, range, totals) =>
      tables.push({ name, sheet: sheet.name, range, hasTotalsRow: totals })
    );
    return { name: sheet.name, cells, generated: isGeneratedSheet(cells) };
  });
  return { sheets, tables };
}

/** Puts a sheet's cells where the writers put them: blocks, then tables (a later cell wins). */
export function placeSheet(
  sheet: PlanSheet,
  put: (row: number, column: number, cell: PlanCell | CellValue) => void,
  addTable: (name: string, range: string, totals: boolean) => void
): void {
  for (const block of sheet.blocks) {
    const start = parseAddress(block.topLeft);
    if (!start) continue;
    block.rows.forEach((row, r) =>
      row.forEach((cell, c) => put(start.row + r, start.column + c, cell))
    );
  }
  for (const table of sheet.tables) {
    const start = parseAddress(table.topLeft);
    if (!start) continue;
    table.columns.forEach((column, c) => put(start.row, start.column + c, column.header));
    table.rows.forEach((row, r) =>
      row.forEach((cell, c) => put(start.row + 1 + r, start.column + c, cell))
    );
    const lastRow = start.row + table.rows.length + (table.totals ? 1 : 0);
    table.totals?.forEach((cell, c) => put(lastRow, start.column + c, cell));
    addTable(
      table.name,
      `${table.topLeft}:${address(lastRow, start.column + table.columns.length - 1)}`,
      !!table.totals
    );
  }
}

/** Every cell a plan writes, with its sheet and address: what a check of the formulas walks. */
export function planCells(
  plan: Pick<WorkbookPlan, "sheets">
): { sheet: string; address: string; cell: PlanCell }[] {
  const found: { sheet: string; address: string; cell: PlanCell }[] = [];
  for (const sheet of plan.sheets) {
    placeSheet(
      sheet,
      (row, column, cell) => {
        if (cell !== null && typeof cell === "object")
          found.push({ sheet: sheet.name, address: address(row, column), cell });
      },
      () => undefined
    );
  }
  return found;
}
