/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../../src/taskpane/components/App";
import { ScenarioRow, WorkbookApi } from "../../../src/taskpane/api";
import { Comparison, Scenario } from "../../../src/taskpane/comparison";
import { SETTINGS_KEY, createWorkbookApi } from "../../../src/taskpane/excel/api";
import { supportsExcelApi } from "../../../src/taskpane/excel/office-host";
import { Overrides } from "../../../src/workbook/inputs";
import { WorkbookSnapshot } from "../../../src/workbook/snapshot";
import {
  FakeContext,
  FakeWorkbook,
  installFakeExcel,
  installFakeOfficeSettings,
  installFakeRequirements,
  removeFakeOffice,
} from "./excel/fake-excel";

/** Picks an option of a native select (Fluent Select) by the select's label and the option's text. */
function choose(label: string | RegExp, option: string): void {
  const select = screen.getByRole("combobox", { name: label });
  const found = within(select).getByRole<HTMLOptionElement>("option", { name: option });
  fireEvent.change(select, { target: { value: found.value } });
}

/** A workbook with no tables yet: the what-if needs none. */
const EMPTY: WorkbookSnapshot = { sheets: [], tables: [] };
const PHASE2_AT_65: Overrides = { framework: "phase2", successRate: "0.65" };

function fakeApi(overrides: Overrides = PHASE2_AT_65, canWrite = true) {
  const comparisons: Comparison[] = [];
  const scenarios: ScenarioRow[] = [];
  const api: WorkbookApi = {
    readWorkbook: jest.fn(async () => EMPTY),
    readSelection: jest.fn(async () => EMPTY),
    writePlan: jest.fn(async () => ({ sheets: [], syncs: 0 })),
    insertSample: jest.fn(async () => []),
    saveScenario: jest.fn(async (row) => void scenarios.push(row)),
    writeComparison: jest.fn(async (comparison) => {
      comparisons.push(comparison);
      return "Scenario comparison";
    }),
    canWriteSheets: () => canWrite,
    loadAssumptions: jest.fn(async () => overrides),
    saveAssumptions: jest.fn(async () => undefined),
    loadScenarios: jest.fn(async () => []),
    saveScenarios: jest.fn(async () => undefined),
  };
  return { api, comparisons, scenarios };
}

const renderApp = (api: WorkbookApi) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App api={api} />
    </FluentProvider>
  );

const shown = (id: string) => screen.getByTestId(id).textContent;
const type = (id: string, value: string) =>
  fireEvent.change(screen.getByTestId(id), { target: { value } });
/** Phase 2's coordinator example: 140 families a year for five years. */
const attach140 = () => [0, 1, 2, 3, 4].forEach((i) => type(`families-${i}`, "140"));
/** The chart's figures as a screen reader reads them: a row per financial year. */
const chartRows = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole("row", { hidden: true })
    .map((row) => row.textContent);

describe("the what-if in the pane: what do we get, and when?", () => {
  it("answers for 140 a year at 65% in phase 2 as it is typed: £1,064,000, £194,600 in 2016/17", async () => {
    const { api } = fakeApi();
    renderApp(api);
    // A field per phase 2 programme year, empty: nothing read, nothing invented.
    expect(await screen.findByTestId("families-5")).toBeTruthy();
    expect(screen.queryByTestId("envelope")).toBeNull();
    attach140();
    expect(shown("envelope")).toBe("£1,260,000");
    expect(shown("secured")).toBe("£700,000");
    expect(shown("at-risk")).toBe("£560,000");
    expect(shown("expected")).toBe("£364,000");
    expect(shown("total-received")).toBe("£1,064,000");
    expect(chartRows("cash-chart")).toEqual([
      "Financial yearAttachment feesResults (PbR)Total",
      "2015/16£140,000£0£140,000",
      "2016/17£140,000£54,600£194,600",
      "2017/18£140,000£72,800£212,800",
      "2018/19£140,000£72,800£212,800",
      "2019/20£140,000£72,800£212,800",
      "2020/21£0£72,800£72,800",
      "2021/22£0£18,200£18,200",
    ]);
    // The engine runs in the pane: one read of the workbook at start, nothing since.
    expect(api.readWorkbook).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("figure", { name: "Money received by financial year" })).toBeTruthy();
  });

  it("shows the engine's message under a field it cannot read and keeps the last good figures", async () => {
    renderApp(fakeApi().api);
    await screen.findByTestId("families-0");
    attach140();
    type("families-1", "14o");
    expect(
      screen.getByText('families attached in year 2 must be a number of families, not "14o".', {
        exact: false,
      })
    ).toBeTruthy();
    expect(shown("total-received")).toBe("£1,064,000");
    expect(screen.getByTestId("figures-stale")).toBeTruthy();
    type("families-1", "0");
    // 140 a year in four years: £560,000 fees and £291,200 results.
    expect(shown("total-received")).toBe("£851,200");
    expect(screen.queryByTestId("figures-stale")).toBeNull();
  });

  it("pays each route its rate: 50% sustained progress and 10% continuous employment, £800 each", async () => {
    renderApp(fakeApi().api);
    await screen.findByTestId("families-0");
    attach140();
    fireEvent.click(screen.getByRole("radio", { name: "Per route to a result" }));
    type("route-sustained-progress", "50");
    type("route-continuous-employment", "10");
    // 700 families × 60% × £800.
    expect(shown("expected")).toBe("£336,000");
    type("route-sustained-progress", "95");
    expect(screen.getByText(/added up, must be between 0% and 100%, not 105%/)).toBeTruthy();
    expect(shown("expected")).toBe("£336,000");
  });

  it("finds the success rate or the families a year for £1,064,000 by 2021/22, and says when it cannot", async () => {
    renderApp(fakeApi().api);
    await screen.findByTestId("families-0");
    attach140();
    type("goal-amount", "£1,064,000");
    expect(shown("goal-answer")).toBe(
      "A success rate of 65.00%, with the families a year above: £1,064,000 received by the end of 2021/22."
    );
    fireEvent.click(screen.getByRole("radio", { name: /the families a year needed/ }));
    expect(shown("goal-answer")).toBe(
      "140 families a year for 5 years, at a 65.0% success rate: £1,064,000 received by the end of 2021/22."
    );
    fireEvent.click(screen.getByRole("radio", { name: /the success rate needed/ }));
    choose("By the end of", "2016/17");
    type("goal-amount", "2000000");
    expect(shown("goal-answer")).toBe(
      "Not reachable: even if every family were turned around, £364,000 is received by the end of 2016/17, less than £2,000,000."
    );
  });

  it("compares named scenarios side by side and writes the comparison to a sheet", async () => {
    const { api, comparisons, scenarios } = fakeApi();
    const { container } = renderApp(api);
    await screen.findByTestId("families-0");
    attach140();
    type("scenario-name", "140 a year");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save scenario" })));
    [2, 3, 4].forEach((i) => type(`families-${i}`, ""));
    type("families-0", "200");
    type("families-1", "200");
    type("scenario-name", "200 for two years");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save scenario" })));
    expect(scenarios.map((s) => [s.name, s.envelope, s.expectedResults])).toEqual([
      ["140 a year", 1260000, 364000],
      ["200 for two years", 720000, 208000],
    ]);
    const table = screen.getByTestId("comparison-table");
    const rows = within(table)
      .getAllByRole("row")
      .map((row) => row.textContent);
    expect(rows[0]).toBe("Figure140 a year200 for two years");
    expect(rows).toContain("Total received£1,064,000£608,000");
    // 200 attached in 2016/17 at £1,000, and three quarters of 2015/16's £104,000 results.
    expect(rows).toContain("Received in 2016/17£194,600£278,000");
    expect(chartRows("comparison-chart")[2]).toBe("2016/17£194,600£278,000");
    await act(async () =>
      fireEvent.click(screen.getByRole("button", { name: "Write comparison to sheet" }))
    );
    expect(comparisons).toHaveLength(1);
    expect(comparisons[0].rows[4]).toEqual({
      label: "Total received £",
      values: [1064000, 608000],
    });
    expect(await screen.findByText(/compared on the sheet Scenario comparison/)).toBeTruthy();
    // Every section open and filled in, for jest-axe: the goal's answer, the routes, More.
    type("goal-amount", "600000");
    expect(screen.getByTestId("goal-answer")).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: "Per route to a result" }));
    type("route-sustained-progress", "lots");
    fireEvent.click(screen.getByRole("button", { name: "More assumptions" }));
    expect(screen.getByTestId("figures-stale")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("keeps saved scenarios with the workbook: there to compare when the pane opens again", async () => {
    const first = fakeApi();
    const { unmount } = renderApp(first.api);
    await screen.findByTestId("families-0");
    attach140();
    type("scenario-name", "140 a year");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save scenario" })));
    const saveScenarios = first.api.saveScenarios as jest.Mock;
    expect(saveScenarios).toHaveBeenCalledTimes(1);
    const kept: Scenario[] = saveScenarios.mock.calls[0][0];
    expect(kept.map((s) => [s.name, s.framework, s.figures.totalReceived])).toEqual([
      ["140 a year", "phase2", 1064000],
    ]);
    expect(await screen.findByText(/140 a year saved with the workbook/)).toBeTruthy();
    unmount();

    // The file opened again: the pane reads the scenarios back, and they compare as before.
    const again = fakeApi();
    (again.api.loadScenarios as jest.Mock).mockResolvedValue(kept);
    renderApp(again.api);
    await screen.findByTestId("families-0");
    const saved = await screen.findByRole("checkbox", { name: /140 a year/ });
    expect((saved as HTMLInputElement).checked).toBe(false);
    attach140();
    type("scenario-name", "Again");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save scenario" })));
    fireEvent.click(screen.getByRole("checkbox", { name: /140 a year/ }));
    const rows = within(screen.getByTestId("comparison-table"))
      .getAllByRole("row")
      .map((row) => row.textContent);
    expect(rows[0]).toBe("FigureAgain140 a year");
    expect(rows).toContain("Total received£1,064,000£1,064,000");
    expect(
      ((again.api.saveScenarios as jest.Mock).mock.calls[0][0] as Scenario[]).map((s) => s.name)
    ).toEqual(["140 a year", "Again"]);
  });

  it("puts a saved scenario back in the fields, from another framework too", async () => {
    const { api } = fakeApi();
    renderApp(api);
    await screen.findByTestId("families-0");
    attach140();
    type("scenario-name", "phase 2 plan");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save scenario" })));
    type("families-0", "300");
    // 160 more: £160,000 of fees and 160 × 65% × £800 = £83,200 of results.
    expect(shown("total-received")).toBe("£1,307,200");
    fireEvent.click(screen.getByRole("button", { name: "Use phase 2 plan in the fields above" }));
    expect(shown("total-received")).toBe("£1,064,000");
    // Over in phase 1, then back: the phase 2 fields return with the scenario's families.
    choose(/Framework/, "Troubled Families phase 1 (2012-15)");
    await waitFor(() => expect(screen.queryByTestId("families-5")).toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "Use phase 2 plan in the fields above" }));
    await waitFor(() => expect(shown("total-received")).toBe("£1,064,000"));
    expect((screen.getByTestId("families-4") as HTMLInputElement).value).toBe("140");
  });

  it("compares at most four: a fifth cannot be ticked", async () => {
    renderApp(fakeApi().api);
    await screen.findByTestId("families-0");
    for (const families of ["100", "120", "140", "160", "180"]) {
      type("families-0", families);
      await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save scenario" })));
    }
    const boxes = screen.getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((box) => box.checked)).toEqual([true, true, true, true, false]);
    expect(boxes[4].disabled).toBe(true);
    expect(
      within(screen.getByTestId("comparison-table")).getAllByRole("columnheader")
    ).toHaveLength(5);
  });

  it("can be worked with the keyboard alone: every control tabbable, Enter opens More, Space ticks", async () => {
    const user = userEvent.setup();
    renderApp(fakeApi().api);
    await screen.findByTestId("families-0");
    // Tabster (Fluent's focus manager) keeps jsdom's Tab on the body, so the order is walked in
    // Chromium (the browser test); here: every control of the what-if is in the tab order.
    const controls = screen
      .getAllByRole("main")[0]
      .querySelectorAll<HTMLElement>("input, button, select, [role=combobox]");
    const untabbable = Array.from(controls).filter(
      (c) => c.tabIndex < 0 && !c.closest("[aria-hidden]")
    );
    expect(untabbable.map((c) => c.outerHTML.slice(0, 60))).toEqual([]);
    screen.getByTestId("families-0").focus();
    await user.keyboard("140");
    expect(shown("total-received")).toBe("£212,800"); // 140 × £1,000 + 140 × 65% × £800
    const more = screen.getByRole("button", { name: "More assumptions" });
    more.focus();
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("months-to-result")).toBeTruthy();
    await user.click(screen.getByTestId("scenario-name"));
    await user.keyboard("one");
    screen.getByRole("button", { name: "Save scenario" }).focus();
    await user.keyboard("{Enter}");
    type("families-0", "150");
    screen.getByRole("button", { name: "Save scenario" }).focus();
    await user.keyboard(" ");
    await waitFor(() => expect(screen.getAllByRole("checkbox")).toHaveLength(2));
    const second = screen.getAllByRole("checkbox")[1];
    second.focus();
    await user.keyboard(" ");
    expect((second as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByTestId("comparison-table")).toBeNull();
  });
});

describe("an Excel older than ExcelApi 1.7", () => {
  afterEach(() => removeFakeOffice());

  it("is told plainly what will not work, and the what-if keeps working", async () => {
    const { api } = fakeApi(PHASE2_AT_65, false);
    const { container } = renderApp(api);
    await screen.findByTestId("families-0");
    expect(shown("older-excel")).toMatch(
      /does not have ExcelApi 1.7, which writing sheets and charts needs: Build tables/
    );
    attach140();
    expect(shown("total-received")).toBe("£1,064,000");
    const disabled = (name: string) =>
      (screen.getByRole("button", { name }) as HTMLButtonElement).disabled;
    expect(disabled("Build tables")).toBe(true);
    expect(disabled("Insert sample inputs")).toBe(true);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save scenario" })));
    expect(api.saveScenario).not.toHaveBeenCalled();
    expect(await screen.findByText("Scenario 1 saved with the workbook.")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("is asked of Office.context.requirements: 1.6 no, 1.7 yes, outside Office no", () => {
    installFakeRequirements("1.6");
    expect(supportsExcelApi()).toBe(false);
    installFakeRequirements("1.9");
    expect(supportsExcelApi()).toBe(true);
    removeFakeOffice();
    expect(supportsExcelApi()).toBe(false);
  });
});

describe("the comparison through the real workbook api, over the fake Excel", () => {
  afterEach(() => removeFakeOffice());

  it("writes the Scenario comparison sheet in two syncs", async () => {
    const book = installFakeExcel(new FakeWorkbook());
    book.addSheet("Notes", [["mine"]]);
    const settings = installFakeOfficeSettings();
    settings.set(SETTINGS_KEY, PHASE2_AT_65);
    installFakeRequirements("1.7");
    const syncs = jest.spyOn(FakeContext.prototype, "sync");
    try {
      renderApp(createWorkbookApi());
      await screen.findByTestId("families-0");
      attach140();
      await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save scenario" })));
      type("families-0", "100");
      await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save scenario" })));
      await screen.findByTestId("comparison-table");
      const before = syncs.mock.calls.length;
      await act(async () =>
        fireEvent.click(screen.getByRole("button", { name: "Write comparison to sheet" }))
      );
      await screen.findByText(/compared on the sheet Scenario comparison\./);
      expect(syncs.mock.calls.length - before).toBe(2);
      expect(book.cell("Scenario comparison", "A1")?.value).toBe("Figure");
      expect(book.cell("Scenario comparison", "B6")?.value).toBe(1064000);
      // 40 fewer in year 1: £40,000 less in fees and 40 × 65% × £800 = £20,800 less in results.
      expect(book.cell("Scenario comparison", "C6")?.value).toBe(1003200);
    } finally {
      syncs.mockRestore();
    }
  });
});

describe("a what-if over a workbook's cohort", () => {
  // Rendered with no await between render and the first wait, so the pane's first read of the
  // workbook happens inside testing-library's act.
  const barnet = async (overrides: Overrides) => {
    const { snapshotOfPlan } = await import("../../../src/workbook/plan-snapshot");
    const { samplePlan } = await import("../../../src/workbook/sample");
    const { api } = fakeApi(overrides);
    (api.readWorkbook as jest.Mock).mockResolvedValue(snapshotOfPlan(samplePlan()));
    return api;
  };

  it("starts from the Families table (Barnet: 294, 294) and funds no more than the cohort allows", async () => {
    renderApp(await barnet({}));
    // The workbook's families, once the pane has read it (not the empty fields before).
    await waitFor(() =>
      expect((screen.getByTestId("families-0") as HTMLInputElement).value).toBe("294")
    );
    const typed = [0, 1, 2].map(
      (i) => (screen.getByTestId(`families-${i}`) as HTMLInputElement).value
    );
    expect(typed).toEqual(["294", "294", ""]);
    // Barnet's fast-track plan at its 65%: £1,646,400 fees and £458,640 results.
    expect(shown("total-received")).toBe("£2,105,040");
    expect(screen.queryByTestId("figures-warning")).toBeNull();
    // All 588 funded (5/6 of 705) attached in year 1, at year 1's £3,200 fee and £800 results;
    // the 106 more earn nothing: 588 × £3,200 + 588 × 65% × £800.
    type("families-0", "694");
    type("families-1", "0");
    expect(shown("total-received")).toBe("£2,187,360");
    expect(shown("figures-warning")).toBe(
      "106 families attached beyond the 588 funded earn no fees or results."
    );
  });
});
