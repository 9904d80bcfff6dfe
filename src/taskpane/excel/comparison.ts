/* global Excel */
import { NUMBER_FORMATS } from "../../workbook/plan-types";
import { Comparison } from "../comparison";
import { widthInPoints } from "./cells";

/**
 * "Write comparison to sheet": the scenarios compared side by side in the pane, as a table on a
 * sheet of its own. Writing again replaces the sheet this wrote before (found by its table's
 * name), never a sheet of the user's: a "Scenario comparison" the add-in did not write stays, and
 * the comparison goes to "Scenario comparison 2".
 */

export const COMPARISON_TABLE = "TF_ScenarioComparison";
const SHEET = "Scenario comparison";

/** Column letters A to E: a label column and at most four scenarios. */
const columnLetter = (column: number): string => String.fromCharCode(64 + column);

/** The table as one 2-D array: a header row (Figure, then each scenario), a row per figure. */
export function comparisonValues(comparison: Comparison): (string | number)[][] {
  return [
    ["Figure", ...comparison.scenarios],
    ...comparison.rows.map((row) => [row.label, ...row.values]),
  ];
}

/** Writes the comparison in two round trips: one to find what is there, one to write. */
export async function writeComparison(
  comparison: Comparison
): Promise<{ sheet: string; syncs: number }> {
  const values = comparisonValues(comparison);
  const width = values[0].length;
  const address = `A1:${columnLetter(width)}${values.length}`;
  // Labels and names as text (a scenario called "=x" stays a name), figures in whole £.
  const formats = values.map((row, r) =>
    row.map((_, c) => (r === 0 || c === 0 ? NUMBER_FORMATS.text : NUMBER_FORMATS.money))
  );
  return Excel.run(async (context) => {
    const workbook = context.workbook;
    const previous = workbook.tables.getItemOrNullObject(COMPARISON_TABLE);
    previous.load("name,worksheet/name");
    const sheets = workbook.worksheets.load("items/name");
    await context.sync();

    const taken = new Set(sheets.items.map((sheet) => sheet.name.toLowerCase()));
    let name = SHEET;
    if (!previous.isNullObject) {
      name = previous.worksheet.name;
      previous.worksheet.delete();
    } else {
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${SHEET} ${n}`;
    }
    const sheet = workbook.worksheets.add(name);
    const range = sheet.getRange(address);
    range.numberFormat = formats;
    range.values = values;
    sheet.getRange("A:A").format.columnWidth = widthInPoints(34);
    for (let c = 2; c <= width; c++) {
      const letter = columnLetter(c);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(18);
    }
    const table = sheet.tables.add(range, true);
    table.name = COMPARISON_TABLE;
    table.style = "TableStyleLight9";
    sheet.activate();
    await context.sync();
    return { sheet: name, syncs: 2 };
  });
}
