import { writeComparison, COMPARISON_TABLE } from "../../../../src/taskpane/excel/comparison";
import { Comparison } from "../../../../src/taskpane/comparison";
import { NUMBER_FORMATS } from "../../../../src/workbook/plan-types";
import { FakeContext, FakeWorkbook, installFakeExcel } from "./fake-excel";

const COMPARISON: Comparison = {
  scenarios: ["140 a year", "=200 for two"],
  rows: [
    { label: "Total received £", values: [1064000, 608000] },
    { label: "Received in 2016/17 £", values: [194600, 278000] },
  ],
  years: [{ label: "2016/17", received: [194600, 278000] }],
};

/** The values of a block of cells, row by row ("A1:C3" as [["A1","B1","C1"], …]). */
const valuesAt = (book: FakeWorkbook, sheet: string, addresses: string[][]) =>
  addresses.map((row) => row.map((address) => book.cell(sheet, address)?.value));

describe("writing the scenario comparison to a sheet", () => {
  let syncs: jest.SpyInstance;
  beforeEach(() => {
    syncs = jest.spyOn(FakeContext.prototype, "sync");
  });
  afterEach(() => syncs.mockRestore());

  it("writes one table of figures in £ in two round trips, the names kept as text", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    book.addSheet("Families", [["Financial year"]]);
    const written = await writeComparison(COMPARISON);
    expect(written).toEqual({ sheet: "Scenario comparison", syncs: 2 });
    expect(syncs).toHaveBeenCalledTimes(2);
    const grid = ["1", "2", "3"].map((r) => ["A", "B", "C"].map((c) => c + r));
    expect(valuesAt(book, "Scenario comparison", grid)).toEqual([
      ["Figure", "140 a year", "=200 for two"],
      ["Total received £", 1064000, 608000],
      ["Received in 2016/17 £", 194600, 278000],
    ]);
    expect(book.cell("Scenario comparison", "B2")?.format).toBe(NUMBER_FORMATS.money);
    expect(book.cell("Scenario comparison", "C1")?.format).toBe(NUMBER_FORMATS.text);
    expect(book.tables.map((t) => t.name)).toEqual([COMPARISON_TABLE]);
  });

  it("replaces the comparison it wrote before, and never a user's sheet of that name", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    book.addSheet("Scenario comparison", [["my own notes"]]);
    expect((await writeComparison(COMPARISON)).sheet).toBe("Scenario comparison 2");
    const again = await writeComparison({
      ...COMPARISON,
      rows: [{ label: "Total received £", values: [1, 2] }],
    });
    expect(again.sheet).toBe("Scenario comparison 2");
    expect(syncs).toHaveBeenCalledTimes(4);
    expect(valuesAt(book, "Scenario comparison", [["A1"]])).toEqual([["my own notes"]]);
    expect(valuesAt(book, "Scenario comparison 2", [["A2", "B2", "C2"]])).toEqual([
      ["Total received £", 1, 2],
    ]);
    expect(book.tables.filter((t) => t.name === COMPARISON_TABLE)).toHaveLength(1);
  });
});
