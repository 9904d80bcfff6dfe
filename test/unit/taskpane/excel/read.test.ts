import { OfficeMockObject } from "office-addin-mock";
import { readSelection, readWorkbook } from "../../../../src/taskpane/excel";
import { readInputs } from "../../../../src/workbook/inputs";
import { GENERATED_NOTE } from "../../../../src/workbook/plan-types";
import { snapshotOfPlan } from "../../../../src/workbook/plan-snapshot";
import { FakeContext, FakeWorkbook, installFakeExcel } from "./fake-excel";
import { inputsFor, sampleInputs, seed } from "./plans";

afterEach(() => jest.restoreAllMocks());

/** The snapshot a reader should return for sheets written from these input sheets. */
function snapshotOfPlanValues(sheets: Parameters<typeof snapshotOfPlan>[0]["sheets"]) {
  const snapshot = snapshotOfPlan({ sheets });
  return {
    sheets: snapshot.sheets.map((sheet) => {
      const width = sheet.cells.reduce((n, row) => Math.max(n, row.length), 0);
      return {
        ...sheet,
        cells: sheet.cells.map((row) => [...row, ...new Array(width - row.length).fill(null)]),
      };
    }),
    tables: snapshot.tables.map((t) => ({ ...t, hasTotalsRow: false })),
  };
}

describe("readWorkbook (against the fake workbook)", () => {
  it("places each sheet's used range from A1, keeps dates as serials, and reads the tables", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    book.addSheet(
      "Notes",
      [
        ["Claims", null, 41486],
        [null, true, ""],
      ],
      "B3"
    );
    book.addSheet("Empty");
    book.addSheet("Ours", [["Cash envelope"], [null], [GENERATED_NOTE]]);
    book.addSheet("Data", [
      ["Year", "Families"],
      ["2012/13", 705],
    ]);
    book.addTable("Data", "Families", "A1:B2");
    const syncs = jest.spyOn(FakeContext.prototype, "sync");

    const snapshot = await readWorkbook();

    expect(syncs).toHaveBeenCalledTimes(2);
    expect(snapshot.sheets).toEqual([
      {
        name: "Notes",
        cells: [
          [null, null, null, null],
          [null, null, null, null],
          [null, "Claims", null, 41486],
          [null, null, true, null],
        ],
        generated: false,
      },
      { name: "Empty", cells: [], generated: false },
      { name: "Ours", cells: [["Cash envelope"], [null], [GENERATED_NOTE]], generated: true },
      {
        name: "Data",
        cells: [
          ["Year", "Families"],
          ["2012/13", 705],
        ],
        generated: false,
      },
    ]);
    expect(snapshot.tables).toEqual([
      { name: "Families", sheet: "Data", range: "A1:B2", hasTotalsRow: false },
    ]);
  });

  it("takes two round trips however many sheets and rows there are", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    seed(book, inputsFor(5000));
    for (let i = 0; i < 30; i++) book.addSheet(`Other ${i}`, [[i]]);
    const syncs = jest.spyOn(FakeContext.prototype, "sync");
    const snapshot = await readWorkbook();
    expect(syncs).toHaveBeenCalledTimes(2);
    expect(snapshot.sheets).toHaveLength(33);
    expect(readInputs(snapshot).inputs?.claims).toHaveLength(5000);
  });

  it("fetches the cells in bands only when they are too many for one response (150,000 claim rows)", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    const inputs = inputsFor(150_000);
    seed(book, inputs);
    const syncs = jest.spyOn(FakeContext.prototype, "sync");
    const snapshot = await readWorkbook();
    // Two as ever (the second refused: its answer is over 5 MB), the addresses, then the bands.
    expect(book.syncLog[1]).toMatchObject({ failed: "ResponsePayloadSizeLimitExceeded" });
    expect(
      book.syncLog.slice(2).every((s) => !s.failed && (s.responseBytes ?? 0) <= 5 * 1024 * 1024)
    ).toBe(true);
    expect(syncs.mock.calls.length).toBe(book.syncLog.length);
    expect(syncs.mock.calls.length).toBeLessThanOrEqual(
      3 + Math.ceil((150_004 * 4 + 20) / 200_000) + 1
    );
    expect(snapshot).toEqual(snapshotOfPlanValues(inputs));
  });

  it("reads back what the inputs say, as the plan's own snapshot does", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    const inputs = sampleInputs();
    seed(book, inputs);
    const snapshot = await readWorkbook();
    expect(readInputs(snapshot)).toEqual(readInputs(snapshotOfPlan({ sheets: inputs })));
  });
  it("reads tables whose ref runs to XFD1048576 by their data, as the command line does", async () => {
    // A table stretched to the sheet's last cell (a select-all before Format as Table): Excel
    // answers the used range by the cells that hold values; the table's ref is only an address.
    const book = installFakeExcel(new FakeWorkbook());
    const inputs = sampleInputs();
    const snapshot = snapshotOfPlan({ sheets: inputs });
    for (const sheet of snapshot.sheets) book.addSheet(sheet.name, sheet.cells);
    for (const table of snapshot.tables) {
      const from = table.range.split(":")[0];
      book.addTable(table.sheet, table.name, `${from}:XFD1048576`);
    }
    const read = await readWorkbook();
    expect(read.tables.map((t) => t.range)).toEqual(
      snapshot.tables.map((t) => `${t.range.split(":")[0]}:XFD1048576`)
    );
    expect(readInputs(read)).toEqual(readInputs(snapshotOfPlan({ sheets: inputs })));
  });
});

describe("readSelection (against office-addin-mock)", () => {
  function mockExcel(values: unknown[][], address: string) {
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          range: { values, address },
          getSelectedRange: function (this: { range: unknown }) {
            return this.range;
          },
        },
      },
      run: async function (
        this: { context: unknown },
        batch: (context: unknown) => Promise<unknown>
      ) {
        return batch(this.context);
      },
    });
    (globalThis as unknown as { Excel: unknown }).Excel = mock;
    return mock as unknown as { context: { sync: () => Promise<void> } };
  }

  it("is a mock that gives nothing for a property that was not loaded", async () => {
    const mock = mockExcel([[1]], "Sheet1!A1") as unknown as {
      context: {
        workbook: { getSelectedRange: () => { values: unknown } };
        sync: () => Promise<void>;
      };
    };
    const range = mock.context.workbook.getSelectedRange();
    await mock.context.sync();
    // Deliberately read without load: the mock must not hand the value out.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    expect(range.values).not.toEqual([[1]]);
  });

  it("reads the selected values and where they are in one round trip", async () => {
    const mock = mockExcel(
      [
        ["Claim date", "Outcome", "Families"],
        [41486, "Progress to work", 4],
        ["", "=text", ""],
      ],
      "'Claims 2014'!B4:D6"
    );
    const syncs = jest.spyOn(mock.context, "sync");
    const selection = await readSelection();
    expect(syncs).toHaveBeenCalledTimes(1);
    expect(selection).toEqual({
      sheet: "Claims 2014",
      address: "B4:D6",
      values: [
        ["Claim date", "Outcome", "Families"],
        [41486, "Progress to work", 4],
        [null, "=text", null],
      ],
      cells: [
        [null, null, null, null],
        [null, null, null, null],
        [null, null, null, null],
        [null, "Claim date", "Outcome", "Families"],
        [null, 41486, "Progress to work", 4],
        [null, null, "=text", null],
      ],
    });
  });
});
