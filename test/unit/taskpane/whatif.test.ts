import { headline, whatIfSettingProblems } from "../../../src/taskpane/whatif";
import { readInputs } from "../../../src/workbook/inputs";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { samplePlan } from "../../../src/workbook/sample";

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
