import { OUTCOME_TYPES } from "../../../src/engine/outcomes";
import { label, v } from "../../../src/workbook/cells";
import { layoutForPrint, shownText, wrappedLines } from "../../../src/workbook/plan-layout";
import { NUMBER_FORMATS, PlanCell, PlanSheet } from "../../../src/workbook/plan-types";
import { inputSheets, samplePlan } from "../../../src/workbook/sample";
import { planFrom } from "../../support/plan-from";

/** The sample's input sheets with more rows in their Assumptions table. */
function inputsWith(...settings: [string, string | number][]): PlanSheet[] {
  const sheets = samplePlan().sheets;
  const assumptions = sheets.find((sheet) => sheet.name === "Assumptions")!.tables[0];
  for (const [setting, value] of settings) assumptions.rows.push([label(setting), v(value)]);
  return sheets;
}

/** Every cell of a sheet with its column's format where it has none of its own. */
function cellsOf(sheet: PlanSheet): { cell: PlanCell; format?: string; inTable: boolean }[] {
  return [
    ...sheet.blocks.flatMap((block) =>
      block.rows.flat().map((cell) => ({ cell, format: cell.format, inTable: false }))
    ),
    ...sheet.tables.flatMap((table) =>
      [...table.rows, ...(table.totals ? [table.totals] : [])].flatMap((row) =>
        row.map((cell, c) => ({
          cell,
          format: cell.format ?? table.columns[c].format,
          inTable: true,
        }))
      )
    ),
  ];
}

describe("the print layout of the generated sheets (sample)", () => {
  const plan = planFrom(samplePlan().sheets);
  const sheet = (name: string) => plan.sheets.find((s) => s.name === name)!;

  it("prints every sheet one page wide below its helper lines, the title and date in the header", () => {
    for (const s of plan.sheets) {
      const print = s.print!;
      const top = Number(/^[A-Z]+(\d+):/.exec(print.area)![1]);
      // Rows 1-3 are the title, the note under it and the marker; the Report leaves row 4 blank.
      expect(top).toBe(s.name === "Report" ? 5 : 4);
      expect(print.header.center).toBe(`&"-,Bold"${String(s.blocks[0].rows[0][0].value)}`);
      expect(print.header).toMatchObject({ left: "", right: "&D" });
      expect(print.footer.center).toBe("Page &P of &N");
    }
    expect(sheet("Cash envelope").print).toMatchObject({
      area: "A4:K46", // down past the release block to the foot of the income chart
      orientation: "landscape",
      titleRows: [4, 4],
    });
    expect(sheet("Cash envelope").frozenRows).toBe(4);
    expect(sheet("Claims by year").frozenRows).toBe(4);
    // Several tables: nothing frozen, no header repeated over the wrong table.
    expect(sheet("PbR risk").frozenRows).toBeUndefined();
    expect(sheet("PbR risk").print!.titleRows).toBeUndefined();
  });

  it("fits each column to its longest value and label, wrapping only text beyond 50", () => {
    for (const s of plan.sheets) {
      for (const table of s.tables) {
        const left = table.topLeft.charCodeAt(0) - 64;
        table.rows.forEach((row) =>
          row.forEach((cell, c) => {
            const letter = String.fromCharCode(64 + left + c);
            const shown = shownText(cell.value, cell.format ?? table.columns[c].format);
            // Wrapped text is wider than its column, which is at the 50 cap (or a sheet's own
            // wider width, as the Report's first column for its sentences).
            if (cell.wrap) expect(s.widths[letter]).toBeGreaterThanOrEqual(50);
            else expect(s.widths[letter]).toBeGreaterThanOrEqual(shown.length * 0.95 + 2);
          })
        );
      }
    }
    // "Crime/ASB and education" in full (it was cut to "Crime/ASB and educati").
    expect(sheet("Claims by year").widths.C).toBeGreaterThanOrEqual(24);
  });

  it("formats families as whole numbers, text formulas as General, outcomes by label, no TRUE/FALSE", () => {
    expect(NUMBER_FORMATS.families).toBe("#,##0");
    const ids = Object.keys(OUTCOME_TYPES);
    for (const s of plan.sheets) {
      for (const { cell, format, inTable } of cellsOf(s)) {
        if (cell.formula !== undefined) expect(format).not.toBe("text");
        expect(format).not.toBe("families-fraction");
        if (inTable) expect(typeof cell.value).not.toBe("boolean");
        if (typeof cell.value === "string") expect(ids).not.toContain(cell.value);
      }
    }
    const claims = sheet("Claims by year").tables[0];
    expect(claims.rows.map((row) => row[2].value)).toContain("Crime/ASB and education");
    expect(new Set(claims.rows.flatMap((row) => [row[10].value, row[11].value]))).toEqual(
      new Set(["yes", "no"])
    );
    // The envelope sentence is a text formula: General, so editing it keeps it a formula.
    const sentence = cellsOf(sheet("Cash envelope")).find(
      ({ cell }) => typeof cell.value === "string" && cell.value.startsWith("Total cash envelope")
    )!;
    expect(sentence.cell.format).toBe("general");
  });

  it("keeps two places for families only where fractions are kept (rounding none)", () => {
    const fractions = planFrom(inputsWith(["Rounding", "none"]));
    const formats = fractions.sheets.flatMap((s) => cellsOf(s).map(({ format }) => format));
    expect(formats).toContain("families-fraction");
    expect(formats).not.toContain("families");
    expect(NUMBER_FORMATS["families-fraction"]).toBe("#,##0.00");
  });

  it("puts the authority the workbook names in the page header, its & doubled", () => {
    const named = planFrom(inputsWith(["Authority", "Barnet & Enfield"]));
    for (const s of named.sheets) expect(s.print!.header.left).toBe("Barnet && Enfield");
  });

  it("lays out a sheet added later by default: widths, wrapping, heights and print area", () => {
    const report: PlanSheet = {
      name: "Report",
      widths: {},
      blocks: [
        { topLeft: "A1", rows: [[label("Report", true)], [label("A helper line, not printed.")]] },
        {
          topLeft: "A4",
          rows: [
            [label("Measure", true), label("Value", true)],
            [label("x ".repeat(40).trim()), v(1234567, "money")],
          ],
        },
        { topLeft: "A7", rows: [[label("y ".repeat(40).trim())]] },
      ],
      tables: [],
      charts: [],
    };
    layoutForPrint(report);
    expect(report.widths).toEqual({ A: 50, B: 12 });
    expect(report.blocks[1].rows[1][0].wrap).toBe(true);
    expect(report.heights).toEqual({ 5: 2 * 15 });
    // The sentence alone on row 7 runs over columns to its right: the print area reaches them.
    expect(report.print).toMatchObject({ area: "A4:D7", orientation: "portrait" });
    expect(report.frozenRows).toBeUndefined();
  });

  it("prints what the framework pays for on the claims sheet of a plan with no claims yet", () => {
    const plan = planFrom(inputSheets([["2012/13", 705, 294]], [], []));
    const claims = plan.sheets.find((s) => s.name === "Claims by year")!;
    expect(claims.tables).toEqual([]);
    expect(claims.blocks[1].rows.map((row) => row[0].value)).toEqual([
      "No claims yet. The framework pays results for:",
      ...["crime-asb-education", "progress-to-work", "continuous-employment"].map(
        (id) => OUTCOME_TYPES[id as keyof typeof OUTCOME_TYPES].label
      ),
      expect.any(String),
      expect.any(String),
    ]);
    // Below the helper lines, and wide enough for the longest outcome (runs over B to F).
    expect(claims.print).toMatchObject({ area: "A4:I9", orientation: "portrait" });
  });

  it("counts wrapped lines at word breaks", () => {
    expect(wrappedLines("one two three", 40)).toBe(1);
    expect(wrappedLines("one two three", 9)).toBe(2);
    expect(wrappedLines("one two three", 7)).toBe(3);
    expect(wrappedLines("abcdefghijkl", 7)).toBe(3);
  });
});
