import { planCells } from "../../../src/workbook/plan-snapshot";
import { WorkbookPlan } from "../../../src/workbook/plan-types";
import { inputSheets, samplePlan } from "../../../src/workbook/sample";
import { planFrom } from "../../support/plan-from";

/**
 * "Results claimed, by the financial year the cash arrives" on the PbR risk sheet: the engine's
 * resultsCashTiming. Claims are paid by window, by the end of the month after the window closes
 * (phase 1's payment lag, 1 month, a default), and summed by the financial year of arrival.
 */
const cashTable = (plan: WorkbookPlan) =>
  plan.sheets.find((s) => s.name === "PbR risk")?.tables.find((t) => t.name === "TF_ResultsCash");
const riskText = (plan: WorkbookPlan) =>
  planCells(plan)
    .filter((c) => c.sheet === "PbR risk")
    .map((c) => c.cell.value);

describe("results cash by the financial year it arrives", () => {
  it("puts the sample's £357,800 claimed into 2013/14 (£160,900) and 2014/15 (£196,900)", () => {
    const plan = planFrom(samplePlan().sheets);
    const table = cashTable(plan);
    // July, October 2013 and February 2014 windows arrive by August, November 2013 and March
    // 2014: 58 × £700 + 4 × £100 + 71 × £700 + 6 × £800 + 83 × £700 + £900 + 8 × £800.
    expect(table?.rows.map((row) => row.map((cell) => cell.value))).toEqual([
      ["2013/14", 160900],
      ["2014/15", 196900],
    ]);
    expect(table?.totals?.[1]).toMatchObject({
      value: 357800,
      formula: "SUBTOTAL(109,TF_ResultsCash[£ arriving])",
    });
    expect(plan.summary.claimedToDate).toBe(357800);
    expect(plan.summary.resultsCashByYear).toEqual([
      { financialYear: "2013/14", amount: 160900 },
      { financialYear: "2014/15", amount: 196900 },
    ]);
    expect(riskText(plan)).toContain(
      "As at this build: each claim window's claims are paid by the end of the month after it closes (the payment lag). Rebuild after new claims."
    );
  });

  it("moves a window closing in February into the next year's cash and says claims after the last window apart", () => {
    const plan = planFrom(
      inputSheets(
        [["2012/13", 705, null]],
        [
          ["2015-01-20", "Education & Crime / Anti-Social Behaviour", 10, null],
          ["2015-05-20", "Education & Crime / Anti-Social Behaviour", 10, null],
          ["2015-07-01", "Education & Crime / Anti-Social Behaviour", 10, null],
        ],
        [["Framework", "phase1"]]
      )
    );
    // Window 31 January 2015 → cash by 28 February 2015 (2014/15); 31 May 2015 → 30 June (2015/16).
    expect(cashTable(plan)?.rows.map((row) => row.map((cell) => cell.value))).toEqual([
      ["2014/15", 7000],
      ["2015/16", 7000],
    ]);
    expect(riskText(plan)).toContain("Claimed after the last claim window (no window pays them) £");
    expect(riskText(plan)).toContain(7000);
  });

  it("says there is no cash yet when nothing is claimed", () => {
    const plan = planFrom(inputSheets([["2012/13", 705, null]], [], [["Framework", "phase1"]]));
    expect(cashTable(plan)).toBeUndefined();
    expect(riskText(plan)).toContain("No claim paid in a window yet: no results cash to date.");
  });
});
