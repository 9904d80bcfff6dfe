/* global Excel */
import { NUMBER_FORMATS, NumberFormat } from "../../workbook/plan-types";
import { ScenarioRow } from "../api";
import { formatOf, widthInPoints } from "./cells";

/**
 * "Save scenario": one row appended to the Scenarios table, so scenarios can be compared side
 * by side. The table lives on a sheet of its own that no rebuild replaces (it is not part of
 * the plan and carries no generated marker): saved scenarios are the user's.
 */

/** One saved scenario: the pane's own row type (../api). */
export type ScenarioValues = ScenarioRow;

export const SCENARIOS_TABLE = "TF_Scenarios";
const SHEET = "Scenarios";

const COLUMNS: {
  header: string;
  key: keyof ScenarioValues;
  format: NumberFormat;
  width: number;
}[] = [
  { header: "Scenario", key: "name", format: "text", width: 30 },
  { header: "Framework", key: "framework", format: "text", width: 22 },
  { header: "Families funded", key: "families", format: "families", width: 16 },
  { header: "Success rate", key: "successRate", format: "percent", width: 14 },
  { header: "Envelope £", key: "envelope", format: "money", width: 16 },
  { header: "Secured £", key: "secured", format: "money", width: 16 },
  { header: "At risk £", key: "atRisk", format: "money", width: 16 },
  { header: "Expected results £", key: "expectedResults", format: "money", width: 18 },
];

/** Appends the scenario in two round trips: one to find the table, one to write. */
export async function saveScenario(row: ScenarioValues): Promise<{ sheet: string; syncs: number }> {
  const cells = COLUMNS.map((column) => ({ value: row[column.key], format: column.format }));
  // TEXT before the text arrives, so a scenario called "=x" stays a name.
  const formats = [cells.map((cell) => formatOf(cell))];
  const values = [cells.map((cell) => cell.value)];
  return Excel.run(async (context) => {
    const workbook = context.workbook;
    const table = workbook.tables.getItemOrNullObject(SCENARIOS_TABLE);
    table.load("name,worksheet/name");
    const sheets = workbook.worksheets.load("items/name");
    await context.sync();

    if (!table.isNullObject) {
      // Blank first, then formats, then values: `rows.add` would parse its values as typed.
      const added = table.rows.add(undefined, [COLUMNS.map(() => "")]).getRange();
      added.numberFormat = formats;
      added.values = values;
      await context.sync();
      return { sheet: table.worksheet.name, syncs: 2 };
    }

    // A new sheet, never one of the user's: "Scenarios", or "Scenarios 2" if that is taken.
    const taken = new Set(sheets.items.map((sheet) => sheet.name.toLowerCase()));
    let name = SHEET;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${SHEET} ${n}`;
    const sheet = workbook.worksheets.add(name);
    const range = sheet.getRange(`A1:H2`);
    range.numberFormat = [COLUMNS.map(() => "General"), ...formats];
    range.values = [COLUMNS.map((column) => column.header), ...values];
    sheet.getRange("A1:H1").format.font.bold = true;
    COLUMNS.forEach((column, i) => {
      const letter = String.fromCharCode(65 + i);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(column.width);
    });
    const created = sheet.tables.add(range, true);
    created.name = SCENARIOS_TABLE;
    created.style = "TableStyleLight9";
    await context.sync();
    return { sheet: name, syncs: 2 };
  });
}

/** The formats used, for tests. */
export const SCENARIO_FORMATS = COLUMNS.map((column) => NUMBER_FORMATS[column.format]);
