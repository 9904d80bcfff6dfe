import ExcelJS from "exceljs";
import { plainValue, readSnapshot } from "../../../src/cli/xlsx-snapshot";
import { GENERATED_NOTE } from "../../../src/workbook/plan-types";

/** readSnapshot reads what a user's .xlsx holds the way Office.js would hand it to the plan. */
async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

describe("readSnapshot", () => {
  it("reads every kind of cell as a plain value, row-major from A1, after a file round trip", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Inputs");
    sheet.getCell("B2").value = new Date(Date.UTC(2014, 6, 31)); // midnight: a whole day
    sheet.getCell("B2").numFmt = "dd/mm/yyyy";
    sheet.getCell("C2").value = new Date(Date.UTC(2014, 6, 31, 12)); // noon: half a day
    sheet.getCell("C2").numFmt = "dd/mm/yyyy hh:mm";
    sheet.getCell("D2").value = { formula: "1+1", result: 2 };
    sheet.getCell("E2").value = {
      formula: "DATE(2014,7,31)",
      result: new Date(Date.UTC(2014, 6, 31)),
    };
    sheet.getCell("F2").value = {
      richText: [{ text: "Progress " }, { font: { bold: true }, text: "to work" }],
    };
    sheet.getCell("A3").value = { text: "the report", hyperlink: "https://example.org/report" };
    sheet.getCell("B3").value = {
      text: { richText: [{ text: "rich " }, { text: "link" }] },
      hyperlink: "https://example.org",
    } as unknown as ExcelJS.CellHyperlinkValue;
    sheet.getCell("C3").value = { error: "#N/A" };
    sheet.getCell("D3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    sheet.getCell("E3").value = true;
    sheet.getCell("F3").value = "=SUM(1,2)";
    sheet.getCell("A5").value = 705;

    const snapshot = readSnapshot(await roundTrip(workbook));
    expect(snapshot.sheets).toEqual([
      {
        name: "Inputs",
        generated: false,
        cells: [
          [],
          [null, 41851, 41851.5, 2, 41851, "Progress to work"],
          ["the report", "rich link", "#N/A", "#DIV/0!", true, "=SUM(1,2)"],
          [],
          [705],
        ],
      },
    ]);
  });

  it("keeps a merged area's value in its top-left cell only, as Excel does", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Families");
    sheet.getCell("A1").value = "Families by year";
    sheet.mergeCells("A1:C1");
    sheet.getCell("A2").value = "Financial year";
    const cells = readSnapshot(await roundTrip(workbook)).sheets[0].cells;
    expect(cells).toEqual([["Families by year"], ["Financial year"]]);
  });

  it("lists the Excel tables with sheet, range and totals row", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Claims");
    sheet.addTable({
      name: "Claims",
      ref: "B4",
      totalsRow: true,
      columns: [{ name: "Claim date" }, { name: "Families", totalsRowFunction: "sum" }],
      rows: [
        [new Date(Date.UTC(2013, 6, 31)), 58],
        [new Date(Date.UTC(2013, 9, 31)), 71],
      ],
    });
    workbook.addWorksheet("Other").addTable({
      name: "Plain",
      ref: "A1",
      columns: [{ name: "x" }],
      rows: [[1]],
    });
    expect(readSnapshot(await roundTrip(workbook)).tables).toEqual([
      { name: "Claims", sheet: "Claims", range: "B4:C7", hasTotalsRow: true },
      { name: "Plain", sheet: "Other", range: "A1:A2", hasTotalsRow: false },
    ]);
  });

  it("flags a sheet that carries the generated marker", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Cash envelope").getCell("A3").value = GENERATED_NOTE;
    workbook.addWorksheet("Mine").getCell("A1").value = "Cash envelope";
    const sheets = readSnapshot(await roundTrip(workbook)).sheets;
    expect(sheets.map((s) => s.generated)).toEqual([true, false]);
  });
});

describe("plainValue", () => {
  it("turns dates into Excel serial numbers (days since 30 December 1899)", () => {
    expect(plainValue(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(plainValue(new Date(Date.UTC(2020, 2, 31)))).toBe(43921);
    expect(plainValue(new Date(Date.UTC(2014, 1, 28, 6)))).toBe(41698.25);
  });

  it("gives a formula without a cached value as empty", () => {
    expect(plainValue({ formula: "A1" } as ExcelJS.CellFormulaValue)).toBeNull();
    expect(plainValue(undefined)).toBeNull();
  });
});
