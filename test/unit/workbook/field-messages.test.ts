import { parseAmount, parseCount } from "../../../src/engine/parse-numbers";
import { expectedClawback } from "../../../src/engine/realism";
import { dec } from "../../../src/engine/money";
import { readInputs } from "../../../src/workbook/inputs";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { inputSheets } from "../../../src/workbook/sample";

/*
 * -0 is zero: a cell holding -0 (typed "-0", or a formula such as =-A1 over a blank) once read as
 * "cannot be negative (0)", naming no cell. It is £0 and no families.
 */
describe("negative zero", () => {
  it("reads -0 and '-0' as zero, not a negative amount or count", () => {
    for (const value of [-0, "-0", "-£0.00"]) {
      const amount = parseAmount("the amount", value);
      expect(amount).toEqual(dec(0));
      expect(Object.is((amount as ReturnType<typeof dec>).toNumber(), -0)).toBe(false);
    }
    expect(parseCount("families", -0)).toEqual(dec(0));
  });

  it("takes a -0 amount and -0 families on a claim row without a problem", () => {
    const sheets = inputSheets(
      [["2012/13", 705, 294]],
      [
        ["2013-07-31", "Crime/ASB and education", 58, -0],
        ["2013-10-31", "Progress to work", -0, null],
      ],
      [["Framework", "phase1"]]
    );
    const { inputs, problems } = readInputs(snapshotOfPlan({ sheets }));
    expect(problems).toEqual([]);
    expect(inputs?.claims.map((c) => [c.families.toNumber(), c.amount?.toNumber()])).toEqual([
      [58, 0],
      [0, undefined],
    ]);
  });

  it("gives no clawback on -0 claimed, rather than an error", () => {
    const clawback = expectedClawback(dec(-0), dec("0.021"), dec("0.1"));
    expect(clawback).toMatchObject({ clawback: dec(0) });
  });
});

describe("a funded number above the cohort", () => {
  it("is named at the Assumptions cell that gives it, with the cohort's own cells, even from '1,294' text", () => {
    const sheets = inputSheets(
      [
        ["2012/13", "1,294" as unknown as number, 294],
        ["2013/14", 0, 294],
      ],
      [["2013-07-31", "Crime/ASB and education", 58, null]],
      [
        ["Framework", "phase1-fast-track"],
        ["Funded", 1588],
      ]
    );
    const { problems } = readInputs(snapshotOfPlan({ sheets }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: "Assumptions" });
    expect(problems[0].cell).toMatch(/^B\d+$/);
    expect(problems[0].reason).toMatch(
      /^the funded number \(1,588\) is more than the cohort \(1,294, the families nominated in Families!A\d+:C\d+\)/
    );
  });
});

describe("numbers past the model's limits, by cell", () => {
  it("says 1e308 families as 1e+308, not 103 groups of zeros", () => {
    const sheets = inputSheets(
      [["2012/13", 1e308, 294]],
      [["2013-07-31", "Crime/ASB and education", 58, null]],
      [["Framework", "phase1"]]
    );
    const { problems } = readInputs(snapshotOfPlan({ sheets }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: "Families" });
    expect(problems[0].reason).toBe(
      "families nominated is 1e+308, more than the 10,000,000 families this model allows."
    );
  });
});
