import { planCells } from "../../../src/workbook/plan-snapshot";
import { PlanCell, WorkbookPlan } from "../../../src/workbook/plan-types";
import { FamiliesData, inputSheets, samplePlan } from "../../../src/workbook/sample";
import { planFrom } from "../../support/plan-from";

/**
 * The year-2 attachment release on the Cash envelope sheet (FUNDING_RULES.md, "Year-2 attachment
 * release": The MJ and LGC reports, 2013): ≥ 75% of the year-1 commitment worked with → in full
 * in Q1 2013/14; 1/3 to 75% → half, the rest July to September; under 1/3 → deferred, not lost.
 */
const envelopeRow = (plan: WorkbookPlan, label: string): PlanCell[] => {
  const cells = planCells(plan).filter((c) => c.sheet === "Cash envelope");
  const found = cells.find((c) => c.address.startsWith("A") && c.cell.value === label);
  if (!found) throw new Error(`no row ${label}`);
  const row = found.address.slice(1);
  return ["B", "C"].map(
    (column) => cells.find((c) => c.address === `${column}${row}`)?.cell ?? { value: null }
  );
};
const value = (plan: WorkbookPlan, label: string) => envelopeRow(plan, label)[0].value;
const planOf = (families: FamiliesData, framework: string) =>
  planFrom(inputSheets(families, [], [["Framework", framework]]));
const hasBlock = (plan: WorkbookPlan) =>
  planCells(plan).some((c) => c.cell.value === "Year-2 attachment release");

describe("the Year-2 attachment release block", () => {
  it("pays the sample's (Barnet, fast-track) £705,600 in full in Q1 2013/14: 294 of a 294 commitment", () => {
    const plan = planFrom(samplePlan().sheets);
    expect(
      [
        "Years the cohort was budgeted over",
        "Year-1 commitment (families)",
        "Families attached in year 1",
        "Share of the commitment worked with",
        "Release band",
        "Year-2 attachment fees at stake £",
        "Paid in Q1 2013/14 £",
        "Paid July to September 2013/14 £",
        "Deferred £",
      ].map((label) => value(plan, label))
    ).toEqual([2, 294, 294, 1, "In full", 705600, 705600, 0, 0]);
    expect(plan.summary.yearTwoRelease).toEqual({
      band: "In full",
      share: 1,
      commitment: 294,
      workedWith: 294,
      parts: [["Paid in Q1 2013/14", 705600]],
    });
    // The envelope itself is unchanged.
    expect(plan.summary).toMatchObject({ envelope: 2352000, atRisk: 705600 });
  });

  it("writes native formulas: the commitment over TF_Funded, the thresholds 0.75 and 1/3", () => {
    const plan = planFrom(samplePlan().sheets);
    const [commitment, commitmentNote] = envelopeRow(plan, "Year-1 commitment (families)");
    expect(commitment.formula).toMatch(/TF_Funded\/\$B\$\d+/);
    expect(commitmentNote.value).toMatch(/spread evenly/);
    const band = envelopeRow(plan, "Release band")[0].formula;
    expect(band).toMatch(
      />=0\.75,"In full",IF\(\$B\$\d+>=1\/3,"Half now, the rest later","Deferred \(not lost\)"\)/
    );
    expect(band).not.toContain("0.33");
    expect(envelopeRow(plan, "Year-2 attachment fees at stake £")[0].formula).toBe("E6");
  });

  it("halves a phase 1 council at 140 of 196 (71%): £360,000 in Q1, £360,000 July to September", () => {
    const plan = planOf(
      [
        ["2012/13", 705, 140],
        ["2013/14", 0, 300],
        ["2014/15", 0, 148],
      ],
      "phase1"
    );
    expect(value(plan, "Year-1 commitment (families)")).toBe(196);
    expect(value(plan, "Release band")).toBe("Half now, the rest later");
    expect(value(plan, "Paid in Q1 2013/14 £")).toBe(360000);
    expect(value(plan, "Paid July to September 2013/14 £")).toBe(360000);
  });

  it("defers, not loses, £720,000 at 60 of 196 (31%)", () => {
    const plan = planOf(
      [
        ["2012/13", 705, 60],
        ["2013/14", 0, 300],
        ["2014/15", 0, 228],
      ],
      "phase1"
    );
    expect(value(plan, "Release band")).toBe("Deferred (not lost)");
    expect(value(plan, "Deferred £")).toBe(720000);
    expect(envelopeRow(plan, "Deferred £")[1].value).toMatch(/^Not lost/);
  });

  it("is left out where the rule does not apply: a spread cohort, phase 2, Supporting Families", () => {
    expect(hasBlock(planOf([["2012/13", 705, null]], "phase1"))).toBe(false);
    expect(
      hasBlock(
        planOf(
          [
            ["2015/16", 140, 140],
            ["2016/17", 140, 140],
          ],
          "phase2"
        )
      )
    ).toBe(false);
    expect(
      hasBlock(
        planOf(
          [
            ["2021/22", 400, 100],
            ["2022/23", 0, 100],
          ],
          "supporting-families"
        )
      )
    ).toBe(false);
  });
});
