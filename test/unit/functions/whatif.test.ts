import fc from "fast-check";
import { isError } from "../../../src/engine/errors";
import { ExcelArg, ExcelValue } from "../../../src/functions/excel-args";
import { callFunction, findFunction } from "../../../src/functions/table";
import { PHASE2_140_AT_65, phase2ByYearWithTotals } from "../../support/worked-examples";

/** TF.CASHFLOW and TF.TARGET_NEEDED through the function table Excel and the CLI share. */
function run(id: string, ...args: ExcelArg[]) {
  const spec = findFunction(id);
  if (!spec) throw new Error(`no function ${id}`);
  return callFunction(spec, args);
}

function call(id: string, ...args: ExcelArg[]): ExcelValue {
  const result = run(id, ...args);
  if (isError(result)) throw new Error(`${id}: ${result.toString()}`);
  return result;
}

function callError(id: string, ...args: ExcelArg[]): { kind: string; message: string } {
  const result = run(id, ...args);
  if (!isError(result)) throw new Error(`${id} gave ${JSON.stringify(result)}, not an error`);
  return { kind: result.kind, message: result.message };
}

const PHASE2_140 = [
  ["Financial year", "Attachment £ received", "Results £ received", "Total £ received"],
  ...phase2ByYearWithTotals(),
  ["Total", PHASE2_140_AT_65.attachment, PHASE2_140_AT_65.expectedResults, PHASE2_140_AT_65.total],
];

describe("TF.CASHFLOW: the money by the financial year it is received", () => {
  it("spills phase 2's 140 a year for five years at 65%: £700,000 + £364,000 = £1,064,000", () => {
    const row = [[140, 140, 140, 140, 140]];
    const column = [[140], [140], [140], [140], [140]];
    expect(call("TF_CASHFLOW", row, 0.65, "phase2")).toEqual(PHASE2_140);
    expect(call("TF_CASHFLOW", column, "65%", "phase2")).toEqual(PHASE2_140);
    // One number is that many in each of the framework's default years (five in phase 2).
    expect(call("TF_CASHFLOW", 140, 0.65, "phase2")).toEqual(PHASE2_140);
  });

  it("takes the results maximum when the success rate is left out, and a blank year as none", () => {
    const table = call("TF_CASHFLOW", [[140, null, 140]], null, "phase2") as ExcelValue[][];
    // 280 families × £1,000 of fees and × £800 of results.
    expect(table.at(-1)).toEqual(["Total", 280000, 224000, 504000]);
    expect(table[2]).toEqual(["2016/17", 0, 84000, 84000]); // 3 quarters of year 1's £112,000
  });

  it("moves results later with more months to a result: 24 months puts none in 2016/17", () => {
    const table = call("TF_CASHFLOW", 140, 0.65, "phase2", 24) as ExcelValue[][];
    expect(table.slice(1, 4)).toEqual([
      ["2015/16", 140000, 0, 140000],
      ["2016/17", 140000, 0, 140000],
      ["2017/18", 140000, 54600, 194600],
    ]);
    expect(table.at(-1)).toEqual(["Total", 700000, 364000, 1064000]);
  });

  it("caps the families paid for at the cohort's funded share (phase 1: 5/6 of 300 = 250)", () => {
    const table = call("TF_CASHFLOW", [[200, 100]], 1, "phase1", null, 300) as ExcelValue[][];
    // 200 in 2012/13 at £3,200 and the 50 still funded in 2013/14 at £2,400 (released in full).
    expect(table[1]).toEqual(["2012/13", 640000, 0, 640000]);
    expect(table[2][1]).toBe(120000);
  });

  it("answers bad input with the Excel error and a message that says what to fix", () => {
    expect(callError("TF_CASHFLOW", [[140, "lots"]], 0.65, "phase2")).toEqual({
      kind: "value",
      message: expect.stringMatching(/^families_per_year year 2 /),
    });
    expect(callError("TF_CASHFLOW", 140, 65, "phase2").message).toMatch(/for 65% write 65%/);
    expect(callError("TF_CASHFLOW", [[1, 1, 1, 1, 1, 1, 1]], 0.65, "phase2")).toEqual({
      kind: "num",
      message: "the profile has 7 years but the phase2 framework has only 6.",
    });
    expect(callError("TF_CASHFLOW", 140, 0.65, "phase2", 200)).toEqual({
      kind: "num",
      message: "months to a result must be a whole number from 0 to 120, not 200.",
    });
    expect(callError("TF_CASHFLOW", null).message).toMatch(/families_per_year is empty/);
  });
});

describe("TF.TARGET_NEEDED: the goal seek", () => {
  it("finds the success rate phase 2's 140 a year needs to receive £900,000 by 2019/20: 47.62%", () => {
    expect(call("TF_TARGET_NEEDED", 900000, "2019/20", 140, null, "phase2")).toBe(0.4762);
    // The same year as programme year 5, and the row of families a year.
    expect(call("TF_TARGET_NEEDED", "£900,000", 5, [[140, 140, 140, 140, 140]], "", "phase2")).toBe(
      0.4762
    );
  });

  it("finds the whole families a year that receive £1,064,000 by 2021/22 at 65%: 140", () => {
    expect(call("TF_TARGET_NEEDED", 1064000, "2021/22", null, 0.65, "phase2")).toBe(140);
    // £1 more needs one family more a year.
    expect(call("TF_TARGET_NEEDED", 1064001, "2021/22", null, 0.65, "phase2")).toBe(141);
    // Over 3 years instead of 5: 1,064,000 / (3 × £1,520) = 233.3 → 234.
    expect(call("TF_TARGET_NEEDED", 1064000, "2021/22", null, 0.65, "phase2", "", "", 3)).toBe(234);
  });

  it("answers #NUM! with the most that can be received when even 100% falls short", () => {
    expect(callError("TF_TARGET_NEEDED", 1200000, "2019/20", 140, null, "phase2")).toEqual({
      kind: "num",
      message:
        "even if every family were turned around, £1,120,000 is received by the end of 2019/20, less than £1,200,000.",
    });
    expect(
      callError("TF_TARGET_NEEDED", 5000000, "2014/15", null, 1, "phase1", null, 600, 3)
    ).toEqual({
      kind: "num",
      message: expect.stringMatching(/funded number caps the families paid for/),
    });
  });

  it("asks for exactly one of families_per_year and success_rate", () => {
    expect(callError("TF_TARGET_NEEDED", 900000, "2019/20", 140, 0.65, "phase2").message).toMatch(
      /^give families_per_year to find the success rate needed, or success_rate .* not both/
    );
    expect(callError("TF_TARGET_NEEDED", 900000, "2019/20", null, null, "phase2").message).toMatch(
      /^give families_per_year \(to find the success rate needed\) or success_rate/
    );
    expect(callError("TF_TARGET_NEEDED", 900000, "next year", 140, null, "phase2")).toEqual({
      kind: "value",
      message:
        '"next year" is not a financial year: write it as "2019/20", or as a programme year of the phase2 framework (1 for 2015/16, 2 for the year after, …).',
    });
  });

  it("inverts TF.CASHFLOW: the rate found receives the amount by then, 0.01% less does not", () => {
    // Pence received by the end of a year: the table stops at the last year money arrives.
    const receivedBy = (table: ExcelValue, label: string): number =>
      (table as (string | number)[][])
        .slice(1, -1)
        .filter((row) => (row[0] as string) <= label)
        .reduce((sum, row) => sum + Math.round((row[3] as number) * 100), 0);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom("2016/17", "2017/18", "2019/20", "2021/22"),
        fc.integer({ min: 1, max: 9999 }),
        (families, by, share) => {
          const row = [families];
          const most = receivedBy(call("TF_CASHFLOW", row, 1, "phase2"), by);
          const none = receivedBy(call("TF_CASHFLOW", row, 0, "phase2"), by);
          const amount = Math.round(none + ((most - none) * share) / 10000) / 100;
          const rate = call("TF_TARGET_NEEDED", amount, by, row, null, "phase2") as number;
          expect(receivedBy(call("TF_CASHFLOW", row, rate, "phase2"), by)).toBeGreaterThanOrEqual(
            Math.round(amount * 100)
          );
          if (rate > 0) {
            const less = Math.round((rate - 0.0001) * 10000) / 10000;
            expect(receivedBy(call("TF_CASHFLOW", row, less, "phase2"), by)).toBeLessThan(
              Math.round(amount * 100)
            );
          }
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe("TF.CASHFLOW properties", () => {
  it("spills tables whose years add up to the Total row, to the penny", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("phase1", "phase1-fast-track", "phase2", "supporting-families"),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 36 }),
        (framework, families, percent, months) => {
          const table = call("TF_CASHFLOW", [families], `${percent}%`, framework, months);
          const rows = (table as (string | number)[][]).slice(1, -1);
          const total = (table as (string | number)[][]).at(-1)!;
          for (const column of [1, 2, 3]) {
            const pence = rows.reduce(
              (sum, row) => sum + Math.round((row[column] as number) * 100),
              0
            );
            expect(pence).toBe(Math.round((total[column] as number) * 100));
          }
          for (const row of rows)
            expect(
              Math.round((row[1] as number) * 100) + Math.round((row[2] as number) * 100)
            ).toBe(Math.round((row[3] as number) * 100));
        }
      ),
      { numRuns: 300 }
    );
  });
});
