import { readInputs } from "../../../src/workbook/inputs";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { AssumptionsData, inputSheets } from "../../../src/workbook/sample";

/** An Assumptions table read with the engine's setting parsers, as a cell or a flag would be. */
const read = (assumptions: AssumptionsData) =>
  readInputs(
    snapshotOfPlan({
      sheets: inputSheets(
        [
          ["2015/16", 400, 200],
          ["2016/17", 0, 200],
        ],
        [["2016-03-31", "Significant and sustained progress", 40, null]],
        assumptions
      ),
    }),
    { today: 50000 }
  );

describe("an Assumptions table", () => {
  it.each(["Phase 2", "phase2", "PHASE-2", "Troubled Families phase 2"])(
    "takes the framework as %j",
    (name) => {
      const { inputs, problems } = read([["Framework", name]]);
      expect(problems).toEqual([]);
      expect(inputs?.assumptions.framework.id).toBe("phase2");
      // 2015/16 is phase 2's first year (and no year of phase 1).
      expect(inputs?.families.map((f) => f.year)).toEqual([1, 2]);
    }
  );

  it("names an unknown framework by cell, with the frameworks and a near miss", () => {
    const { inputs, problems } = read([["Framework", "Phase 22"]]);
    expect(inputs).toBeUndefined();
    expect(problems[0]).toEqual({
      sheet: "Assumptions",
      cell: "B5",
      reason: `there is no framework called "Phase 22": did you mean phase2? The frameworks are phase1, phase1-fast-track, phase2, phase2-earned-autonomy, supporting-families.`,
    });
  });

  it('reads "Half up", "65%" and "£1,000" as a flag or a cell would, and refuses "10,00"', () => {
    const { inputs } = read([
      ["Framework", "phase2"],
      ["Rounding", "Half up"],
      ["Success rate", "65%"],
      ["Grant", "£1,000"],
    ]);
    expect(inputs?.assumptions.rounding).toBe("half-up");
    expect(inputs?.assumptions.successRate.toString()).toBe("0.65");
    expect(inputs?.assumptions.grantPerYear.toString()).toBe("1000");
    const bad = read([
      ["Framework", "phase2"],
      ["Grant", "10,00"],
    ]);
    expect(bad.problems.map((p) => `${p.sheet}!${p.cell}: ${p.reason}`)).toEqual([
      `Assumptions!B6: the grant "10,00" has a comma out of place: write thousands as 1,294 (or 1294); a decimal comma is not read.`,
    ]);
  });
});
