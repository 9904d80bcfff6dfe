import {
  WorkbookConflictError,
  WriteFailedError,
  WriteResult,
  readWorkbook,
  writePlan,
} from "../../../../src/taskpane/excel";
import { planCells } from "../../../../src/workbook/plan-snapshot";
import {
  GENERATED_NOTE,
  NUMBER_FORMATS,
  PlanSheet,
  WorkbookPlan,
} from "../../../../src/workbook/plan-types";
import { REPORT_SHEET, REPORT_TABLES } from "../../../../src/workbook/plan-report";
import { samplePlan } from "../../../../src/workbook/sample";
import {
  FakeContext,
  FakeWorkbook,
  formatBox,
  installFakeExcel,
  installFakeRequirements,
  removeFakeOffice,
} from "./fake-excel";
import { inputsFor, planFrom, sampleInputs, seed } from "./plans";

afterEach(() => jest.restoreAllMocks());

const yes = { replace: "yes" as const };
const key = (row: number, column: number) => row * 20000 + column; // the fake's cell key
const TEMPORARY = /^TF (new|old) /;

/** Everything in the workbook, for before-and-after comparison. */
function everything(book: FakeWorkbook) {
  return {
    sheets: book.sheets.map((sheet) => book.dump(sheet.name)),
    tables: book.tables.map((t) => ({ ...t })),
    charts: JSON.parse(JSON.stringify(book.charts)),
    names: book.names.map((n) => ({ ...n })),
  };
}

/** A workbook with the sample's input sheets, as a user would have them. */
function withInputs(inputs: PlanSheet[] = sampleInputs()): FakeWorkbook {
  const book = installFakeExcel(new FakeWorkbook());
  seed(book, inputs);
  return book;
}

/** The fake's cell as the plan would read it back. */
function expectWritten(book: FakeWorkbook, plan: WorkbookPlan) {
  for (const { sheet, address, cell } of planCells(plan)) {
    const found = book.cell(sheet, address);
    const where = `${sheet}!${address}`;
    if (cell.formula !== undefined) {
      expect([where, found?.kind, found?.formula]).toEqual([where, "formula", `=${cell.formula}`]);
    } else if (cell.value === null || cell.value === "") {
      expect([where, found?.kind ?? "empty"]).toEqual([where, "empty"]);
    } else {
      const kind = typeof cell.value === "string" ? "text" : typeof cell.value;
      expect([where, found?.kind, found?.value]).toEqual([where, kind, cell.value]);
    }
    if (cell.format && cell.formula === undefined && typeof cell.value !== "string") {
      expect([where, found?.format]).toEqual([where, NUMBER_FORMATS[cell.format]]);
    }
  }
}

describe("writing the sample input sheets into an empty workbook", () => {
  it("takes two round trips and writes every cell, table and width", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    book.addSheet("Sheet1");
    const syncs = jest.spyOn(FakeContext.prototype, "sync");
    const plan = samplePlan();

    const result = await writePlan(plan, yes);

    expect(syncs).toHaveBeenCalledTimes(2);
    expect(result).toMatchObject({
      sheets: ["Families", "Claims", "Assumptions"],
      syncs: 2,
      cancelled: false,
    });
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1", "Families", "Claims", "Assumptions"]);
    expectWritten(book, plan);
    expect(
      book.tables.map((t) => [t.name, book.sheetById(t.sheetId)?.name, formatBox({ ...t })])
    ).toEqual([
      ["Families", "Families", "A4:C6"],
      ["Claims", "Claims", "A4:D19"],
      ["Assumptions", "Assumptions", "A4:B11"],
    ]);
    expect(book.cell("Claims", "A5")).toMatchObject({
      kind: "number",
      value: 41486,
      format: "dd/mm/yyyy",
    });
    expect(book.cell("Families", "A5")).toMatchObject({
      kind: "text",
      value: "2012/13",
      format: "@",
    });
    expect(book.cell("Families", "A1")).toMatchObject({ bold: true });
    expect(book.cell("Families", "A4")).toMatchObject({ bold: true });
    // The Outcome column is as wide as its longest outcome (63 characters), capped at 50.
    expect(plan.sheets[1].widths.B).toBe(50);
    expect(book.sheetNamed("Claims")?.widths.get(2)).toBe(
      Math.round((50 * 7 + 5) * 0.75 * 100) / 100
    );
    expect(book.brokenReferences).toEqual([]);
    // Its sheets are the user's from now on: the plan carries no generated marker for them.
    expect((await readWorkbook()).sheets.filter((s) => s.generated)).toEqual([]);
  });
});

describe("the print layout, as the plan gives it", () => {
  afterEach(() => removeFakeOffice());
  /** The sample's inputs naming the authority in their Assumptions table. */
  const named = () => {
    const sheets = sampleInputs();
    sheets
      .find((sheet) => sheet.name === "Assumptions")!
      .tables[0].rows.push([
        { value: "Authority", format: "text" },
        { value: "Barnet", format: "text" },
      ]);
    return sheets;
  };

  it("writes frozen rows, wrapping, row heights and page layout with no extra round trip", async () => {
    installFakeRequirements("1.9");
    const book = withInputs(named());
    const plan = planFrom(named());
    const syncs = jest.spyOn(FakeContext.prototype, "sync");

    const result = await writePlan(plan, yes);

    expect(syncs).toHaveBeenCalledTimes(2);
    expect(result.syncs).toBe(2);
    for (const planned of plan.sheets) {
      const sheet = book.sheetNamed(planned.name)!;
      const print = planned.print!;
      expect(sheet.frozenRows).toBe(planned.frozenRows);
      expect(sheet.page).toEqual({
        paperSize: "A4",
        orientation: print.orientation === "landscape" ? "Landscape" : "Portrait",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        leftMargin: 36,
        rightMargin: 36,
        topMargin: 54,
        bottomMargin: 54,
        headerMargin: 21.6,
        footerMargin: 21.6,
        printArea: print.area,
        ...(print.titleRows
          ? { printTitleRows: `$${print.titleRows[0]}:$${print.titleRows[1]}` }
          : {}),
        "headersFooters.defaultForAllPages.leftHeader": "Barnet",
        "headersFooters.defaultForAllPages.centerHeader": print.header.center,
        "headersFooters.defaultForAllPages.rightHeader": "&D",
        "headersFooters.defaultForAllPages.leftFooter": "",
        "headersFooters.defaultForAllPages.centerFooter": "Page &P of &N",
        "headersFooters.defaultForAllPages.rightFooter": "",
      });
      for (const [row, points] of Object.entries(planned.heights ?? {}))
        expect(sheet.heights?.get(Number(row))).toBe(points);
    }
    expect(book.sheetNamed("Cash envelope")!.frozenRows).toBe(4);
    expect(book.sheetNamed("Cash envelope")!.page!.orientation).toBe("Landscape");
    // The long labels of the PbR risk sheet wrap, within a column fitted to 50 characters.
    const risk = book.sheetNamed("PbR risk")!;
    const wrapped = plan.sheets
      .find((s) => s.name === "PbR risk")!
      .blocks.flatMap((block) => {
        const top = Number(block.topLeft.slice(1));
        return block.rows.flatMap((row, r) => (row[0]?.wrap ? [top + r] : []));
      });
    expect(wrapped.length).toBeGreaterThan(0);
    for (const row of wrapped) expect(risk.wrapped?.has(key(row, 1))).toBe(true);
  });

  it("skips the page layout on an Excel before ExcelApi 1.9, still freezing the header", async () => {
    installFakeRequirements("1.8");
    const book = withInputs();
    const plan = planFrom(sampleInputs());
    const result = await writePlan(plan, yes);
    expect(result.syncs).toBe(2);
    expect(book.sheetNamed("Cash envelope")!.page).toBeUndefined();
    expect(book.sheetNamed("Cash envelope")!.frozenRows).toBe(4);
    expectWritten(book, plan);
  });

  it("writes neither outside Office (no requirements to ask)", async () => {
    const book = withInputs();
    await writePlan(planFrom(sampleInputs()), yes);
    expect(book.sheetNamed("Cash envelope")!.page).toBeUndefined();
    expect(book.sheetNamed("Cash envelope")!.frozenRows).toBeUndefined();
  });
});

describe("building the funding sheets", () => {
  it("writes every cell as planned in two round trips, names and charts included", async () => {
    const book = withInputs();
    const plan = planFrom(sampleInputs());
    const syncs = jest.spyOn(FakeContext.prototype, "sync");
    const progress: [string, number, number][] = [];

    const result = await writePlan(plan, {
      replace: "ask",
      onProgress: (...p) => progress.push(p),
    });

    expect(syncs).toHaveBeenCalledTimes(2);
    expect(result).toEqual({
      sheets: ["Report", "Cash envelope", "PbR risk", "Claims by year", "Funding assumptions"],
      syncs: 2,
      cells: expect.any(Number),
      replaced: [],
      cancelled: false,
    });
    expect(progress.map(([, done, total]) => [done, total])).toEqual([
      [0, 3],
      [2, 2],
    ]);
    expectWritten(book, plan);
    // Every formula was written against a sheet that existed, and none has lost its target.
    expect(book.brokenReferences).toEqual([]);
    const formulas = book.sheets.flatMap((s) =>
      [...s.cells.values()].flatMap((c) => c.formula ?? [])
    );
    expect(formulas.filter((f) => f.includes("#REF!") || /TF (new|old)/.test(f))).toEqual([]);
    expect(formulas).toContain("=ROUND(C5*'Funding assumptions'!$C$22,2)");
    expect(book.sheets.map((s) => s.name).filter((n) => TEMPORARY.test(n))).toEqual([]);
    // Each write request ran with calculation suspended; the new envelope is shown.
    expect(book.syncLog.slice(1).every((s) => s.suspended)).toBe(true);
    // The Report, first of the plan's sheets, is the one a build leaves open.
    expect(book.sheetById(book.activeSheetId)?.name).toBe("Report");
    expect(result.cells).toBe(
      plan.sheets.reduce(
        (n, s) =>
          n +
          s.blocks.reduce(
            (m, b) => m + b.rows.length * Math.max(...b.rows.map((r) => r.length)),
            0
          ) +
          s.tables.reduce(
            (m, t) => m + (t.rows.length + 1 + (t.totals ? 1 : 0)) * t.columns.length,
            0
          ),
        0
      )
    );
  });

  it("writes the Report sheet: its three tables, figures and live sentences, in the same two round trips", async () => {
    const book = withInputs();
    const plan = planFrom(sampleInputs());
    const report = plan.sheets.find((s) => s.name === REPORT_SHEET)!;
    const syncs = jest.spyOn(FakeContext.prototype, "sync");

    await writePlan(plan, yes);

    expect(syncs).toHaveBeenCalledTimes(2);
    expect(
      book.tables
        .filter((t) => book.sheetById(t.sheetId)?.name === REPORT_SHEET)
        .map((t) => [t.name, formatBox({ ...t }), t.showTotals])
    ).toEqual([
      [REPORT_TABLES.envelope, "A6:G8", true],
      [REPORT_TABLES.outcomes, "A12:C17", true],
      [REPORT_TABLES.pbr, "A22:C28", false],
    ]);
    // Figures are formulas over the other generated sheets, with the engine's formats.
    expect(book.cell(REPORT_SHEET, "C7")).toMatchObject({
      kind: "formula",
      formula: "='Cash envelope'!$E$5",
      format: NUMBER_FORMATS.money,
    });
    expect(book.cell(REPORT_SHEET, "B9")).toMatchObject({
      kind: "formula",
      formula: "=SUBTOTAL(109,TF_ReportEnvelope[Families funded])",
      format: NUMBER_FORMATS.count,
      bold: true,
    });
    expect(book.cell(REPORT_SHEET, "A16")).toMatchObject({
      kind: "text",
      value: "Continuous employment (following previous claim for ASB / Education)",
    });
    expect(book.cell(REPORT_SHEET, "B26")).toMatchObject({
      kind: "formula",
      formula: "='PbR risk'!$J$7",
      format: NUMBER_FORMATS["money-pence"],
    });
    // The sentences: formulas that are not formatted as text, so editing them keeps them live.
    const sentences = planCells(plan).filter(
      (c) => c.sheet === REPORT_SHEET && c.cell.role === "sentence"
    );
    expect(sentences.map((c) => c.address)).toEqual(["A32", "A33", "A34"]);
    for (const { address, cell } of sentences) {
      const found = book.cell(REPORT_SHEET, address);
      expect(found).toMatchObject({ kind: "formula", formula: `=${cell.formula}` });
      expect(found?.format).not.toBe("@");
    }
    expect(book.sheetNamed(REPORT_SHEET)?.widths.get(1)).toBe(
      Math.round((report.widths.A * 7 + 5) * 0.75 * 100) / 100
    );
    // The envelope table's headers over figures (B-G) line up with them, right; "Financial
    // year" over its labels stays left.
    const right = book.sheetNamed(REPORT_SHEET)?.rightAligned;
    expect([1, 2, 3, 4, 5, 6, 7].map((column) => right?.has(key(6, column)) ?? false)).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(book.brokenReferences).toEqual([]);
  });

  it("creates the plan's workbook names, pointing at the final sheets", async () => {
    const book = withInputs();
    const plan = planFrom(sampleInputs());
    await writePlan(plan, yes);
    expect(Object.keys(plan.names).length).toBeGreaterThan(5);
    expect(book.names).toEqual(
      Object.entries(plan.names).map(([name, reference]) => ({ name, formula: `=${reference}` }))
    );
  });

  it("creates the native charts with their series, categories, titles and anchors", async () => {
    const book = withInputs();
    const plan = planFrom(sampleInputs());
    await writePlan(plan, yes);
    const planned = plan.sheets.flatMap((sheet) =>
      sheet.charts.map((chart) => ({ sheet: sheet.name, chart }))
    );
    expect(planned).toHaveLength(2);
    expect(book.charts).toHaveLength(2);
    const strip = (s: string) => s.replace(/\$/g, "");
    book.charts.forEach((chart, i) => {
      const { sheet, chart: want } = planned[i];
      expect(book.sheetById(chart.sheetId)?.name).toBe(sheet);
      expect(chart).toMatchObject({
        type: want.kind === "column-stacked" ? "ColumnStacked" : "ColumnClustered",
        title: want.title,
        anchor: want.anchor,
        to: want.to,
      });
      expect(book.seriesOf(chart)).toEqual(
        want.series.map((s) => ({
          name: s.name,
          values: strip(s.values),
          categories: strip(want.categories),
        }))
      );
    });
  });

  it("makes Excel tables with the style, totals row formulas and formats of the plan", async () => {
    const book = withInputs();
    const plan = planFrom(sampleInputs());
    await writePlan(plan, yes);
    const envelope = book.tables.find((t) => t.name === "TF_Envelope");
    expect(envelope).toMatchObject({
      showTotals: true,
      style: "TableStyleMedium2",
      top: 4,
      rows: 3,
      columns: 11,
    });
    // Excel's own SUBTOTAL in the last column is replaced by the plan's totals.
    const totals = plan.sheets.find((s) => s.name === "Cash envelope")!.tables[0].totals?.[10];
    expect(totals?.formula).toBe("SUBTOTAL(109,TF_Envelope[Total programme £])");
    expect(book.cell("Cash envelope", "K7")).toMatchObject({
      kind: "formula",
      formula: `=${totals?.formula}`,
      bold: true,
    });
    expect(book.cell("Cash envelope", "A7")).toMatchObject({ kind: "text", value: "Total" });
    const planned = plan.sheets.flatMap((s) => s.tables.map((t) => [t.name, s.name, !!t.totals]));
    expect(
      book.tables
        .filter((t) => t.name.startsWith("TF_"))
        .map((t) => [t.name, book.sheetById(t.sheetId)?.name, t.showTotals])
    ).toEqual(planned);
  });
});

describe("text stays text", () => {
  const labels = [
    "=SUM(A1:A2)",
    "=cmd|' /C calc'!A0",
    "+44 20 7946 0000",
    "-5 families",
    "@home",
    "'quoted",
    "007",
    "2014-05-31",
    "TRUE",
    "May 2014",
    "50%",
    "#N/A",
  ];

  it("the fake turns such text into formulas, numbers and dates when it is not formatted as text", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    book.addSheet("S");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange(`A1:A${labels.length}`).values = labels.map(
        (l) => [l]
      );
      await context.sync();
    });
    expect(labels.map((_, i) => book.cell("S", `A${i + 1}`)?.kind)).toEqual([
      "formula",
      "formula",
      "formula",
      "formula",
      "formula",
      "text",
      "number",
      "number",
      "boolean",
      "number",
      "number",
      "error",
    ]);
  });

  it("the fake, like Excel, puts a table given a bare address on the active sheet", async () => {
    // Why the writer hands tables.add a Range: the active sheet may be the user's.
    const book = installFakeExcel(new FakeWorkbook());
    book.addSheet("User", [["a"], [1]]);
    book.addSheet("Ours", [["b"], [2]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Ours").tables.add("A1:A2", true);
      await context.sync();
    });
    expect(book.sheetById(book.tables[0].sheetId)?.name).toBe("User");
  });

  it("a label beginning with = (and every other such text) is written as exactly that text", async () => {
    const book = withInputs();
    const text = (value: string) => ({ value, format: "general" as const });
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Labels",
          widths: {},
          blocks: [
            { topLeft: "A1", rows: labels.map((l) => [text(l)]) },
            // The same labels beside a formula: written through range.formulas.
            {
              topLeft: "C1",
              rows: labels.map((l) => [text(l), { value: 1, formula: "1+0", format: "count" }]),
            },
            { topLeft: "F1", rows: [[{ value: GENERATED_NOTE, format: "text" }]] },
          ],
          tables: [
            {
              name: "TF_Labels",
              topLeft: "H1",
              columns: [
                { header: "=Outcome", format: "text" },
                { header: "Families", format: "count" },
              ],
              rows: labels.map((l, i) => [text(l), { value: i, format: "count" }]),
              totals: [{ value: "=Total" }, { value: 66, formula: "SUM(I2:I13)", format: "count" }],
            },
          ],
          charts: [],
        },
      ],
      names: {},
      summary: samplePlan().summary,
    };
    await writePlan(plan, yes);
    for (const column of ["A", "C", "H"]) {
      const top = column === "H" ? 2 : 1;
      expect(labels.map((_, i) => book.cell("Labels", `${column}${top + i}`))).toEqual(
        labels.map((value) => expect.objectContaining({ kind: "text", value, format: "@" }))
      );
    }
    expect(book.cell("Labels", "H1")).toMatchObject({ kind: "text", value: "=Outcome" });
    expect(book.cell("Labels", "H14")).toMatchObject({ kind: "text", value: "=Total" });
    expect(book.cell("Labels", "I14")).toMatchObject({ kind: "formula", formula: "=SUM(I2:I13)" });
    expect(book.cell("Labels", "D1")).toMatchObject({ kind: "formula", formula: "=1+0" });
    // And it reads back as the same text.
    const read = (await readWorkbook()).sheets.find((s) => s.name === "Labels");
    expect(read?.cells.slice(0, labels.length).map((row) => row[0])).toEqual(labels);
  });
});

/** A workbook full of the user's own things, beside the input sheets. */
function busyWorkbook(): FakeWorkbook {
  const book = installFakeExcel(new FakeWorkbook());
  book.addSheet("Budget 2014", [
    [{ value: "Budget", bold: true }, null, { value: 0.1, format: "0%" }],
    ["Staff", 120000, { formula: "=B2*C1", value: 12000 }],
    ["Premises", 30000, { formula: "=B3*C1", value: 3000 }],
    [
      "Total",
      { formula: "=SUM(B2:B3)", value: 150000 },
      { formula: "=SUM(Staff[Budget])", value: 150000 },
    ],
  ]);
  book.addTable("Budget 2014", "Staff", "A1:B3");
  book.sheetNamed("Budget 2014")?.widths.set(1, 120);
  book.addSheet("Notes", [
    ["=this is a note, not a formula"],
    ["Call Barnet re: claims"],
    [{ value: 41486, format: "dd/mm/yyyy" }],
  ]);
  // A sheet named like one of ours (case aside) but not made by the add-in: in another plan.
  book.addSheet("Scenarios", [
    ["Name", "Rate"],
    ["Low", 0.4],
  ]);
  book.addTable("Scenarios", "Scenarios", "A1:B2");
  seed(book, sampleInputs());
  book.defineName("MyRate", "='Budget 2014'!$C$1");
  book.charts.push({
    id: "user-chart",
    sheetId: book.sheetNamed("Budget 2014")!.id,
    type: "Pie",
    title: "Spend",
    series: [
      { name: "Spend", values: { sheetId: book.sheetNamed("Budget 2014")!.id, address: "B2:B3" } },
    ],
  });
  book.activeSheetId = book.sheetNamed("Notes")!.id;
  return book;
}

const USER_SHEETS = ["Budget 2014", "Notes", "Scenarios", "Families", "Claims", "Assumptions"];

describe("the user's content", () => {
  it("is cell-for-cell unchanged after two builds", async () => {
    const book = busyWorkbook();
    const before = USER_SHEETS.map((name) => book.dump(name));
    const userNames = book.names.map((n) => ({ ...n }));
    const plan = planFrom(sampleInputs());

    const first = await writePlan(plan, { replace: "ask", confirm: async () => true });
    const confirm = jest.fn(async () => true);
    const second = await writePlan(plan, { replace: "ask", confirm });

    expect(USER_SHEETS.map((name) => book.dump(name))).toEqual(before);
    expect(book.names.filter((n) => !(n.name in plan.names))).toEqual(userNames);
    expect(first).toMatchObject({ syncs: 2, replaced: [] });
    expect(second).toMatchObject({ syncs: 3, replaced: plan.sheets.map((s) => s.name) });
    expect(confirm).toHaveBeenCalledWith(plan.sheets.map((s) => s.name));
    expect(book.sheets.map((s) => s.name)).toEqual([
      ...USER_SHEETS,
      ...plan.sheets.map((s) => s.name),
    ]);
    expect(book.brokenReferences).toEqual([]);
    expectWritten(book, plan);
  });

  it("but a user's formula that points into a generated sheet shows #REF! once that sheet is replaced", async () => {
    // As in Excel whenever a sheet is deleted: the GENERATED_NOTE on every generated sheet says
    // to keep one's own work elsewhere. Pinned here so that a change to it is a decision.
    const book = busyWorkbook();
    const plan = planFrom(sampleInputs());
    await writePlan(plan, yes);
    const budget = book.sheetNamed("Budget 2014")!;
    book.addSheet("Links", [[{ formula: "='Cash envelope'!F7", value: 0 }]]);
    expect(budget).toBeDefined();
    await writePlan(plan, yes);
    expect(book.cell("Links", "A1")?.formula).toBe("=#REF!F7");
  });

  it("a sheet with one of our names that the add-in did not make stops the build before any write", async () => {
    const book = busyWorkbook();
    book.addSheet("Cash envelope", [["My own envelope"], [null], ["not the marker"]]);
    const before = everything(book);
    const syncs = jest.spyOn(FakeContext.prototype, "sync");

    const build = writePlan(planFrom(sampleInputs()), yes);

    await expect(build).rejects.toThrow(
      "A sheet called 'Cash envelope' already exists and was not made by this add-in: rename it and build again."
    );
    await expect(build).rejects.toBeInstanceOf(WorkbookConflictError);
    expect(syncs).toHaveBeenCalledTimes(2); // looked, wrote nothing
    expect(book.syncLog.every((s) => s.names.every((n) => n.endsWith("load")))).toBe(true);
    expect(everything(book)).toEqual(before);
  });

  it("a user's table or name with one of the plan's names stops it too", async () => {
    const book = busyWorkbook();
    book.addSheet("Mine", [
      ["a", "b"],
      [1, 2],
    ]);
    book.addTable("Mine", "TF_Envelope", "A1:B2");
    book.defineName("TF_Grant", "=Mine!$A$2");
    const before = everything(book);
    const build = writePlan(planFrom(sampleInputs()), yes);
    await expect(build).rejects.toThrow(
      "A table called 'TF_Envelope' already exists on the sheet 'Mine' and was not made by this add-in: rename it and build again. " +
        "A name called 'TF_Grant' already exists in this workbook (it refers to =Mine!$A$2) and was not made by this add-in: rename it and build again."
    );
    expect(everything(book)).toEqual(before);
  });
});

describe("replacing the sheets this add-in generated", () => {
  it("asks first, and writes nothing when the answer is no", async () => {
    const book = withInputs();
    const plan = planFrom(sampleInputs());
    await writePlan(plan, yes);
    const before = everything(book);
    const syncs = jest.spyOn(FakeContext.prototype, "sync");
    const confirm = jest.fn(async () => false);

    const result = await writePlan(plan, { replace: "ask", confirm });

    expect(confirm).toHaveBeenCalledWith([
      "Report",
      "Cash envelope",
      "PbR risk",
      "Claims by year",
      "Funding assumptions",
    ]);
    expect(result).toEqual({ sheets: [], syncs: 2, cells: 0, replaced: [], cancelled: true });
    expect(syncs).toHaveBeenCalledTimes(2);
    expect(everything(book)).toEqual(before);
    // Without a way to ask, "ask" means no.
    expect(await writePlan(plan, { replace: "ask" })).toMatchObject({ cancelled: true });
    expect(everything(book)).toEqual(before);
  });

  it("replaces them in three round trips, with the names re-pointed and no sheet left over", async () => {
    const book = withInputs();
    const plan = planFrom(sampleInputs());
    await writePlan(plan, yes);
    const oldIds = plan.sheets.map((s) => book.sheetNamed(s.name)!.id);
    const syncs = jest.spyOn(FakeContext.prototype, "sync");

    const result = await writePlan(plan, yes);

    expect(syncs).toHaveBeenCalledTimes(3);
    expect(result.syncs).toBe(3);
    const newIds = plan.sheets.map((s) => book.sheetNamed(s.name)!.id);
    expect(newIds.filter((id) => oldIds.includes(id))).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toEqual([
      "Families",
      "Claims",
      "Assumptions",
      ...result.sheets,
    ]);
    expect(book.names).toEqual(
      Object.entries(plan.names).map(([name, reference]) => ({ name, formula: `=${reference}` }))
    );
    expect(book.tables.map((t) => t.name).filter((n) => /^TF_(new|old)_/.test(n))).toEqual([]);
    expect(book.charts).toHaveLength(2);
    expect(book.brokenReferences).toEqual([]);
    expectWritten(book, plan);
  });
});

describe("a failure part-way", () => {
  /** Each sync of a baseline build, with the points at which to fail it. */
  async function failurePoints(setUp: () => Promise<FakeWorkbook>, plan: WorkbookPlan) {
    const book = await setUp();
    const start = book.syncLog.length;
    await writePlan(plan, yes);
    return book.syncLog.slice(start).map((sync, i) => {
      const firstDelete = sync.names.indexOf("worksheet.delete");
      // Every operation of every request: Excel may stop a request anywhere.
      const points: (number | "all")[] = [...Array.from({ length: sync.ops }, (_, k) => k), "all"];
      return { sync: i + 1, points, firstDelete };
    });
  }

  async function firstBuild(): Promise<FakeWorkbook> {
    return busyWorkbook();
  }

  async function rebuild(): Promise<FakeWorkbook> {
    const book = busyWorkbook();
    await writePlan(planFrom(sampleInputs()), yes);
    return book;
  }

  const generatedIds = (book: FakeWorkbook, plan: WorkbookPlan) =>
    plan.sheets.map((s) => book.sheetNamed(s.name)?.id);

  it.each([
    ["the first build", firstBuild],
    ["a rebuild", rebuild],
  ])(
    "at each sync of %s leaves no sheet of its own behind and the old ones intact",
    async (_, setUp) => {
      const plan = planFrom(sampleInputs());
      const points = await failurePoints(setUp, plan);
      expect(points.length).toBe(setUp === rebuild ? 3 : 2);
      let runs = 0;
      for (const { sync, points: afters, firstDelete } of points) {
        for (const after of afters) {
          const book = await setUp();
          const before = everything(book);
          const oldIds = generatedIds(book, plan);
          book.failAt(sync, after);
          let result: WriteResult | undefined;
          let failure: unknown;
          try {
            result = await writePlan(plan, yes);
          } catch (error) {
            failure = error;
          }
          runs++;
          const label = `failure at sync ${sync} after ${after} operations`;
          expect([label, book.sheets.map((s) => s.name).filter((n) => TEMPORARY.test(n))]).toEqual([
            label,
            [],
          ]);
          expect([
            label,
            book.tables.map((t) => t.name).filter((n) => /^TF_(new|old)_/.test(n)),
          ]).toEqual([label, []]);
          const deleting = firstDelete >= 0 && (after === "all" || after > firstDelete);
          if (deleting) {
            // An old sheet was already deleted: the build is completed instead of undone.
            expect([label, result?.sheets]).toEqual([label, plan.sheets.map((s) => s.name)]);
            expect(
              generatedIds(book, plan).some((id) => id === undefined || oldIds.includes(id))
            ).toBe(false);
            expect(book.names.filter((n) => n.name in plan.names)).toEqual(
              Object.entries(plan.names).map(([n, r]) => ({ name: n, formula: `=${r}` }))
            );
            expectWritten(book, plan);
            expect(USER_SHEETS.map((n) => book.dump(n))).toEqual(
              before.sheets.filter((s) => USER_SHEETS.includes((s as { name: string }).name))
            );
          } else {
            expect([label, result]).toEqual([label, undefined]);
            if (sync <= (setUp === rebuild ? 2 : 1)) {
              // Failed while looking: nothing had been written, the error is Excel's own.
              expect(failure).not.toBeInstanceOf(WriteFailedError);
            } else {
              expect(failure).toBeInstanceOf(WriteFailedError);
              expect((failure as WriteFailedError).restored).toBe(true);
              expect((failure as Error).message).toMatch(
                /^Building the tables failed: Injected failure at sync \d+\. Nothing was changed/
              );
            }
            expect([label, everything(book)]).toEqual([label, before]);
          }
        }
      }
      expect(runs).toBe(points.reduce((n, p) => n + p.points.length, 0));
      expect(runs).toBeGreaterThan(200);
    },
    180_000
  );

  it("says what to delete when the clean-up fails too", async () => {
    const book = await rebuild();
    const plan = planFrom(sampleInputs());
    const start = book.syncLog.length;
    book.failAt(3, 5); // the write request
    const build = writePlan(plan, yes);
    // And the clean-up's repair request.
    const failAgain = book.failAt.bind(book);
    const originalApply = book.apply.bind(book);
    let armed = false;
    jest.spyOn(book, "apply").mockImplementation(async (context, ops) => {
      if (!armed && book.syncLog.length === start + 3) {
        armed = true;
        failAgain(2, 0);
      }
      return originalApply(context, ops);
    });
    await expect(build).rejects.toBeInstanceOf(WriteFailedError);
    const error = (await build.catch((e) => e)) as WriteFailedError;
    expect(error.restored).toBe(false);
    expect(error.message).toMatch(/delete any sheet whose name begins "TF new"/);
    const left = book.sheets.map((s) => s.name).filter((n) => TEMPORARY.test(n));
    expect(left.length).toBeGreaterThan(0);
    expect(error.leftBehind).toEqual(expect.arrayContaining(left));
    // The old sheets were not touched: the failure came before the swap.
    expect(plan.sheets.every((s) => book.sheetNamed(s.name))).toBe(true);
  });
});

describe("round trips, whatever the size", () => {
  const measured: string[] = [];
  afterAll(() => {
    // The figures the issue asks for, measured against the fake (see the performance note).
    process.stdout.write(`\nwritePlan round trips (fake Excel):\n${measured.join("\n")}\n`);
  });

  async function measure(claims: number, inputs = inputsFor(claims)) {
    const plan = planFrom(inputs);
    const book = installFakeExcel(new FakeWorkbook());
    seed(book, inputs);
    const syncs = jest.spyOn(FakeContext.prototype, "sync");
    const started = Date.now();
    const first = await writePlan(plan, yes);
    const firstMs = Date.now() - started;
    const firstLog = book.syncLog.slice();
    syncs.mockClear();
    const second = await writePlan(plan, yes);
    expect(syncs).toHaveBeenCalledTimes(second.syncs);
    syncs.mockRestore();
    const largest = Math.max(...book.syncLog.map((s) => s.bytes));
    const total = firstLog.reduce((n, s) => n + s.bytes, 0);
    measured.push(
      `  ${claims.toLocaleString("en-GB")} claim rows: build ${first.syncs} syncs, rebuild ${second.syncs} syncs, ` +
        `${(total / 1e6).toFixed(2)} MB sent, largest request ${(largest / 1e6).toFixed(2)} MB, ${first.cells.toLocaleString("en-GB")} cells, ${firstMs} ms`
    );
    expect(book.brokenReferences).toEqual([]);
    return { first, second, largest, total, firstLog };
  }

  it.each([10, 1000])(
    "%i claim rows: two round trips to build, three to rebuild, no split",
    async (claims) => {
      const { first, second, largest } = await measure(claims);
      expect(first.syncs).toBe(2);
      expect(second.syncs).toBe(3);
      expect(largest).toBeLessThan(4_000_000);
    }
  );

  it("the sample (15 claim rows): two and three", async () => {
    const { first, second } = await measure(15, sampleInputs());
    expect([first.syncs, second.syncs]).toEqual([2, 3]);
  });

  it("100,000 claim rows: still two and three (the claims sheet has a row per date, outcome and year)", async () => {
    const { first, second, largest } = await measure(100_000);
    expect([first.syncs, second.syncs]).toEqual([2, 3]);
    expect(largest).toBeLessThan(4_000_000);
  }, 240_000);

  it("a write over Excel on the web's 5 MB is split under it, and only then", async () => {
    // No input the product reads makes a plan this large any more; a plan stretched by hand
    // (1.2 million cells in the claims table) still has to be written, in requests under 5 MB.
    const plan = planFrom(inputsFor(10));
    const claimsTable = plan.sheets.find((s) => s.name === "Claims by year")!.tables[0];
    const row = claimsTable.rows[0];
    claimsTable.rows = Array.from({ length: 100_000 }, (_, i) =>
      row.map((cell) =>
        cell.formula ? { ...cell, formula: cell.formula.replace(/5\b/g, String(5 + i)) } : cell
      )
    );
    const book = installFakeExcel(new FakeWorkbook());
    seed(book, inputsFor(10));
    const first = await writePlan(plan, yes);
    const largest = Math.max(...book.syncLog.map((s) => s.bytes));
    const total = book.syncLog.reduce((n, s) => n + s.bytes, 0);
    expect(largest).toBeLessThan(5 * 1024 * 1024);
    const writes = first.syncs - 1;
    expect(writes).toBeGreaterThan(1);
    expect(writes).toBeLessThanOrEqual(Math.ceil(total / 3_000_000));
    expect(book.syncLog.slice(1).every((s) => s.suspended)).toBe(true);
    expect(first.cells).toBeGreaterThan(1_200_000);
    expect(book.brokenReferences).toEqual([]);
  }, 240_000);
});
