import ExcelJS from "exceljs";
import fc from "fast-check";
import fs from "fs";
import os from "os";
import path from "path";
import { isDateFormat } from "../../../src/cli/package/dates1904";
import { loadWorkbook } from "../../../src/cli/xlsx-load";
import { readSnapshot } from "../../../src/cli/xlsx-snapshot";
import { WorkbookSnapshot } from "../../../src/workbook/snapshot";
import { zip } from "../../support/zip";

/**
 * The command line's reader against exceljs's on the same files (two independent readers must
 * agree), and on parts exceljs never writes: inline rich text, t="d", Excel's _xHHHH_ escapes,
 * cells without references, tables without headerRowCount.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-package-read-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let count = 0;

async function read(bytes: Buffer): Promise<WorkbookSnapshot> {
  const file = path.join(dir, `in-${++count}.xlsx`);
  fs.writeFileSync(file, bytes);
  const workbook = await loadWorkbook(file);
  workbook.zip.close();
  return workbook.snapshot;
}

async function bothReaders(workbook: ExcelJS.Workbook) {
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  return { ours: await read(bytes), theirs: readSnapshot(back) };
}

describe("the package reader", () => {
  it("reads every kind of cell as exceljs does: dates as serials, formulas as cached values", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Inputs");
    sheet.getCell("B2").value = new Date(Date.UTC(2014, 6, 31));
    sheet.getCell("B2").numFmt = "dd/mm/yyyy";
    sheet.getCell("C2").value = new Date(Date.UTC(2014, 6, 31, 12));
    sheet.getCell("C2").numFmt = "dd/mm/yyyy hh:mm";
    sheet.getCell("D2").value = { formula: "1+1", result: 2 };
    sheet.getCell("E2").value = { formula: 'A1&"x"', result: "x" };
    sheet.getCell("F2").value = {
      richText: [{ text: "Progress " }, { font: { bold: true }, text: "to work" }],
    };
    sheet.getCell("A3").value = { text: "the report", hyperlink: "https://example.org/report" };
    sheet.getCell("C3").value = { error: "#N/A" };
    sheet.getCell("D3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    sheet.getCell("E3").value = true;
    sheet.getCell("F3").value = "=SUM(1,2)";
    sheet.getCell("G3").value = "a & b < c";
    sheet.getCell("A5").value = 705;
    sheet.getCell("A6").value = "Families by year";
    sheet.mergeCells("A6:C6");
    const { ours, theirs } = await bothReaders(workbook);
    expect(ours).toEqual(theirs);
    expect(ours.sheets[0].cells).toEqual([
      [],
      [null, 41851, 41851.5, 2, "x", "Progress to work"],
      ["the report", null, "#N/A", "#DIV/0!", true, "=SUM(1,2)", "a & b < c"],
      [],
      [705],
      ["Families by year"],
    ]);
  });

  it("agrees with exceljs on any grid of numbers, text and booleans", async () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.string({ maxLength: 12 }),
      fc.boolean(),
      fc.constant(null)
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        async (grid) => {
          const workbook = new ExcelJS.Workbook();
          const sheet = workbook.addWorksheet("Grid");
          grid.forEach((row, r) =>
            row.forEach((v, c) => {
              // -0 is written as 0; exceljs keeps an empty string as an empty cell.
              if (v !== null && v !== "")
                sheet.getCell(r + 1, c + 1).value = Object.is(v, -0) ? 0 : v;
            })
          );
          const { ours, theirs } = await bothReaders(workbook);
          expect(ours).toEqual(theirs);
        }
      ),
      { numRuns: 40 }
    );
  });

  it("moves the dates of a 1904-system workbook to the 1900 serials the plan reads, as exceljs does", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet("Claims");
    sheet.getCell("A1").value = new Date(Date.UTC(2014, 6, 31));
    sheet.getCell("A1").numFmt = "dd/mm/yyyy";
    sheet.getCell("B1").value = 58; // a count, not a date: it stays
    sheet.getCell("C1").value = new Date(Date.UTC(2014, 1, 28));
    sheet.getCell("C1").numFmt = "[$-809]d mmmm yyyy;@";
    const { ours, theirs } = await bothReaders(workbook);
    expect(ours).toEqual(theirs);
    expect(ours.sheets[0].cells).toEqual([[41851, 58, 41698]]);
  });

  it("tells date formats from others", () => {
    for (const code of ["dd/mm/yyyy", "d-mmm-yy", "[$-809]d mmmm yyyy;@", "hh:mm", "[h]:mm:ss"])
      expect([code, isDateFormat(code)]).toEqual([code, true]);
    for (const code of ['"£"#,##0;[Red]-"£"#,##0', "#,##0.##", "0.0%", "@", "General", '0" days"'])
      expect([code, isDateFormat(code)]).toEqual([code, false]);
  });

  it("lists tables with their sheet, range and totals row, as exceljs does", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Claims").addTable({
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
    const { ours, theirs } = await bothReaders(workbook);
    expect(ours.tables).toEqual(theirs.tables);
    expect(ours.tables).toEqual([
      { name: "Claims", sheet: "Claims", range: "B4:C7", hasTotalsRow: true },
      { name: "Plain", sheet: "Other", range: "A1:A2", hasTotalsRow: false },
    ]);
  });

  it("reads parts exceljs never writes: inline rich text, ISO dates, escapes, an Excel table", async () => {
    const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rels = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const bytes = zip({
      "[Content_Types].xml":
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`,
      "xl/workbook.xml": `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ${rels}><x:sheets><x:sheet name="Families &amp; more" sheetId="3" r:id="rId7"/></x:sheets></x:workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId7", "worksheet", "/xl/worksheets/data.xml")}${rel("rId8", "sharedStrings", "strings.xml")}</Relationships>`,
      "xl/strings.xml": `<sst ${main}><si><t>Financial year</t></si><si><r><t>Families </t></r><r><rPr><b/></rPr><t>attached</t></r><rPh><t>ふ</t></rPh></si></sst>`,
      "xl/worksheets/data.xml":
        `<worksheet ${main} ${rels}><sheetData>` +
        '<row r="4"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>' +
        '<row><c t="inlineStr"><is>\n  <r><t>2012/</t></r><r><t xml:space="preserve">13 </t></r>\n</is></c><c><v>294</v></c></row>' +
        '<row r="7"><c r="A7" t="d"><v>2014-07-31T12:00:00</v></c><c r="C7" t="str"><v>line_x000D_break</v></c><c r="D7"><f>SUM(B5)</f></c></row>' +
        `</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`,
      "xl/worksheets/_rels/data.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "table", "../tables/t.xml")}${rel("rId2", "drawing", "../drawings/missing.xml")}</Relationships>`,
      // As Excel writes a table: no headerRowCount (one header row).
      "xl/tables/t.xml": `<table ${main} id="4" name="Table4" displayName="Families" ref="A4:B5"><tableColumns count="2"><tableColumn id="1" name="Financial year"/><tableColumn id="2" name="Families attached"/></tableColumns></table>`,
      "xl/charts/chart1.xml": "<c:chartSpace/>",
    });
    expect(await read(bytes)).toEqual({
      sheets: [
        {
          name: "Families & more",
          generated: false,
          cells: [
            [],
            [],
            [],
            ["Financial year", "Families attached"],
            ["2012/13 ", 294],
            [],
            [41851.5, null, "line\rbreak"],
          ],
        },
      ],
      tables: [{ name: "Families", sheet: "Families & more", range: "A4:B5", hasTotalsRow: false }],
    });
  });
});
