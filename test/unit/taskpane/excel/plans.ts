import { snapshotOfPlan } from "../../../../src/workbook/plan-snapshot";
import { PlanSheet } from "../../../../src/workbook/plan-types";
import { ClaimsData, inputSheets, samplePlan } from "../../../../src/workbook/sample";
import { FakeWorkbook } from "./fake-excel";
import { planFrom } from "../../../support/plan-from";

/** Plans for the tests: the sample's, and generated claim histories of any length. */

const OUTCOMES = [
  "Education & Crime / Anti-Social Behaviour",
  "Progress to work",
  "Continuous employment",
];

/** `n` claims of one family each, spread over two years from July 2013. */
export function claims(n: number): ClaimsData {
  return Array.from({ length: n }, (_, i) => {
    const date = new Date(Date.UTC(2013, 6, 1) + (i % 700) * 86400000).toISOString().slice(0, 10);
    return [date, OUTCOMES[i % 3], 1, i % 10 === 0 ? 100 : null];
  });
}

/** Input sheets for `n` claim rows (a cohort large enough for them all). */
export function inputsFor(n: number): PlanSheet[] {
  return inputSheets(
    [
      ["2012/13", Math.max(705, 3 * n), Math.max(294, n)],
      ["2013/14", 0, Math.max(294, n)],
    ],
    claims(n),
    [
      ["Framework", "phase1-fast-track"],
      ["Success rate", 0.65],
    ]
  );
}

export { planFrom };

export function sampleInputs(): PlanSheet[] {
  return samplePlan().sheets;
}

/** Puts input sheets into a fake workbook directly (values and tables), as a user would have. */
export function seed(book: FakeWorkbook, sheets: PlanSheet[]): void {
  const snapshot = snapshotOfPlan({ sheets });
  for (const sheet of snapshot.sheets) book.addSheet(sheet.name, sheet.cells);
  for (const table of snapshot.tables) book.addTable(table.sheet, table.name, table.range);
}
