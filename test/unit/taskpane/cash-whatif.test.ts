import { builtInFramework, Framework } from "../../../src/engine/frameworks";
import { dec } from "../../../src/engine/money";
import {
  WhatIfBase,
  WhatIfSettings,
  goalSeek,
  startingFamilies,
  whatIfFigures,
} from "../../../src/taskpane/cash-whatif";
import { compareScenarios } from "../../../src/taskpane/comparison";
import { readInputs } from "../../../src/workbook/inputs";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { samplePlan } from "../../../src/workbook/sample";
import { phase2ByYearWithTotals } from "../../support/worked-examples";

const phase2 = builtInFramework("phase2") as Framework;
const base: WhatIfBase = { framework: phase2, successRate: dec("0.65") };
const settings = (families: string[], extra: Partial<WhatIfSettings> = {}): WhatIfSettings => ({
  families,
  rateBy: "overall",
  routes: {},
  monthsToResult: "",
  ...extra,
});
const fiveYears = settings(["140", "140", "140", "140", "140"]);

describe("the pane's what-if: the engine's cash flow from the fields as typed", () => {
  it("gives 140 a year for five years at 65% (phase 2) as £1,064,000, £194,600 in 2016/17", () => {
    const { figures, problems } = whatIfFigures(base, fiveYears);
    expect(problems).toEqual({});
    expect(figures).toMatchObject({
      envelope: 1260000,
      secured: 700000,
      atRisk: 560000,
      expectedResults: 364000,
      totalReceived: 1064000,
    });
    expect(figures!.years.map((y) => [y.label, y.attachment, y.results, y.received])).toEqual(
      phase2ByYearWithTotals()
    );
  });

  it("pays each route its rate: 55% sustained progress (£800) and 10% employment (£800)", () => {
    const { figures } = whatIfFigures(
      base,
      settings(["100"], {
        rateBy: "routes",
        routes: { "sustained-progress": "55", "continuous-employment": "10" },
      })
    );
    expect(figures!.expectedResults).toBe(52000); // 100 × (0.55 + 0.1) × £800
  });

  it("names a bad field with the engine's message and gives no figures", () => {
    expect(whatIfFigures(base, settings(["140", "lots"])).problems).toEqual({
      "families-1": expect.stringMatching(/families attached in year 2 must be a number/),
    });
    expect(
      whatIfFigures(
        base,
        settings(["100"], {
          rateBy: "routes",
          routes: { "sustained-progress": "80", "continuous-employment": "30" },
        })
      ).problems
    ).toEqual({ rate: expect.stringMatching(/added up, must be between 0% and 100%, not 110%/) });
    expect(
      whatIfFigures(base, settings(["100"], { monthsToResult: "6.5" })).problems.months
    ).toMatch(/months to a result must be a whole number/);
  });

  it("puts a refusal about the families as a whole under the families", () => {
    const capped: WhatIfBase = { ...base, cohort: dec(705), fundedOverride: dec(1000) };
    expect(whatIfFigures(capped, fiveYears).problems).toEqual({
      families:
        "the funded number (1000) is more than the cohort (705): a family can only be funded once.",
    });
  });

  it("starts from the workbook's families attached (Barnet: 294, 294), blank beyond", () => {
    const inputs = readInputs(snapshotOfPlan(samplePlan())).inputs!;
    expect(startingFamilies(inputs.assumptions.framework, inputs)).toEqual(["294", "294", ""]);
    // Nothing read: a field for each of phase 2's six programme years, none invented.
    expect(startingFamilies(phase2)).toEqual(["", "", "", "", "", ""]);
  });
});

describe("the pane's goal seek", () => {
  it("finds the 65% success rate 140 a year needs for £1,064,000 by 2021/22", () => {
    expect(goalSeek(base, fiveYears, "£1,064,000", 2021, "success-rate")).toEqual({
      reachable: true,
      successRate: 0.65,
      familiesPerYear: undefined,
      received: 1064000,
    });
  });

  it("finds 140 families a year at 65% over the five years typed", () => {
    const answer = goalSeek(base, fiveYears, "1064000", 2021, "families");
    expect(answer).toMatchObject({ reachable: true, familiesPerYear: 140, received: 1064000 });
  });

  it("says why £2,000,000 by 2016/17 cannot be reached with 140 a year", () => {
    const answer = goalSeek(base, fiveYears, "2000000", 2016, "success-rate");
    expect(answer).toMatchObject({ reachable: false, most: 364000 });
    expect(answer && "why" in answer && answer.why).toMatch(
      /even if every family were turned around, £364,000 is received by the end of 2016\/17/
    );
    expect(goalSeek(base, fiveYears, "lots", 2016, "success-rate")).toEqual({
      problem: expect.stringMatching(/the amount must be/),
    });
  });
});

describe("scenarios side by side", () => {
  it("puts the headline figures and each year's £ received in a column per scenario", () => {
    const a = whatIfFigures(base, fiveYears).figures!;
    const b = whatIfFigures(base, settings(["200", "200"])).figures!;
    const table = compareScenarios([
      {
        name: "140 a year",
        framework: "phase2",
        successRate: 0.65,
        settings: fiveYears,
        figures: a,
      },
      {
        name: "200 for two",
        framework: "phase2",
        successRate: 0.65,
        figures: b,
        settings: fiveYears,
      },
    ]);
    expect(table.scenarios).toEqual(["140 a year", "200 for two"]);
    expect(table.rows.slice(0, 5)).toEqual([
      { label: "Cash envelope £", values: [1260000, 720000] },
      { label: "Secured (attachment fees) £", values: [700000, 400000] },
      { label: "At risk (payment by results) £", values: [560000, 320000] },
      { label: "Expected results £", values: [364000, 208000] },
      { label: "Total received £", values: [1064000, 608000] },
    ]);
    // 200 in 2016/17: £200,000 fees + three quarters of 2015/16's £104,000 results.
    expect(table.rows.find((r) => r.label === "Received in 2016/17 £")?.values).toEqual([
      194600, 278000,
    ]);
    expect(table.rows.find((r) => r.label === "Received in 2021/22 £")?.values).toEqual([18200, 0]);
  });
});
