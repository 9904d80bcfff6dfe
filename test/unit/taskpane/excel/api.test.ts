import { SCENARIOS_KEY, SETTINGS_KEY, createWorkbookApi } from "../../../../src/taskpane/excel/api";
import { Scenario } from "../../../../src/taskpane/comparison";
import { SCENARIOS_TABLE, SCENARIO_FORMATS } from "../../../../src/taskpane/excel/scenarios";
import { WorkbookConflictError } from "../../../../src/taskpane/excel";
import { readInputs } from "../../../../src/workbook/inputs";
import {
  FakeContext,
  FakeWorkbook,
  installFakeExcel,
  installFakeOfficeSettings,
} from "./fake-excel";
import { planFrom, sampleInputs, seed } from "./plans";

afterEach(() => jest.restoreAllMocks());

const scenario = {
  name: "=Low take-up",
  framework: "phase1-fast-track",
  families: 588,
  successRate: 0.4,
  envelope: 2352000,
  secured: 1646400,
  atRisk: 705600,
  expectedResults: 282240,
};

describe("the pane's WorkbookApi over the module", () => {
  it("inserts the sample inputs, which then read back as inputs", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    book.addSheet("Sheet1");
    const api = createWorkbookApi();
    expect(await api.insertSample()).toEqual(["Families", "Claims", "Assumptions"]);
    expect(readInputs(await api.readWorkbook()).inputs?.claims).toHaveLength(15);
    // A second time the sheets are the user's: refused, named.
    await expect(api.insertSample()).rejects.toBeInstanceOf(WorkbookConflictError);
  });

  it("writes a plan, reporting progress as the pane wants it, and asks before replacing", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    const api = createWorkbookApi();
    await api.insertSample();
    const plan = planFrom(sampleInputs());
    const progress: unknown[] = [];
    const confirm = jest.fn(async () => true);
    expect(await api.writePlan(plan, { confirm, onProgress: (p) => progress.push(p) })).toEqual({
      sheets: plan.sheets.map((s) => s.name),
      syncs: 2,
    });
    expect(progress).toContainEqual({ step: "Built the sheets", done: 2, total: 2 });
    expect(confirm).not.toHaveBeenCalled();
    const declined = jest.fn(async () => false);
    expect(await api.writePlan(plan, { confirm: declined })).toEqual({ sheets: [], syncs: 2 });
    expect(declined).toHaveBeenCalledWith(plan.sheets.map((s) => s.name));
    expect(book.brokenReferences).toEqual([]);
  });

  it("saves scenarios to a Scenarios table of their own, a name beginning = as text, in two round trips each", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    book.addSheet("Scenarios", [["the user's own sheet"]]);
    const api = createWorkbookApi();
    const syncs = jest.spyOn(FakeContext.prototype, "sync");
    await api.saveScenario(scenario);
    await api.saveScenario({ ...scenario, name: "High", successRate: 0.8 });
    expect(syncs).toHaveBeenCalledTimes(4);
    expect(book.dump("Scenarios")).toMatchObject({
      cells: [["A1", { value: "the user's own sheet" }]],
    });
    const table = book.tables.find((t) => t.name === SCENARIOS_TABLE);
    expect(table).toMatchObject({ top: 1, left: 1, rows: 3, columns: 8 });
    expect(book.sheetById(table!.sheetId)?.name).toBe("Scenarios 2");
    expect(book.cell("Scenarios 2", "A1")).toMatchObject({
      kind: "text",
      value: "Scenario",
      bold: true,
    });
    expect(book.cell("Scenarios 2", "A2")).toMatchObject({
      kind: "text",
      value: "=Low take-up",
      format: "@",
    });
    expect(book.cell("Scenarios 2", "A3")).toMatchObject({ kind: "text", value: "High" });
    expect(book.cell("Scenarios 2", "D3")).toMatchObject({
      kind: "number",
      value: 0.8,
      format: SCENARIO_FORMATS[3],
    });
    expect(book.cell("Scenarios 2", "H2")).toMatchObject({
      kind: "number",
      value: 282240,
      format: SCENARIO_FORMATS[7],
    });
  });

  it("keeps the assumptions in the document's settings", async () => {
    const store = installFakeOfficeSettings();
    const api = createWorkbookApi();
    expect(await api.loadAssumptions()).toEqual({});
    await api.saveAssumptions({ successRate: "0.7", framework: "phase2" });
    expect(store.get(SETTINGS_KEY)).toEqual({ successRate: "0.7", framework: "phase2" });
    expect(await api.loadAssumptions()).toEqual({ successRate: "0.7", framework: "phase2" });
    store.set(SETTINGS_KEY, "not overrides");
    expect(await api.loadAssumptions()).toEqual({});
  });

  it("keeps the saved scenarios in the document's settings, leaving out one that is not whole", async () => {
    const store = installFakeOfficeSettings();
    const api = createWorkbookApi();
    expect(await api.loadScenarios()).toEqual([]);
    const scenario: Scenario = {
      name: "140 a year",
      framework: "phase2",
      successRate: 0.65,
      settings: {
        families: ["140", "140", "140", "140", "140"],
        rateBy: "overall",
        routes: {},
        monthsToResult: "",
      },
      figures: {
        funded: 700,
        envelope: 1260000,
        secured: 700000,
        atRisk: 560000,
        expectedResults: 364000,
        totalReceived: 1064000,
        years: [
          { startYear: 2015, label: "2015/16", attachment: 140000, results: 0, received: 140000 },
        ],
        warnings: [],
      },
    };
    await api.saveScenarios([scenario]);
    expect(store.get(SCENARIOS_KEY)).toEqual([scenario]);
    expect(await api.loadScenarios()).toEqual([scenario]);
    // Edited by hand, or by another tool: what is not a whole scenario is not shown.
    const broken = {
      ...scenario,
      name: "Broken",
      figures: { ...scenario.figures, envelope: "lots" },
    };
    store.set(SCENARIOS_KEY, [broken, scenario, "x", null]);
    expect((await api.loadScenarios()).map((s) => s.name)).toEqual(["140 a year"]);
    store.set(SCENARIOS_KEY, { not: "a list" });
    expect(await api.loadScenarios()).toEqual([]);
  });

  it("uses the selection as the Families or Claims table, the rest read from the workbook", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    seed(book, sampleInputs());
    book.addSheet("Data", [
      [null, null, null],
      [null, "Financial year", "Families nominated", "Families attached"],
      [null, "2012/13", 700, 350],
      [null, "2013/14", 0, 350],
    ]);
    book.selection = { sheet: "Data", address: "B2:D4" };
    const snapshot = await createWorkbookApi().readSelection();
    const { inputs } = readInputs(snapshot);
    expect(inputs?.sources.families).toBe("Data!B2:D4");
    expect(inputs?.families.map((row) => row.attached?.toNumber())).toEqual([350, 350]);
    expect(inputs?.claims).toHaveLength(15);
  });

  it("says what a selection without a Families or Claims header is", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    book.addSheet("Data", [
      ["Name", "Notes"],
      ["x", "y"],
    ]);
    book.selection = { sheet: "Data", address: "A1:B2" };
    await expect(createWorkbookApi().readSelection()).rejects.toThrow(
      /The selection Data!A1:B2 does not start with a Families header/
    );
  });
});
