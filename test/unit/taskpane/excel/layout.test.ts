import {
  parseBox,
  refersToSheet,
  retargetFormula,
  splitAddress,
} from "../../../../src/taskpane/excel/addresses";
import {
  formatOf,
  staysText,
  utf8Length,
  widthInPoints,
} from "../../../../src/taskpane/excel/cells";
import { boldRectangles, layoutSheet, splitRows } from "../../../../src/taskpane/excel/layout";
import { packBatches } from "../../../../src/taskpane/excel/write";
import { layoutForPrint } from "../../../../src/workbook/plan-layout";
import { NUMBER_FORMATS, PlanSheet } from "../../../../src/workbook/plan-types";

const renames = new Map([
  ["cash envelope", "TF new x 1"],
  ["families", "TF new x 2"],
  ["o'brien", "TF new x 3"],
]);

describe("retargetFormula: references to the sheets being built point at their temporary names", () => {
  it.each([
    ["ROUND(B5*'Cash envelope'!$C$22,2)", "ROUND(B5*'TF new x 1'!$C$22,2)"],
    ["'cash ENVELOPE'!A1", "'TF new x 1'!A1"],
    ["Families!$C$5+'Families'!C6", "'TF new x 2'!$C$5+'TF new x 2'!C6"],
    ["'O''Brien'!A1", "'TF new x 3'!A1"],
    // Not a reference: text in a string literal, a longer sheet name, a name, a function.
    ["\"'Cash envelope'!A1 is \"&A1", "\"'Cash envelope'!A1 is \"&A1"],
    ["XFamilies!A1+Families2!B2", "XFamilies!A1+Families2!B2"],
    ["TF_Funded/TF_Years", "TF_Funded/TF_Years"],
    ["SUM(Families)", "SUM(Families)"],
  ])("%s", (formula, expected) => {
    expect(retargetFormula(formula, renames)).toBe(expected);
  });

  it("tells whether a name's formula refers to a sheet", () => {
    expect(refersToSheet("='Funding assumptions'!$B$5", "Funding assumptions")).toBe(true);
    expect(refersToSheet("=Budget!$B$5", "Funding assumptions")).toBe(false);
  });
});

describe("addresses as Office.js returns them", () => {
  it.each([
    ["Sheet1!B2:D10", "Sheet1", "B2:D10"],
    ["'Cash envelope'!$A$5:$A$7", "Cash envelope", "A5:A7"],
    ["'O''Brien''s'!C3", "O'Brien's", "C3"],
    ["'Wow!'!A1", "Wow!", "A1"],
    ["A1:B2", undefined, "A1:B2"],
  ])("%s", (full, sheet, address) => {
    expect(splitAddress(full)).toEqual({ sheet, address });
  });

  it("parses boxes", () => {
    expect(parseBox("B3:D10")).toEqual({ top: 3, left: 2, rows: 8, columns: 3 });
    expect(parseBox("$C$4")).toEqual({ top: 4, left: 3, rows: 1, columns: 1 });
    expect(() => parseBox("nonsense")).toThrow("not an A1 range address");
  });
});

describe("text Excel would parse is given the text format", () => {
  it.each([
    "=SUM(A1:A2)",
    "+44 20 7946 0000",
    "-5 families",
    "@home",
    "'quoted",
    "007",
    "2014-05-31",
    "31/05/2014",
    "TRUE",
    "false",
    "May 2014",
    "Jul-13",
    "50%",
    "#N/A",
    " =padded",
    "£100",
    "2013/14",
  ])("%s", (text) => {
    expect(staysText(text)).toBe(false);
    expect(formatOf({ value: text, format: "general" })).toBe("@");
    expect(formatOf({ value: text, format: "money" })).toBe("@");
  });

  it.each(["Families", "Education & Crime / Anti-Social Behaviour", "Total", "Maybe later", "A1"])(
    "leaves plain text %s in its own format",
    (text) => {
      expect(staysText(text)).toBe(true);
      expect(formatOf({ value: text })).toBe("General");
      expect(formatOf({ value: text, format: "text" })).toBe("@");
    }
  );

  it("never gives a formula cell the text format (Excel would store the formula as text)", () => {
    expect(formatOf({ value: "Total cash…", formula: '"a"&"b"', format: "text" })).toBe("General");
    expect(formatOf({ value: 3, formula: "SUM(A1:A2)", format: "money" })).toBe(
      NUMBER_FORMATS.money
    );
  });
});

describe("sizes", () => {
  it("converts characters to points as Excel does: 8.43 characters is 48 points", () => {
    expect(widthInPoints(8.43)).toBe(48);
    expect(widthInPoints(14)).toBe(77.25);
  });

  it("counts UTF-8 bytes: £ is two", () => {
    expect(utf8Length('"£"#,##0')).toBe(9);
    expect(utf8Length("😀")).toBe(4);
  });
});

const sheet: PlanSheet = {
  name: "Test",
  widths: { B: 20, A: 10 },
  blocks: [
    {
      topLeft: "A1",
      rows: [
        [{ value: "Title", format: "text", bold: true }],
        [
          { value: "Ratio", format: "text" },
          { value: 0.5, formula: "B5/B6", format: "percent" },
          { value: "=not a formula", format: "text" },
        ],
      ],
    },
  ],
  tables: [
    {
      name: "T",
      topLeft: "A4",
      columns: [
        { header: "Label", format: "text" },
        { header: "£", format: "money" },
      ],
      rows: [
        [
          { value: "a", format: "text" },
          { value: 1, format: "money" },
        ],
        [
          { value: "b", format: "text" },
          { value: null, format: "money" },
        ],
      ],
      totals: [
        { value: "Total", format: "text", bold: true },
        { value: 1, formula: "SUM(B5:B6)", format: "money", bold: true },
      ],
    },
  ],
  charts: [],
};

describe("layoutSheet", () => {
  const layout = layoutSheet(sheet, (f) => f.replace("B5", "X5"));

  it("writes each block, header and body as one rectangle, formulas only where there are any", () => {
    expect(layout.ranges.map((r) => [r.address, r.formulas])).toEqual([
      ["A1:C2", true],
      ["A4:B4", false],
      ["A5:B6", false],
    ]);
    // A short row is padded with null: the cells beyond it are left alone.
    expect(layout.ranges[0].inputs).toEqual([
      ["Title", null, null],
      ["Ratio", "=X5/B6", "=not a formula"],
    ]);
    expect(layout.ranges[0].formats[1]).toEqual(["@", NUMBER_FORMATS.percent, "@"]);
    expect(layout.ranges[0].bold).toEqual(["A1"]);
    expect(layout.ranges[1]).toMatchObject({
      inputs: [["Label", "£"]],
      formats: [["General", "@"]],
      bold: ["A4:B4"],
    });
    expect(layout.ranges[2].inputs).toEqual([
      ["a", 1],
      ["b", null],
    ]);
  });

  it("makes the table from header and body; its totals row clears what it leaves blank", () => {
    expect(layout.tables).toHaveLength(1);
    expect(layout.tables[0]).toMatchObject({ name: "T", address: "A4:B6" });
    expect(layout.tables[0].totals).toMatchObject({
      address: "A7:B7",
      inputs: [["Total", "=SUM(X5:B6)"]],
      bold: ["A7:B7"],
    });
    const blank = layoutSheet(
      { ...sheet, tables: [{ ...sheet.tables[0], totals: [{ value: "Total" }, { value: null }] }] },
      (f) => f
    );
    expect(blank.tables[0].totals?.inputs).toEqual([["Total", ""]]);
  });

  it("orders widths by column, in points", () => {
    expect(layout.widths).toEqual([
      { column: "A", points: widthInPoints(10) },
      { column: "B", points: widthInPoints(20) },
    ]);
  });

  it("merges bold cells into rectangles", () => {
    expect(
      boldRectangles(
        [
          [true, true, false],
          [true, true, false],
          [false, false, true],
        ],
        3,
        1
      ).sort()
    ).toEqual(["A3:B4", "C5"]);
  });
});

describe("splitting and packing very large writes", () => {
  const rows = Array.from({ length: 5000 }, (_, i) => [
    { value: `row ${i}`, format: "text" as const },
    { value: i, formula: `A${i}*2`, format: "money" as const },
  ]);
  const big = layoutSheet({ ...sheet, blocks: [{ topLeft: "C10", rows }], tables: [] }, (f) => f)
    .ranges[0];

  it("cuts a body into contiguous bands of whole rows under the size given", () => {
    const parts = splitRows(big, 50_000);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.bytes <= 50_000)).toBe(true);
    expect(parts.flatMap((p) => p.inputs)).toEqual(big.inputs);
    expect(parts.flatMap((p) => p.formats)).toEqual(big.formats);
    let next = 10;
    for (const part of parts) {
      const box = parseBox(part.address);
      expect(box).toMatchObject({ top: next, left: 3, columns: 2 });
      next += box.rows;
    }
    expect(next).toBe(5010);
    expect(splitRows(big, big.bytes)).toEqual([big]);
  });

  it("packs steps in order into requests under the budget", () => {
    const batches = packBatches(
      [3, 3, 3, 5, 1, 9, 1].map((bytes) => ({ bytes })),
      6
    );
    expect(batches.map((b) => b.map((s) => s.bytes))).toEqual([[3, 3], [3], [5, 1], [9], [1]]);
  });
});

describe("layoutSheet: the plan's print layout", () => {
  it("carries wrapped cells, row heights, frozen rows and print settings from the plan", () => {
    const sheet: PlanSheet = layoutForPrint({
      name: "Notes",
      widths: {},
      blocks: [
        { topLeft: "A1", rows: [[{ value: "Notes", bold: true }]] },
        {
          topLeft: "A4",
          rows: [
            [
              { value: "Label", bold: true },
              { value: "Value", bold: true },
            ],
            [{ value: "word ".repeat(20).trim() }, { value: 12, format: "count" }],
          ],
        },
      ],
      tables: [
        {
          name: "TF_Notes",
          topLeft: "D4",
          columns: [{ header: "A header long enough to wrap in its column", format: "count" }],
          rows: [[{ value: 1 }]],
        },
      ],
      charts: [],
    });
    const layout = layoutSheet(sheet, (f) => f);
    expect(layout.ranges.find((r) => r.address === "A4:B5")?.wrap).toEqual(["A5"]);
    expect(layout.ranges.find((r) => r.address === "D4")?.wrap).toEqual(["D4"]);
    expect(layout.heights).toEqual([
      { rows: "4:4", points: sheet.heights![4] },
      { rows: "5:5", points: 30 },
    ]);
    expect(layout.frozenRows).toBe(4);
    expect(layout.print).toMatchObject({ area: "A4:D5", titleRows: [4, 4] });
    expect(layout.widths.map((w) => w.column)).toEqual(["A", "B", "C", "D"]);
  });
});
