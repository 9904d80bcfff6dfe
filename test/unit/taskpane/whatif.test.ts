import { isError } from "../../../src/engine/errors";
import { dec } from "../../../src/engine/money";
import { headline, whatIfSettingProblems } from "../../../src/taskpane/whatif";
import { readInputs } from "../../../src/workbook/inputs";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { samplePlan } from "../../../src/workbook/sample";
import { buildPlan } from "../../../src/workbook/plan";
import { WorkbookPlan } from "../../../src/workbook/plan-types";

const barnet = () => readInputs(snapshotOfPlan(samplePlan())).inputs!;

describe("what-if problems are named by the setting at fault", () => {
  it("a funded number above Barnet's cohort of 705 is the Funded families setting's", () => {
    expect(headline(barnet(), { funded: "706" }).problems).toEqual([
      {
        sheet: "",
        cell: "",
        setting: "funded",
        reason:
          "the funded number (706) is more than the cohort (705): a family can only be funded once.",
      },
    ]);
    expect(headline(barnet(), { funded: "705" }).problems).toEqual([]);
  });

  it("with nothing read, every bad setting but the framework is named at once", () => {
    const problems = whatIfSettingProblems({
      framework: "phse2",
      funded: "10,00",
      successRate: "150%",
      councilContribution: "5000",
    });
    expect(problems.map((p) => p.setting)).toEqual(["funded", "successRate"]);
    expect(whatIfSettingProblems({ framework: "phase2", successRate: "65%" })).toEqual([]);
  });
});

describe("the what-if claimed figure and expected clawback", () => {
  it("equal the tables' summary for the sample and follow the spot-check shares", () => {
    const inputs = readInputs(snapshotOfPlan(samplePlan())).inputs!;
    const plan = buildPlan(inputs) as WorkbookPlan;
    const h = headline(inputs, {}).headline!;
    expect([h.claimed, h.expectedClawback]).toEqual([
      plan.summary.claimedToDate,
      plan.summary.expectedClawback,
    ]);
    expect([h.claimed, h.expectedClawback]).toEqual([357800, 751.38]);
    // Early rounds' 2.5% of checked claims invalid: £357,800 × 2.1% × 2.5% = £187.85.
    expect(headline(inputs, { clawbackInvalid: "0.025" }).headline!.expectedClawback).toBe(187.85);
    // Fewer families funded: 240 in year 1, so the claims are priced again against them.
    const fewer = headline(inputs, { funded: "480" });
    const fewerPlan = buildPlan({
      ...inputs,
      assumptions: { ...inputs.assumptions, funded: dec(480) },
    });
    expect(fewer.headline?.claimed ?? fewer.problems[0]?.reason).toEqual(
      isError(fewerPlan) ? fewerPlan.message : fewerPlan.summary.claimedToDate
    );
  });
});
