import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { BadFileError } from "../../../src/cli/parse-arg";
import { copyWithPlan } from "../../../src/cli/xlsx-copy";
import { loadWorkbook } from "../../../src/cli/xlsx-load";
import { readSnapshot } from "../../../src/cli/xlsx-snapshot";
import {
  GENERATED_NOTE,
  NUMBER_FORMATS,
  PlanChart,
  PlanSheet,
  PlanSummary,
  WorkbookPlan,
} from "../../../src/workbook/plan-types";
import { layoutForPrint } from "../../../src/workbook/plan-layout";
import { unzip, zip } from "../../support/zip";

/**
 * The package writer on a small hand-made plan added to a user's workbook, read back by exceljs
 * (an independent reader) and by the command line's own reader.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-package-write-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);
let count = 0;

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
        name: `TF_${name.replace(/\W/g, "")}`,
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
            { value: 1000.5, format: "money-pence", note: "paid in March" },
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
          {
            value: 4000.5,
            formula: `SUBTOTAL(109,TF_${name.replace(/\W/g, "")}[Paid £])`,
            format: "money",
          },
          { value: true, formula: "C6+C7=1" },
          { value: "all years", format: "text" },
        ],
      },
    ],
    charts: [],
    ...extra,
  };
}

const plan = (sheets: PlanSheet[], names: Record<string, string> = {}): WorkbookPlan => ({
  sheets,
  names,
  summary: {} as PlanSummary,
});

/** A user's workbook: a sheet with a styled cell and a name of their own. */
async function userWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const mine = workbook.addWorksheet("Mine");
  mine.getCell("A1").value = "kept";
  mine.getCell("B2").value = 12.5;
  mine.getCell("B2").numFmt = "0.000";
  mine.getCell("B2").font = { italic: true };
  workbook.definedNames.add("Mine!$A$1", "MyName");
  const name = file(`user-${++count}.xlsx`);
  await workbook.xlsx.writeFile(name);
  return name;
}

async function written(p: WorkbookPlan, input?: string): Promise<string> {
  const out = file(`out-${++count}.xlsx`);
  await copyWithPlan(input ?? (await userWorkbook()), p, out);
  return out;
}

async function exceljs(name: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(name);
  return workbook;
}

const part = (name: string, entry: string) => unzip(fs.readFileSync(name))[entry].toString("utf8");

describe("the package writer", () => {
  it("writes values, and formulas with the engine's value as their cached result", async () => {
    const sheet = (await exceljs(await written(plan([generatedSheet("Money")])))).getWorksheet(
      "Money"
    )!;
    expect(sheet.getCell("A1").value).toBe("Money");
    expect(sheet.getCell("B6").value).toBe(1000.5);
    expect(sheet.getCell("B7").value).toEqual({ formula: "2*1500", result: 3000 });
    expect(sheet.getCell("C6").value).toEqual({ formula: "B6/B8", result: 0.25 });
    expect(sheet.getCell("C8").value).toEqual({ formula: "C6+C7=1", result: true });
  });

  it("writes text that begins with = as text, never as a formula", async () => {
    const sheet = (await exceljs(await written(plan([generatedSheet("Money")])))).getWorksheet(
      "Money"
    )!;
    for (const address of ["A2", "D6"]) {
      expect(sheet.getCell(address).type).toBe(ExcelJS.ValueType.String);
    }
    expect(sheet.getCell("A2").value).toBe("=SUM(1,2)");
    expect(sheet.getCell("D6").value).toBe("=B6");
  });

  it("keeps text XML cannot hold, and text that looks like Excel's escapes, as it was", async () => {
    const odd = "bell\u0007 tab\t _x0041_ & <b>";
    const sheet = generatedSheet("Odd");
    sheet.blocks.push({
      topLeft: "F1",
      rows: [[{ value: odd }], [{ value: odd, formula: 'F1&""' }]],
    });
    const out = await written(plan([sheet]));
    const read = await loadWorkbook(out);
    read.zip.close();
    const cells = read.snapshot.sheets.find((s) => s.name === "Odd")!.cells;
    expect([cells[0][5], cells[1][5]]).toEqual([odd, odd]);
    // As Excel writes them (exceljs, which does not decode them, is no judge here).
    expect(part(out, "xl/worksheets/sheet2.xml")).toContain(
      "bell_x0007_ tab\t _x005F_x0041_ &amp; &lt;b&gt;"
    );
  });

  it("makes an Excel table with a header row, a built-in style, a filter and a totals row", async () => {
    const out = await written(plan([generatedSheet("Money")]));
    const workbook = await exceljs(out);
    expect(readSnapshot(workbook).tables).toEqual([
      { name: "TF_Money", sheet: "Money", range: "A5:D8", hasTotalsRow: true },
    ]);
    const table = part(out, "xl/tables/table1.xml");
    expect(table).toContain('ref="A5:D8" totalsRowCount="1"');
    expect(table).toContain('<autoFilter ref="A5:D7"/>');
    expect(table).toContain('<tableStyleInfo name="TableStyleMedium2"');
    expect(table).not.toContain("headerRowCount");
    expect([...table.matchAll(/<tableColumn [^>]*\/>/g)].map((m) => m[0])).toEqual([
      '<tableColumn id="1" name="Year" totalsRowLabel="Total"/>',
      '<tableColumn id="2" name="Paid £" totalsRowFunction="sum"/>',
      '<tableColumn id="3" name="Share [of total]"/>',
      '<tableColumn id="4" name="Note" totalsRowLabel="all years"/>',
    ]);
    const sheet = workbook.getWorksheet("Money")!;
    expect(sheet.getCell("B8").value).toEqual({
      formula: "SUBTOTAL(109,TF_Money[Paid £])",
      result: 4000.5,
    });
    expect(sheet.getCell("B8").font?.bold).toBe(true);
    expect(sheet.getCell("A5").font?.bold).toBe(true);
  });

  it("formats cells (their own format, else their column's), bold, notes and widths", async () => {
    const sheet = (await exceljs(await written(plan([generatedSheet("Money")])))).getWorksheet(
      "Money"
    )!;
    expect(sheet.getCell("B6").numFmt).toBe(NUMBER_FORMATS["money-pence"]);
    expect(sheet.getCell("B7").numFmt).toBe(NUMBER_FORMATS.money);
    expect(sheet.getCell("C7").numFmt).toBe(NUMBER_FORMATS.percent);
    expect(sheet.getCell("A6").numFmt).toBe("@");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("A2").note).toBe("a label, not a formula");
    expect(sheet.getCell("B6").note).toBe("paid in March");
    expect(sheet.getColumn("A").width).toBe(30);
    expect(sheet.getColumn("B").width).toBe(14); // the sheet's width wins over the column's 12
  });

  it("keeps the user's styles where they were and appends its own", async () => {
    const input = await userWorkbook();
    const out = await written(plan([generatedSheet("Money")]), input);
    const before = part(input, "xl/styles.xml");
    const after = part(out, "xl/styles.xml");
    const xfs = (xml: string) =>
      /<cellXfs[^>]*>(.*)<\/cellXfs>/s.exec(xml)![1].match(/<xf .*?(\/>|<\/xf>)/g)!;
    const old = xfs(before);
    expect(xfs(after).slice(0, old.length)).toEqual(old);
    expect(xfs(after).length).toBeGreaterThan(old.length);
    const mine = (await exceljs(out)).getWorksheet("Mine")!;
    expect(mine.getCell("B2").numFmt).toBe("0.000");
    expect(mine.getCell("B2").font?.italic).toBe(true);
  });

  it("orders the worksheet's elements as the schema demands, notes before table parts", async () => {
    const out = await written(plan([generatedSheet("Money")]));
    const xml = part(out, "xl/worksheets/sheet2.xml");
    const order = [...xml.matchAll(/<(\w+)[\s>/]/g)]
      .map((m) => m[1])
      .filter((tag) =>
        [
          "sheetPr",
          "dimension",
          "sheetViews",
          "sheetFormatPr",
          "cols",
          "sheetData",
          "pageMargins",
          "legacyDrawing",
          "tableParts",
        ].includes(tag)
      );
    expect(order).toEqual([
      "dimension",
      "sheetViews",
      "sheetFormatPr",
      "cols",
      "sheetData",
      "pageMargins",
      "legacyDrawing",
      "tableParts",
    ]);
    const rels = part(out, "xl/worksheets/_rels/sheet2.xml.rels");
    expect(rels).toContain('Target="../comments1.xml"');
    expect(rels).toContain('Target="../drawings/vmlDrawing1.vml"');
    expect(part(out, "[Content_Types].xml")).toContain('<Default Extension="vml"');
  });

  it("freezes the rows the plan says (its table header), and none on a sheet without", async () => {
    const two = generatedSheet("Two", {
      tables: [generatedSheet("x").tables[0], { ...generatedSheet("y").tables[0], topLeft: "A12" }],
    });
    const workbook = await exceljs(
      await written(plan([{ ...generatedSheet("One"), frozenRows: 5 }, two]))
    );
    expect(workbook.getWorksheet("One")!.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(workbook.getWorksheet("Two")!.views?.[0]?.state).not.toBe("frozen");
  });

  it("prints as the plan says: page setup in the schema's order, fitted one page wide", async () => {
    const money = layoutForPrint(generatedSheet("Money & Co"), { authority: "Barnet" });
    const xml = part(await written(plan([money])), "xl/worksheets/sheet2.xml");
    const order = [...xml.matchAll(/<(\w+)[\s>/]/g)].map((m) => m[1]);
    const at = (tag: string) => order.indexOf(tag);
    expect(at("sheetPr")).toBe(1); // right after <worksheet>
    for (const [before, after] of [
      ["sheetPr", "dimension"],
      ["sheetData", "pageMargins"],
      ["pageMargins", "pageSetup"],
      ["pageSetup", "headerFooter"],
      ["headerFooter", "legacyDrawing"],
      ["legacyDrawing", "tableParts"],
    ]) {
      expect(at(before)).toBeGreaterThanOrEqual(0);
      expect(at(before)).toBeLessThan(at(after));
    }
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(xml).toMatch(
      /<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="portrait"\/>/
    );
    // The title's & is doubled: & begins Excel's header codes.
    expect(xml).toContain(
      "<oddHeader>&amp;LBarnet&amp;C&amp;&quot;-,Bold&quot;Money &amp;&amp; Co&amp;R&amp;D</oddHeader>"
    );
    expect(xml).toContain("<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>");
    expect(xml).toContain(
      '<pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" state="frozen"/>'
    );
  });

  it("names each sheet's print area and titles with its own sheet index, after a rebuild too", async () => {
    const laid = (name: string) => layoutForPrint(generatedSheet(name));
    const first = await written(plan([laid("One"), laid("Two")]));
    const names = (file: string) =>
      [...part(file, "xl/workbook.xml").matchAll(/<definedName ([^>]*)>([^<]*)</g)]
        .filter((m) => m[1].includes("_xlnm"))
        .map(
          (m) =>
            `${/name="([^"]+)"/.exec(m[1])![1]}@${/localSheetId="(\d+)"/.exec(m[1])![1]} ${m[2]}`
        )
        .sort();
    expect(names(first)).toEqual([
      "_xlnm.Print_Area@1 'One'!$A$5:$D$8",
      "_xlnm.Print_Area@2 'Two'!$A$5:$D$8",
      "_xlnm.Print_Titles@1 'One'!$5:$5",
      "_xlnm.Print_Titles@2 'Two'!$5:$5",
    ]);
    // Rebuilding One alone: Two moves to index 1 with its names; the new One is last.
    const again = await written(plan([laid("One")]), first);
    expect((await exceljs(again)).worksheets.map((s) => s.name)).toEqual(["Mine", "Two", "One"]);
    expect(names(again)).toEqual([
      "_xlnm.Print_Area@1 'Two'!$A$5:$D$8",
      "_xlnm.Print_Area@2 'One'!$A$5:$D$8",
      "_xlnm.Print_Titles@1 'Two'!$5:$5",
      "_xlnm.Print_Titles@2 'One'!$5:$5",
    ]);
  });

  it("gives an empty table one blank body row, as Excel does", async () => {
    const empty = generatedSheet("Empty");
    empty.tables[0] = { ...empty.tables[0], rows: [] };
    const workbook = await exceljs(await written(plan([empty])));
    expect(readSnapshot(workbook).tables[0].range).toBe("A5:D7");
    expect(workbook.getWorksheet("Empty")!.getCell("B6").value).toBeNull();
  });

  it("gives tables ids unique in the workbook", async () => {
    const out = await written(plan([generatedSheet("One"), generatedSheet("Two")]));
    const files = unzip(fs.readFileSync(out));
    const ids = Object.keys(files)
      .filter((name) => name.startsWith("xl/tables/"))
      .map((name) => /<table [^>]*id="(\d+)"/.exec(files[name].toString())![1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(2);
  });

  it("adds the plan's workbook names beside the user's", async () => {
    const workbook = await exceljs(
      await written(
        plan([generatedSheet("Money")], { TF_Rate: "'Money'!$B$6", TF_Both: "'Money'!$B$6:$B$7" })
      )
    );
    expect(workbook.definedNames.model).toEqual([
      { name: "MyName", ranges: ["Mine!$A$1"] },
      { name: "TF_Rate", ranges: ["Money!$B$6"] },
      { name: "TF_Both", ranges: ["Money!$B$6:$B$7"] },
    ]);
  });

  it("marks each generated sheet so that its reader recognises it", async () => {
    const out = await written(plan([generatedSheet("Money")]));
    const read = await loadWorkbook(out);
    read.zip.close();
    expect(read.snapshot.sheets.map((s) => [s.name, s.generated])).toEqual([
      ["Mine", false],
      ["Money", true],
    ]);
  });
});

describe("the package writer next to the user's own sheets", () => {
  it("refuses to write over a user's sheet of the same name, and then writes nothing", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("PbR Risk").getCell("A1").value = "my own figures";
    await workbook.xlsx.writeFile(file("clash.xlsx"));
    await expect(
      copyWithPlan(
        file("clash.xlsx"),
        plan([generatedSheet("Money"), generatedSheet("PbR risk")]),
        file("clash-out.xlsx")
      )
    ).rejects.toThrow(
      new BadFileError(
        'the workbook already has a sheet called "PbR Risk" that this add-in did not make: rename it and build again.'
      )
    );
    expect(fs.existsSync(file("clash-out.xlsx"))).toBe(false);
  });

  it("replaces a sheet it generated, whole, with its parts and names", async () => {
    const first = await written(
      plan([generatedSheet("Money"), generatedSheet("Old", { tables: [] })], {
        TF_Rate: "'Money'!$B$6",
        TF_Gone: "'Old'!$A$1",
      })
    );
    const rebuilt = generatedSheet("Money", { blocks: [generatedSheet("Money").blocks[0]] });
    rebuilt.tables[0] = { ...rebuilt.tables[0], topLeft: "A6" };
    const old = generatedSheet("Old", { tables: [], blocks: [generatedSheet("Old").blocks[0]] });
    const again = await written(plan([rebuilt, old], { TF_Rate: "'Money'!$C$7" }), first);
    const workbook = await exceljs(again);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Mine", "Money", "Old"]);
    const money = workbook.getWorksheet("Money")!;
    expect(money.getCell("A5").value).toBeNull();
    expect(money.getCell("A6").value).toBe("Year");
    expect(readSnapshot(workbook).tables.map((t) => t.range)).toEqual(["A6:D9"]);
    expect(workbook.getWorksheet("Mine")!.getCell("A1").value).toBe("kept");
    expect(workbook.definedNames.model).toEqual([
      { name: "MyName", ranges: ["Mine!$A$1"] },
      { name: "TF_Rate", ranges: ["Money!$C$7"] },
    ]);
    // The replaced sheets' parts are gone, not left behind unreferenced.
    const files = Object.keys(unzip(fs.readFileSync(again)));
    expect(
      files
        .filter((name) => /^xl\/(worksheets\/sheet|tables\/|comments|drawings\/vml)/.test(name))
        .sort()
    ).toEqual([
      "xl/comments1.xml",
      "xl/comments2.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/drawings/vmlDrawing2.vml",
      "xl/tables/table1.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet3.xml",
    ]);
  });

  it("replaces a generated sheet's charts with it, and the style parts Excel gives a chart", async () => {
    const chart: PlanChart = {
      kind: "column-clustered",
      title: "Paid by year",
      categories: "'Money'!$A$6:$A$7",
      series: [{ name: "Paid £", values: "'Money'!$B$6:$B$7" }],
      anchor: "F2",
      to: "L16",
    };
    const first = await written(plan([generatedSheet("Money", { charts: [chart] })]));
    const files = unzip(fs.readFileSync(first));
    const charts = (names: string[]) =>
      names.filter((n) => /^xl\/(charts\/|drawings\/(_rels\/)?drawing)/.test(n));
    expect(charts(Object.keys(files)).sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
    ]);
    const xml = files["xl/charts/chart1.xml"].toString();
    expect(xml).toContain("<c:f>'Money'!$B$5</c:f>");
    expect(xml).toMatch(/<c:pt idx="0"><c:v>1000.5<\/c:v><\/c:pt><c:pt idx="1"><c:v>3000<\/c:v>/);
    // As Excel saves a chart it was given: a style and a colour part, owned by the chart.
    const cs = "http://schemas.microsoft.com/office/drawing/2012/chartStyle";
    files["xl/charts/style1.xml"] = Buffer.from(`<cs:chartStyle xmlns:cs="${cs}" id="201"/>`);
    files["xl/charts/colors1.xml"] = Buffer.from(
      `<cs:colorStyle xmlns:cs="${cs}" meth="cycle" id="10"/>`
    );
    files["xl/charts/_rels/chart1.xml.rels"] = Buffer.from(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/chartColorStyle" Target="colors1.xml"/>' +
        '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style1.xml"/>' +
        "</Relationships>"
    );
    files["[Content_Types].xml"] = Buffer.from(
      files["[Content_Types].xml"]
        .toString()
        .replace(
          "</Types>",
          '<Override PartName="/xl/charts/style1.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/>' +
            '<Override PartName="/xl/charts/colors1.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>'
        )
    );
    const edited = file(`edited-${++count}.xlsx`);
    fs.writeFileSync(edited, zip(files));
    const again = unzip(
      fs.readFileSync(await written(plan([generatedSheet("Money", { charts: [chart] })]), edited))
    );
    expect(charts(Object.keys(again)).sort()).toEqual(
      charts(Object.keys(files))
        .filter((n) => !/style1|colors1|chart1\.xml\.rels/.test(n))
        .sort()
    );
    expect(again["[Content_Types].xml"].toString()).not.toMatch(/style1|colors1/);
    expect(again["[Content_Types].xml"].toString().match(/drawingml\.chart\+xml/g)).toHaveLength(1);
  });

  it("keeps the calculation chain, without the cells of the sheets it replaced", async () => {
    const first = unzip(fs.readFileSync(await written(plan([generatedSheet("Money")]))));
    // As Excel saves it: the chain lists formula cells by sheet id (an entry without i is on the
    // sheet of the one before). Mine is sheet 1, Money sheet 2.
    first["xl/calcChain.xml"] = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
        '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<c r="C6" i="2"/><c r="C7"/><c r="B3" i="1"/><c r="B4"/><c r="B7" i="2"/></calcChain>'
    );
    first["xl/_rels/workbook.xml.rels"] = Buffer.from(
      first["xl/_rels/workbook.xml.rels"]
        .toString()
        .replace(
          "</Relationships>",
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'
        )
    );
    first["[Content_Types].xml"] = Buffer.from(
      first["[Content_Types].xml"]
        .toString()
        .replace(
          "</Types>",
          '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'
        )
    );
    fs.writeFileSync(file("chain.xlsx"), zip(first));
    const again = unzip(
      fs.readFileSync(await written(plan([generatedSheet("Money")]), file("chain.xlsx")))
    );
    expect(again["xl/calcChain.xml"].toString()).toMatch(
      /<calcChain [^>]*><c r="B3" i="1"\/><c r="B4" i="1"\/><\/calcChain>$/
    );
    expect(again["xl/_rels/workbook.xml.rels"].toString()).toContain('Target="calcChain.xml"');
  });

  it("refuses a plan table whose name a user's table already has", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Mine").addTable({
      name: "TF_Money",
      ref: "A1",
      columns: [{ name: "x" }],
      rows: [[1]],
    });
    await workbook.xlsx.writeFile(file("table-clash.xlsx"));
    await expect(
      copyWithPlan(file("table-clash.xlsx"), plan([generatedSheet("Money")]), file("tc-out.xlsx"))
    ).rejects.toThrow(/already has a table called "TF_Money" \(on Mine\)/);
  });
});
