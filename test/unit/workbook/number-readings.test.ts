import fc from "fast-check";
import { isError } from "../../../src/engine/errors";
import { builtInFramework } from "../../../src/engine/frameworks";
import { countSetting, moneySetting } from "../../../src/engine/parse-settings";
import * as arg from "../../../src/functions/excel-args";
import { defaultAssumptions, setAssumption } from "../../../src/workbook/assumptions";
import { readInputs } from "../../../src/workbook/inputs";
import { CellValue } from "../../../src/workbook/plan-types";
import { WorkbookSnapshot } from "../../../src/workbook/snapshot";

/*
 * Issue 10: one reading of a count and of £ for every adapter. A claim log's cell (read by
 * workbook/inputs.ts), a setting (an Assumptions table or a flag), and a TF_ argument accept and
 * refuse the same values, read the same number, and give the same problem text.
 */

/** A claim log of one row whose families and amount cells hold the values under test. */
function claimCells(families: CellValue, amount: CellValue) {
  const snapshot: WorkbookSnapshot = {
    tables: [],
    sheets: [
      {
        name: "Families",
        cells: [
          ["Financial year", "Families nominated", "Families attached"],
          ["2012/13", 400, 400],
        ],
      },
      {
        name: "Claims",
        cells: [
          ["Date of claim", "Outcome", "Number of families", "Amount"],
          ["31/07/2013", "Progress to work", families, amount],
        ],
      },
    ],
  };
  const { inputs, problems } = readInputs(snapshot);
  const claim = inputs?.claims[0];
  return {
    families: claim ? claim.families.toString() : undefined,
    amount: claim?.amount?.toString(),
    problems: problems.map((p) => `${p.sheet}!${p.cell}: ${p.reason}`),
  };
}

/** A reading as text to compare: the number, or the problem. */
const outcome = (result: unknown) =>
  isError(result) ? `problem: ${result.message}` : `number: ${String(result)}`;

// Values as people type them, near the edges the parsers decide on: commas in and out of
// place, £ before or after a sign, spaces, fractions, exponents, negatives, limits, not numbers.
const typed = fc.oneof(
  fc.constantFrom<CellValue>(
    "10,00",
    "1,294",
    " 294 ",
    "£1,294.50",
    "-£5",
    "£ 12",
    "1e3",
    ".5",
    "4.5",
    "-0",
    "1,2345",
    "1,,000",
    "20,000,000",
    "£",
    "seven",
    true,
    -0,
    1e12 + 1
  ),
  fc
    .integer({ min: -20_000_000, max: 20_000_000 })
    .chain((n) =>
      fc.constantFrom<CellValue>(n, String(n), n.toLocaleString("en-GB"), `£${n}`, ` ${n} `)
    ),
  fc.double({ min: -10, max: 2e12, noNaN: true }),
  fc
    .array(fc.constantFrom("1", "0", "5", ",", ".", "-", "£", " ", "e"), {
      minLength: 1,
      maxLength: 9,
    })
    .map((chars) => chars.join(""))
    .filter((text) => text.trim() !== "")
);

describe("a count and an amount read the same in a cell, a setting and a TF_ argument", () => {
  it("counts of families (property)", () => {
    fc.assert(
      fc.property(typed, (value) => {
        const fromCell = claimCells(value, null);
        const fromSetting = countSetting("families", value);
        const fromFunction = arg.families("families", value);
        expect(outcome(fromFunction)).toBe(outcome(fromSetting));
        expect(fromCell.families === undefined ? fromCell.problems : fromCell.families).toEqual(
          isError(fromSetting) ? [`Claims!C2: ${fromSetting.message}`] : fromSetting.toString()
        );
      }),
      { numRuns: 300 }
    );
  });

  it("amounts of £ (property)", () => {
    fc.assert(
      fc.property(typed, (value) => {
        const fromCell = claimCells(1, value);
        const fromSetting = moneySetting("the amount", value);
        const fromFunction = arg.money("the amount", value);
        // The grant in an Assumptions table or a flag: the same reading under its own name.
        const fromAssumption = setAssumption(
          defaultAssumptions(builtInFramework("phase1")!),
          "grantPerYear",
          value
        );
        expect(outcome(fromFunction)).toBe(outcome(fromSetting));
        expect(fromAssumption === undefined).toBe(!isError(fromSetting));
        expect(fromCell.amount === undefined ? fromCell.problems : fromCell.amount).toEqual(
          isError(fromSetting) ? [`Claims!D2: ${fromSetting.message}`] : fromSetting.toString()
        );
      }),
      { numRuns: 300 }
    );
  });
});
