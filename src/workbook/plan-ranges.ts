import { PlanCell, PlanSheet, WorkbookPlan } from "./plan-types";
import { address, parseAddress } from "./snapshot";

/**
 * The plan's cells by sheet and address, as the writers place them: blocks, then tables (header
 * names, data rows, totals row; a later cell wins). A chart's ranges point at these cells, and
 * their values are what a chart caches for viewers that do not recalculate.
 */
export function planSheetCells(sheet: PlanSheet): Map<string, PlanCell> {
  const cells = new Map<string, PlanCell>();
  for (const block of sheet.blocks) {
    const start = parseAddress(block.topLeft);
    if (!start) continue;
    block.rows.forEach((row, r) =>
      row.forEach((cell, c) => cells.set(address(start.row + r, start.column + c), cell))
    );
  }
  for (const table of sheet.tables) {
    const start = parseAddress(table.topLeft);
    if (!start) continue;
    table.columns.forEach((column, c) =>
      cells.set(address(start.row, start.column + c), { value: column.header, format: "text" })
    );
    const place = (row: PlanCell[], r: number) =>
      row.forEach((cell, c) =>
        cells.set(address(r, start.column + c), {
          ...cell,
          format: cell.format ?? table.columns[c]?.format,
        })
      );
    table.rows.forEach((row, r) => place(row, start.row + 1 + r));
    if (table.totals) place(table.totals, start.row + 1 + Math.max(1, table.rows.length));
  }
  return cells;
}

/** "'PbR risk'!$A$5:$A$6" → the sheet's name and the range's corners (1-based). */
export function parseQualifiedRange(reference: string): {
  sheet: string;
  first: { row: number; column: number };
  last: { row: number; column: number };
} {
  const bang = reference.lastIndexOf("!");
  if (bang < 0) throw new Error(`a chart range names no sheet: ${reference}`);
  let sheet = reference.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const [from, to = from] = reference.slice(bang + 1).split(":");
  const first = parseAddress(from);
  const last = parseAddress(to);
  if (!first || !last) throw new Error(`a chart range is not an A1 range: ${reference}`);
  return { sheet, first, last };
}

/**
 * The plan's cells of a sheet-qualified range, row by row (a range is one row or one column in
 * a chart); undefined where the plan writes nothing.
 */
export function planCellsOf(plan: WorkbookPlan, reference: string): (PlanCell | undefined)[] {
  const { sheet: name, first, last } = parseQualifiedRange(reference);
  const sheet = plan.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) throw new Error(`a chart range is on a sheet the plan does not write: ${reference}`);
  const cells = planSheetCells(sheet);
  const found: (PlanCell | undefined)[] = [];
  for (let row = first.row; row <= last.row; row++)
    for (let column = first.column; column <= last.column; column++)
      found.push(cells.get(address(row, column)));
  return found;
}
