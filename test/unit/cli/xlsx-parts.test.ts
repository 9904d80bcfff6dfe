import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { run } from "../../../src/cli/main";
import { zipEntryNames } from "../../../src/cli/xlsx-parts";
import { writePlan } from "../../../src/cli/xlsx-writer";
import { PlanSummary } from "../../../src/workbook/plan-types";
import { inputSheets } from "../../../src/workbook/sample";
import { unzip, zip } from "../../support/zip";

/** A user's workbook with parts the tables do not read: OUT carries them, and nothing is said. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-parts-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

async function inputsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  writePlan(workbook, {
    sheets: inputSheets(
      [
        ["2012/13", 705, 294],
        ["2013/14", 0, 294],
      ],
      [["2013-07-31", "Progress to work", 4, null]],
      [["Framework", "phase1-fast-track"]]
    ),
    names: {},
    summary: {} as PlanSummary,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("parts of a workbook the tables do not read", () => {
  it("reads a zip's file names from its central directory", async () => {
    const names = zipEntryNames(await inputsWorkbook());
    expect(names).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/tables/table1.xml"]));
    expect(zipEntryNames(Buffer.from("not a zip"))).toEqual([]);
  });

  it("tables copies them into OUT unchanged, and says nothing about them", async () => {
    const parts = unzip(await inputsWorkbook());
    const extra = {
      "xl/charts/chart1.xml": "<c:chartSpace/>",
      "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>",
      "xl/vbaProject.bin": Buffer.from([0, 1, 2, 250, 251]),
    };
    fs.writeFileSync(file("chart.xlsx"), zip({ ...parts, ...extra }));
    const output = await run(["tables", file("chart.xlsx"), "-o", file("out.xlsx")]);
    expect(output.status).toBe(0);
    expect(output.stderr).toBe("");
    const out = unzip(fs.readFileSync(file("out.xlsx")));
    for (const [name, content] of Object.entries(extra))
      expect(out[name].equals(Buffer.from(content))).toBe(true);
  });
});
