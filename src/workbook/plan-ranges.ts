import { PlanCell, PlanSheet, WorkbookPlan } from "./plan-types";
import { placeSheet } from "./plan-snapshot";
import { address, parseAddress } from "./snapshot";

/**
 * The plan's cells of a sheet by address, as the writers place them (plan-snapshot.ts); a table
 * header is its column's name as text. A chart's ranges point at these cells, and their values
 * are what a chart caches for viewers that do not recalculate.
 */
export function planSheetCells(sheet: PlanSheet): Map<string, PlanCell> {
  const cells = new Map<string, PlanCell>();
  placeSheet(
    sheet,
    (row, column, cell) =>
      cells.set(
        address(row, column),
        cell !== null && typeof cell === "object" ? cell : { value: cell, format: "text" }
      ),
    () => undefined
  );
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
 * a chart); undefined where the plan writes nothing, or on a sheet the plan does not write.
 */
export function planCellsOf(plan: WorkbookPlan, reference: string): (PlanCell | undefined)[] {
  const { sheet: name, first, last } = parseQualifiedRange(reference);
  // A range on a sheet the plan does not write (a user's input sheet) has no plan cells: a chart
  // over it is drawn from Excel's own calculation, with nothing cached.
  const sheet = plan.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const cells = sheet ? planSheetCells(sheet) : new Map<string, PlanCell>();
  const found: (PlanCell | undefined)[] = [];
  for (let row = first.row; row <= last.row; row++)
    for (let column = first.column; column <= last.column; column++)
      found.push(cells.get(address(row, column)));
  return found;
}
