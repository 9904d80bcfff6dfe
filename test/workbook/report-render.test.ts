import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { copyWithPlan } from "../../src/cli/xlsx-copy";
import { writePlan } from "../../src/cli/xlsx-writer";
import { REPORT_SHEET } from "../../src/workbook/plan-report";
import { PlanSheet } from "../../src/workbook/plan-types";
import { inputSheets, samplePlan } from "../../src/workbook/sample";
import { libreOfficeAvailable } from "../support/libreoffice";
import { planFrom } from "../support/plan-from";
import { popplerAvailable, renderSheet } from "../support/render";

/**
 * The Report sheet as LibreOffice prints it, from the workbook `tf-funding tables` writes: the
 * page images are kept in test-artifacts/report/ to be looked at, and the printed text must
 * carry the figures a committee paper quotes.
 */
const required = process.env.CI === "true" || process.env.REQUIRE_LIBREOFFICE === "1";
const tools = libreOfficeAvailable() && popplerAvailable();
const run = tools || required ? describe : describe.skip;
if (!tools && !required) {
  console.warn("LibreOffice or poppler-utils is missing: the Report sheet is not rendered.");
}

const artifacts = path.join(__dirname, "..", "..", "test-artifacts", "report");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-report-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The inputs as `tf-funding sample` writes them, with the tables as `tables` adds them. */
async function generated(name: string, inputs: PlanSheet[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const plan = planFrom(inputs);
  writePlan(workbook, { sheets: inputs, names: {}, summary: plan.summary });
  const input = path.join(dir, `${name}-inputs.xlsx`);
  await workbook.xlsx.writeFile(input);
  const file = path.join(dir, `${name}.xlsx`);
  await copyWithPlan(input, plan, file);
  return file;
}

/** Printed text with runs of spaces as one, so a figure is found whatever its column. */
const printed = (pages: string[]) => pages.join("\n").replace(/[ \t]+/g, " ");

run("the Report sheet as LibreOffice prints it", () => {
  it("for the sample: Barnet's envelope, the outcomes and the PbR performance", async () => {
    const file = await generated("sample", samplePlan().sheets);
    const rendered = await renderSheet(file, `${REPORT_SHEET}:`, artifacts, "sample-report");
    expect(rendered.pages).toBeGreaterThan(0);
    for (const image of rendered.images) expect(fs.statSync(image).size).toBeGreaterThan(2000);
    // Whatever the page layout, every figure of the three tables is printed as formatted.
    const text = printed(rendered.text);
    for (const figure of [
      "The cash envelope by year",
      "£940,800",
      "£235,200",
      "£1,176,000",
      "£1,646,400",
      "£2,352,000",
      "80.0%",
      "30.0%",
      "Continuous employment (following previous claim for ASB / Education)",
      "Families turned around",
      "55.3%",
      "£705,600.00",
      "£357,800.00",
      "£649,340.74",
      "£56,259.26",
      "£751.38",
      // The sentences, recalculated by LibreOffice from their formulas (their starts: a long
      // sentence runs on to the next page when the sheet prints narrower than it).
      "Total cash envelope £2,352,000, of which £705,600 (30%)",
      "£357,800 claimed to date for 390 families turned around (55.3%",
      "At the success rate of 100.0%",
    ])
      expect([figure, text.includes(figure)]).toEqual([figure, true]);
    expect(text).not.toMatch(
      /TRUE|FALSE|crime-asb-education|continuous-employment|Families nominated/
    );
  }, 180000);

  it("for Rotherham's 472 turned around of a cohort of 730: 64.7%", async () => {
    const inputs = inputSheets(
      [["2012/13", 730, null]],
      [
        ["2013-07-31", "Education & Crime / Anti-Social Behaviour", 100, null],
        ["2013-10-31", "Education & Crime / Anti-Social Behaviour", 135, null],
        ["2014-02-28", "Progress to work", 27, null],
        ["2014-02-28", "Education & Crime / Anti-Social Behaviour", 100, null],
        ["2014-05-31", "Continuous employment", 37, null],
        ["2014-08-31", "Education & Crime / Anti-Social Behaviour", 100, null],
      ],
      [["Framework", "phase1"]]
    );
    const file = await generated("rotherham", inputs);
    const rendered = await renderSheet(file, `${REPORT_SHEET}:`, artifacts, "rotherham-report");
    const text = printed(rendered.text);
    for (const figure of ["Crime/ASB and education", "435", "59.6%", "472", "64.7%"])
      expect([figure, text.includes(figure)]).toEqual([figure, true]);
    expect(text).toContain("472 families turned around (64.7%");
  }, 180000);
});
