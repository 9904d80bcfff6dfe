import ExcelJS from "exceljs";
import { BadFileError } from "../../../src/cli/parse-arg";
import { readSnapshot } from "../../../src/cli/xlsx-snapshot";
import { writePlan } from "../../../src/cli/xlsx-writer";
import { layoutForPrint } from "../../../src/workbook/plan-layout";
import { unzip } from "../../support/zip";
import {
  GENERATED_NOTE,
  NUMBER_FORMATS,
  PlanSheet,
  PlanSummary,
  WorkbookPlan,
} from "../../../src/workbook/plan-types";

/** The exceljs writer on a small hand-made plan, read back through a real .xlsx round trip. */
const summary = {} as PlanSummary;

function generatedSheet(name: string, extra: Partial<PlanSheet> = {}): PlanSheet {
  return {
    name,
    widths: { A: 30, B: 14 },
    blocks: [
      {
        topLeft: "A1",
        rows: [
          [{ value: name, bold: true, format: "text" }],
          [{ value: "=SUM(1,2)", format: "text", note: "a label, not a formula" }],
          [{ value: GENERATED_NOTE, format: "text" }],
        ],
      },
    ],
    tables: [
      {
        name: "TF_Money",
        topLeft: "A5",
        columns: [
          { header: "Year", format: "text", total: { label: "Total" } },
          { header: "Paid £", format: "money", total: "sum", width: 12 },
          { header: "Share [of total]", format: "percent", total: "sum" },
          { header: "Note", format: "text", total: { label: "all years" } },
        ],
        rows: [
          [
            { value: "2012/13", format: "text" },
            { value: 1000.5, format: "money-pence" },
            { value: 0.25, formula: "B6/B8" },
            { value: "=B6", format: "text" },
          ],
          [
            { value: "2013/14", format: "text" },
            { value: 3000, formula: "2*1500" },
            { value: 0.75, formula: "B7/B8" },
            { value: null },
          ],
        ],
        totals: [
          { value: "Total", format: "text" },
          { value: 4000.5, formula: "SUBTOTAL(109,TF_Money[Paid £])", format: "money" },
          { value: 1, formula: "SUBTOTAL(109,TF_Money['[of total'])", format: "percent" },
          { value: "all years", format: "text" },
        ],
      },
    ],
    charts: [
      {
        kind: "column-stacked",
        title: "Money",
        categories: `'${name}'!$A$6:$A$7`,
        series: [{ name: "Paid", values: `'${name}'!$B$6:$B$7` }],
        anchor: "F2",
        to: "L16",
      },
    ],
    ...extra,
  };
}

const plan = (sheets: PlanSheet[], names: Record<string, string> = {}): WorkbookPlan => ({
  sheets,
  names,
  summary,
});

/** Writes to an .xlsx buffer and reads it back, as Excel or the next command would. */
async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

async function written(p: WorkbookPlan, into = new ExcelJS.Workbook()) {
  writePlan(into, p);
  return roundTrip(into);
}

describe("writePlan", () => {
  it("writes values, and formulas with the engine's value as their cached result", async () => {
    const sheet = (await written(plan([generatedSheet("Money")]))).getWorksheet("Money")!;
    expect(sheet.getCell("A1").value).toBe("Money");
    expect(sheet.getCell("B6").value).toBe(1000.5);
    expect(sheet.getCell("B7").value).toEqual({ formula: "2*1500", result: 3000 });
    expect(sheet.getCell("C6").value).toEqual({ formula: "B6/B8", result: 0.25 });
  });

  it("writes text that begins with = as text, never as a formula", async () => {
    const sheet = (await written(plan([generatedSheet("Money")]))).getWorksheet("Money")!;
    for (const address of ["A2", "D6"]) {
      expect(sheet.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(typeof sheet.getCell(address).value).toBe("string");
    }
    expect(sheet.getCell("A2").value).toBe("=SUM(1,2)");
    expect(sheet.getCell("D6").value).toBe("=B6");
  });

  it("makes an Excel table with a header row, a built-in style and a totals row", async () => {
    const sheet = (await written(plan([generatedSheet("Money")]))).getWorksheet("Money")!;
    expect(readSnapshot(sheet.workbook).tables).toEqual([
      { name: "TF_Money", sheet: "Money", range: "A5:D8", hasTotalsRow: true },
    ]);
    const table = (sheet.getTable("TF_Money") as unknown as { table: ExcelJS.TableProperties })
      .table;
    expect(table.style?.theme).toBe("TableStyleMedium2");
    expect(table.columns.map((c) => c.name)).toEqual([
      "Year",
      "Paid £",
      "Share [of total]",
      "Note",
    ]);
    // Sum where exceljs's own formula is the plan's; the escaped header's formula is kept as is.
    expect(table.columns.map((c) => c.totalsRowFunction)).toEqual([
      undefined,
      "sum",
      "none",
      "none",
    ]);
    expect(sheet.getCell("A8").value).toBe("Total");
    expect(sheet.getCell("B8").value).toEqual({
      formula: "SUBTOTAL(109,TF_Money[Paid £])",
      result: 4000.5,
    });
    expect(sheet.getCell("C8").value).toEqual({
      formula: "SUBTOTAL(109,TF_Money['[of total'])",
      result: 1,
    });
    expect(sheet.getCell("D8").value).toBe("all years");
    expect(sheet.getCell("B8").font?.bold).toBe(true);
  });

  it("formats cells (their own format, else their column's), bold, notes and widths", async () => {
    const sheet = (await written(plan([generatedSheet("Money")]))).getWorksheet("Money")!;
    expect(sheet.getCell("B6").numFmt).toBe(NUMBER_FORMATS["money-pence"]);
    expect(sheet.getCell("B7").numFmt).toBe(NUMBER_FORMATS.money);
    expect(sheet.getCell("C7").numFmt).toBe(NUMBER_FORMATS.percent);
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("A2").note).toBe("a label, not a formula");
    expect(sheet.getColumn("A").width).toBe(30);
    expect(sheet.getColumn("B").width).toBe(14); // the sheet's width wins over the column's 12
  });

  it("prints as the plan says: A4 one page wide, the print area and titles as absolute names", async () => {
    const laid = layoutForPrint(generatedSheet("Money"), { authority: "Barnet" });
    const workbook = new ExcelJS.Workbook();
    writePlan(workbook, plan([laid]));
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const files = unzip(buffer);
    const book = files["xl/workbook.xml"].toString("utf8");
    // Down and across to the chart's far corner (L16): the chart prints with the table.
    expect(book).toContain("&apos;Money&apos;!$A$5:$L$16</definedName>");
    expect(book).toContain("&apos;Money&apos;!$5:$5</definedName>");
    const sheet = Object.entries(files).find(([name]) =>
      name.startsWith("xl/worksheets/sheet")
    )![1];
    const xml = sheet.toString("utf8");
    expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(xml).toContain("&amp;LBarnet&amp;C");
  });

  it("freezes the rows the plan says (its table header), and none on a sheet without", async () => {
    const one = { ...generatedSheet("One"), frozenRows: 5 };
    const two = generatedSheet("Two", {
      tables: [
        generatedSheet("x").tables[0],
        { ...generatedSheet("x").tables[0], name: "TF_Other", topLeft: "A12" },
      ],
    });
    const workbook = await written(plan([one, two]));
    expect(workbook.getWorksheet("One")!.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(workbook.getWorksheet("Two")!.views?.[0]?.state).not.toBe("frozen");
  });

  it("gives an empty table one blank body row, as Excel does", async () => {
    const empty = generatedSheet("Empty");
    empty.tables[0] = { ...empty.tables[0], rows: [] };
    const workbook = await written(plan([empty]));
    expect(readSnapshot(workbook).tables[0].range).toBe("A5:D7");
    expect(workbook.getWorksheet("Empty")!.getCell("B6").value).toBeNull();
  });

  it("adds the plan's workbook names", async () => {
    const workbook = await written(
      plan([generatedSheet("Money")], { TF_Rate: "'Money'!$B$6", TF_Both: "'Money'!$B$6:$B$7" })
    );
    // exceljs quotes a sheet name only where Excel needs it.
    expect(workbook.definedNames.model).toEqual([
      { name: "TF_Rate", ranges: ["Money!$B$6"] },
      { name: "TF_Both", ranges: ["Money!$B$6:$B$7"] },
    ]);
  });

  it("writes no chart: exceljs cannot, and it fakes none", async () => {
    const workbook = new ExcelJS.Workbook();
    writePlan(workbook, plan([generatedSheet("Money")]));
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(buffer.includes(Buffer.from("xl/charts/"))).toBe(false);
  });

  it("marks each generated sheet so that a reader recognises it", async () => {
    const workbook = await written(plan([generatedSheet("Money")]));
    workbook.addWorksheet("Mine").getCell("A3").value = "my notes";
    const sheets = readSnapshot(workbook).sheets;
    expect(sheets.map((s) => [s.name, s.generated])).toEqual([
      ["Money", true],
      ["Mine", false],
    ]);
  });
});

describe("writePlan next to the user's own sheets", () => {
  it("refuses to write over a user's sheet of the same name, and then writes nothing", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("PbR Risk").getCell("A1").value = "my own figures";
    const before = readSnapshot(workbook);
    expect(() =>
      writePlan(workbook, plan([generatedSheet("Money"), generatedSheet("PbR risk")]))
    ).toThrow(
      new BadFileError(
        'the workbook already has a sheet called "PbR Risk" that this add-in did not make: rename it and build again.'
      )
    );
    expect(readSnapshot(workbook)).toEqual(before);
    expect(workbook.definedNames.model).toEqual([]);
  });

  it("replaces a sheet it generated, whole, and its names with it", async () => {
    const first = await written(
      plan([generatedSheet("Money"), generatedSheet("Old", { tables: [] })], {
        TF_Rate: "'Money'!$B$6",
        TF_Gone: "'Old'!$A$1",
      })
    );
    first.addWorksheet("Mine").getCell("A1").value = "kept";
    first.definedNames.add("Mine!$A$1", "MyName");
    const rebuilt = generatedSheet("Money", { blocks: [generatedSheet("Money").blocks[0]] });
    rebuilt.tables[0] = { ...rebuilt.tables[0], topLeft: "A6" };
    const old = generatedSheet("Old", { tables: [], blocks: [generatedSheet("Old").blocks[0]] });
    const again = await written(plan([rebuilt, old], { TF_Rate: "'Money'!$C$7" }), first);
    expect(again.worksheets.map((s) => s.name)).toEqual(["Mine", "Money", "Old"]);
    const money = again.getWorksheet("Money")!;
    expect(money.getCell("A5").value).toBeNull();
    expect(money.getCell("A6").value).toBe("Year");
    expect(readSnapshot(again).tables.map((t) => t.range)).toEqual(["A6:D9"]);
    expect(again.getWorksheet("Mine")!.getCell("A1").value).toBe("kept");
    // Not TF_Rate's old cell as well (exceljs adds to a name), and nothing into a replaced sheet.
    expect(again.definedNames.model).toEqual([
      { name: "MyName", ranges: ["Mine!$A$1"] },
      { name: "TF_Rate", ranges: ["Money!$C$7"] },
    ]);
  });

  it("refuses a name whose reference exceljs would silently drop", () => {
    expect(() => writePlan(new ExcelJS.Workbook(), plan([], { TF_Bad: "0.65" }))).toThrow(
      /TF_Bad has a reference exceljs cannot write/
    );
  });
});
