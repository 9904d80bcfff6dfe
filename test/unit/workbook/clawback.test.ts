import { run } from "../../../src/cli/main";
import { writePlan } from "../../../src/cli/xlsx-writer";
import { SPOT_CHECKS } from "../../../src/engine/realism";
import { SETTING_PROVENANCE } from "../../../src/workbook/assumptions";
import { readInputs } from "../../../src/workbook/inputs";
import { planCells, snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { PlanSummary, WorkbookPlan } from "../../../src/workbook/plan-types";
import { AssumptionsData, inputSheets, samplePlan } from "../../../src/workbook/sample";
import { planFrom } from "../../support/plan-from";
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";

/**
 * Clawback as published (FUNDING_RULES.md "Spot checks and clawback"): DCLG spot-checked about
 * 2.1% of claims (freedom-of-information answer, 2015); of those checked, 2-3% were invalid in
 * early rounds and about 10% in the last. Expected clawback = claimed × checked × invalid.
 */
const families = (): [string, number, number][] => [
  ["2012/13", 705, 294],
  ["2013/14", 0, 294],
];
const claims: [string, string, number, null][] = [
  ["2013-07-31", "Education & Crime / Anti-Social Behaviour", 100, null],
];
const planWith = (assumptions: AssumptionsData) =>
  readInputs(snapshotOfPlan({ sheets: inputSheets(families(), claims, assumptions) }), {
    today: 42000,
  });

const riskCell = (p: WorkbookPlan, startsWith: string) => {
  const cells = planCells(p).filter((c) => c.sheet === "PbR risk");
  const labelCell = cells.find(
    (c) => typeof c.cell.value === "string" && c.cell.value.startsWith(startsWith)
  );
  if (!labelCell) throw new Error(`no row ${startsWith}`);
  const row = labelCell.address.replace(/^[A-Z]+/, "");
  return cells.find((c) => c.address === `B${row}`)!.cell;
};

describe("the expected clawback in the sample (Barnet, £357,800 claimed at the corrected phase 1 rates)", () => {
  const sample = samplePlan();

  it("is £751.38: 2.1% checked × 10% invalid (was £7,012.00 at the old flat 2% 'clawback rate' on £350,600)", () => {
    expect(sample.summary.expectedClawback).toBe(751.38);
    // The envelope is unchanged: £2,352,000, £705,600 at risk.
    expect(sample.summary).toMatchObject({ envelope: 2352000, atRisk: 705600 });
  });

  it("is the engine's figure cached under a formula over the two named assumption cells", () => {
    const built = planFrom(sample.sheets);
    const allowance = riskCell(built, "Expected clawback");
    expect(allowance.value).toBe(751.38);
    expect(allowance.formula).toMatch(/^ROUND\(E\d+\*TF_ClawbackChecked\*TF_ClawbackInvalid,2\)$/);
    expect(riskCell(built, "Claimed to date net of expected clawback").value).toBe(357048.62);
    expect(Object.keys(built.names)).toEqual(
      expect.arrayContaining(["TF_ClawbackChecked", "TF_ClawbackInvalid"])
    );
    expect(built.names).not.toHaveProperty("TF_Clawback");
  });
});

describe("the two clawback settings", () => {
  it("default to 2.1% checked (published) and 10% invalid (inferred: the last round)", () => {
    const { inputs } = planWith([["Framework", "phase1"]]);
    expect(inputs?.assumptions.clawbackChecked.toString()).toBe("0.021");
    expect(inputs?.assumptions.clawbackInvalid.toString()).toBe("0.1");
    expect([SPOT_CHECKS.checked.toString(), SPOT_CHECKS.invalid.toString()]).toEqual([
      "0.021",
      "0.1",
    ]);
    // 100 families × £700 = £70,000 claimed; × 2.1% × 10% = £147.00.
    const p = planFrom(inputSheets(families(), claims, [["Framework", "phase1"]]));
    expect(p.summary).toMatchObject({ claimedToDate: 70000, expectedClawback: 147 });
  });

  it("carry their provenance beside the defaults", () => {
    expect(SETTING_PROVENANCE.clawbackChecked).toMatchObject({ basis: "published" });
    expect(SETTING_PROVENANCE.clawbackChecked?.source).toContain(
      "freedom-of-information answer, 2015"
    );
    expect(SETTING_PROVENANCE.clawbackInvalid).toMatchObject({ basis: "inferred" });
    expect(SETTING_PROVENANCE.clawbackInvalid?.reasoning).toContain("10%");
    expect(SETTING_PROVENANCE.clawbackInvalid?.source).toContain("2-3%");
  });

  it("are read from an Assumptions table: early rounds' 2.5% expects a quarter of 10%", () => {
    const p = planFrom(
      inputSheets(families(), claims, [
        ["Framework", "phase1"],
        ["Share of claims checked", "2.1%"],
        ["Share of checked claims found invalid", 0.025],
      ])
    );
    // £70,000 × 0.021 × 0.025 = £36.75.
    expect(p.summary.expectedClawback).toBe(36.75);
  });

  it.each(["Clawback rate", "clawback", "Invalid claims"])(
    "refuse the old single %j by its cell, saying what replaced it",
    (name) => {
      const { inputs, problems } = planWith([
        ["Framework", "phase1"],
        [name, 0.02],
      ]);
      expect(inputs).toBeUndefined();
      expect(problems).toEqual([
        {
          sheet: "Assumptions",
          cell: "A6",
          reason: `${JSON.stringify(name)}: the single clawback rate was replaced by two settings, "Share of claims checked" (DCLG checked about 2.1%) and "Share of checked claims found invalid" (2-3% early, about 10% in the last round): the expected clawback is claimed × checked × invalid. Give those instead.`,
        },
      ]);
    }
  );

  it("refuse a share over 100%, named by cell", () => {
    const { problems } = planWith([["Share of checked claims found invalid", 1.5]]);
    expect(problems[0]).toMatchObject({ sheet: "Assumptions", cell: "B5" });
    expect(problems[0].reason).toContain("the share of checked claims found invalid");
  });
});

describe("tf-funding tables: clawback flags", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-clawback-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => path.join(dir, name);
  const input = async () => {
    const workbook = new ExcelJS.Workbook();
    writePlan(workbook, {
      sheets: inputSheets(families(), claims, [["Framework", "phase1"]]),
      names: {},
      summary: {} as PlanSummary,
    });
    await workbook.xlsx.writeFile(file("in.xlsx"));
    return file("in.xlsx");
  };

  it("--clawback-checked and --clawback-invalid set the two shares; --json says the expected clawback", async () => {
    const given = await input();
    const defaults = await run(["tables", given, "-o", file("a.xlsx"), "--json"]);
    expect(JSON.parse(defaults.stdout)).toMatchObject({ expectedClawback: 147 });
    const set = await run([
      "tables",
      given,
      "-o",
      file("b.xlsx"),
      "--clawback-checked=5%",
      "--clawback-invalid",
      "0.03",
      "--json",
    ]);
    expect(set.status).toBe(0);
    // £70,000 × 5% × 3% = £105.00.
    expect(JSON.parse(set.stdout)).toMatchObject({ expectedClawback: 105 });
    const text = await run(["tables", given, "-o", file("c.xlsx")]);
    expect(text.stdout).toContain("Expected clawback:    £147");
  });

  it("--clawback-rate is refused with a pointer to the two flags that replaced it", async () => {
    const given = await input();
    const old = await run(["tables", given, "-o", file("d.xlsx"), "--clawback-rate", "0.02"]);
    expect(old.status).toBe(2);
    expect(old.stderr).toContain(
      "--clawback-rate was replaced by --clawback-checked (share of claims DCLG spot-checks, 2.1% published) and --clawback-invalid"
    );
    expect(fs.existsSync(file("d.xlsx"))).toBe(false);
  });
});
