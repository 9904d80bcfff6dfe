import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { run } from "../../../src/cli/main";
import { partsLostOnCopy, zipEntryNames } from "../../../src/cli/xlsx-parts";
import { writePlan } from "../../../src/cli/xlsx-writer";
import { PlanSummary } from "../../../src/workbook/plan-types";
import { inputSheets } from "../../../src/workbook/sample";
import { unzip, zip } from "../../support/zip";

/** A user's workbook with a chart: OUT cannot carry it, and the user is told so. */
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

describe("parts of a workbook that exceljs does not copy", () => {
  it("reads a zip's file names from its central directory", async () => {
    const names = zipEntryNames(await inputsWorkbook());
    expect(names).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/tables/table1.xml"]));
    expect(zipEntryNames(Buffer.from("not a zip"))).toEqual([]);
  });

  it("finds charts, pivot tables and macros", async () => {
    fs.writeFileSync(file("plain.xlsx"), await inputsWorkbook());
    expect(partsLostOnCopy(file("plain.xlsx"))).toEqual([]);
    fs.writeFileSync(
      file("busy.xlsm"),
      zip({
        "xl/charts/chart1.xml": "<c:chartSpace/>",
        "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>",
        "xl/vbaProject.bin": "macros",
      })
    );
    expect(partsLostOnCopy(file("busy.xlsm"))).toEqual(["charts", "pivot tables", "macros"]);
  });

  it("tables says what OUT lacks, and still builds it", async () => {
    const parts = unzip(await inputsWorkbook());
    fs.writeFileSync(
      file("chart.xlsx"),
      zip({ ...parts, "xl/charts/chart1.xml": "<c:chartSpace/>" })
    );
    const output = await run(["tables", file("chart.xlsx"), "-o", file("out.xlsx")]);
    expect(output.status).toBe(0);
    expect(output.stderr).toBe(
      `tf-funding: note: ${file("chart.xlsx")} has charts, which the command line cannot copy: ` +
        `${file("out.xlsx")} lacks them (${file("chart.xlsx")} is unchanged). ` +
        "The task pane in Excel adds the tables and keeps them.\n"
    );
    expect(fs.existsSync(file("out.xlsx"))).toBe(true);
  });
});
