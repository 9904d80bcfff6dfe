/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../../src/taskpane/components/App";
import { OutsideOffice } from "../../../src/taskpane/components/OutsideOffice";
import { ScenarioRow, WorkbookApi } from "../../../src/taskpane/api";
import { Overrides, readInputs } from "../../../src/workbook/inputs";
import { buildPlan } from "../../../src/workbook/plan";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { WorkbookPlan } from "../../../src/workbook/plan-types";
import { inputSheets, samplePlan } from "../../../src/workbook/sample";
import { WorkbookSnapshot } from "../../../src/workbook/snapshot";
import { headline } from "../../../src/taskpane/whatif";
import { serialFromIso } from "../../../src/engine/dates";
import { authoritySheets, singleAuthority } from "../../support/national";
import { SETTINGS_KEY, createWorkbookApi } from "../../../src/taskpane/excel/api";
import { FakeWorkbook, installFakeExcel, installFakeOfficeSettings } from "./excel/fake-excel";

/** A workbook api that records what the pane asks of it. */
function fakeApi(snapshot: WorkbookSnapshot, overrides: Overrides = {}) {
  const written: WorkbookPlan[] = [];
  const scenarios: ScenarioRow[] = [];
  const saved: Overrides[] = [];
  const api: WorkbookApi = {
    readWorkbook: jest.fn(async () => snapshot),
    readSelection: jest.fn(async () => snapshot),
    writePlan: jest.fn(async (plan, options) => {
      options.onProgress?.({ step: "Writing", done: 1, total: 2 });
      if (!(await options.confirm(["Cash envelope"]))) return { sheets: [], syncs: 1 };
      written.push(plan);
      return { sheets: plan.sheets.map((s) => s.name), syncs: 3 };
    }),
    insertSample: jest.fn(async () => ["Families", "Claims", "Assumptions"]),
    saveScenario: jest.fn(async (row) => void scenarios.push(row)),
    writeComparison: jest.fn(async () => "Scenario comparison"),
    canWriteSheets: () => true,
    loadAssumptions: jest.fn(async () => overrides),
    saveAssumptions: jest.fn(async (o) => void saved.push(o)),
    loadScenarios: jest.fn(async () => []),
    saveScenarios: jest.fn(async () => undefined),
  };
  return { api, written, scenarios, saved };
}

const sampleSnapshot = () => snapshotOfPlan(samplePlan());
const renderApp = (api: WorkbookApi, today?: () => number) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App api={api} today={today} />
    </FluentProvider>
  );

describe("the task pane", () => {
  it("says the basis beside each assumption and lists the defaults used", async () => {
    const { api } = fakeApi(sampleSnapshot());
    renderApp(api);
    await screen.findByTestId("envelope");
    // The council contribution, employment target and the defaults are under "More assumptions".
    fireEvent.click(screen.getByRole("button", { name: "More assumptions" }));
    await screen.findByTestId("defaults-used");
    // The sample's Assumptions table gives the council contribution, success rate and
    // employment target: yours, each with its cell.
    expect(
      screen.getAllByText(/^Basis: yours \(the Assumptions table, Assumptions!B\d+\)$/)
    ).toHaveLength(3);
    expect(screen.getByText(/^Basis: inferred \(Barnet's 5\/6 × 705/)).toBeTruthy();
    const defaults = screen.getByTestId("defaults-used").textContent ?? "";
    expect(defaults).toMatch(/Defaults used: .*payment lag 1 month \(default\)/);
    expect(defaults).toMatch(/crime\/ASB and education result, 2013\/14 £1,500 \(inferred\)/);
  });

  it("finds the inputs and shows the engine's headline figures", async () => {
    const { api } = fakeApi(sampleSnapshot());
    renderApp(api);
    expect(await screen.findByText(/Families: Families!A4:C6 \(2 years\)/)).toBeTruthy();
    expect(screen.getByText(/Claims: Claims!A4:D19 \(15 claims\)/)).toBeTruthy();
    expect(screen.getByTestId("envelope").textContent).toBe("£2,352,000");
    expect(screen.getByTestId("secured").textContent).toBe("£1,646,400");
    expect(screen.getByTestId("at-risk").textContent).toBe("£705,600");
    // The sample assumes a 65% success rate: 65% of £235,200 + 65% of £470,400.
    expect(screen.getByTestId("expected").textContent).toBe("£458,640");
  });

  it("recomputes the figures at once when a what-if setting changes, equal to the engine's", async () => {
    const snapshot = sampleSnapshot();
    const { api, saved } = fakeApi(snapshot);
    renderApp(api);
    await screen.findByTestId("envelope");
    fireEvent.click(screen.getByRole("button", { name: "More assumptions" }));
    fireEvent.change(screen.getByLabelText(/Council contribution per family/), {
      target: { value: "5000" },
    });
    fireEvent.change(screen.getByRole("slider"), { target: { value: "40" } });
    const engine = headline(readInputs(snapshot).inputs!, {
      councilContribution: "5000",
      successRate: "0.4",
    }).headline!;
    expect(screen.getByTestId("expected").textContent).toBe("£282,240");
    expect(engine.expectedResults).toBe(282240);
    expect(saved[saved.length - 1]).toEqual({ councilContribution: "5000", successRate: "0.4" });
    fireEvent.change(screen.getByLabelText(/Cost central money should cover/), {
      target: { value: "2000000" },
    });
    expect(screen.getByTestId("break-even").textContent).toBe("50.1%");
  });

  it("builds the tables: asks before replacing, shows the summary", async () => {
    const { api, written } = fakeApi(sampleSnapshot());
    renderApp(api);
    await screen.findByTestId("envelope");
    fireEvent.click(screen.getByRole("button", { name: "Build tables" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/Cash envelope will be replaced/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));
    expect(
      await screen.findByText(
        /Built Report, Cash envelope, PbR risk, Claims by year, Funding assumptions/
      )
    ).toBeTruthy();
    expect(written).toHaveLength(1);
    expect(written[0].summary.envelope).toBe(2352000);
  });

  it("writes nothing when the replacement is cancelled", async () => {
    const { api, written } = fakeApi(sampleSnapshot());
    renderApp(api);
    await screen.findByTestId("envelope");
    fireEvent.click(screen.getByRole("button", { name: "Build tables" }));
    fireEvent.click(
      within(await screen.findByRole("dialog")).getByRole("button", {
        name: "Cancel",
        hidden: true,
      })
    );
    expect(await screen.findByText("Nothing was changed.")).toBeTruthy();
    expect(written).toHaveLength(0);
  });

  it("names every cell it cannot read", async () => {
    const snapshot = sampleSnapshot();
    snapshot.sheets[0].cells[4][1] = "lots";
    const { api } = fakeApi(snapshot);
    renderApp(api);
    expect(
      await screen.findByText(
        'Families!B5: families nominated must be a number of families, not "lots".'
      )
    ).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Build tables" }) as HTMLButtonElement).disabled
    ).toBe(true);
  });

  it("names a bad setting by its field in the Assumptions section, never by a command-line flag", async () => {
    const { api } = fakeApi(sampleSnapshot(), { funded: "10,00", framework: "phse2" });
    renderApp(api);
    const alert = await screen.findByRole("alert");
    expect(
      within(alert).getByText(
        /^Framework \(Assumptions\): there is no framework called "phse2": did you mean phase2\?/
      )
    ).toBeTruthy();
    expect(
      within(alert).getByText(
        'Funded families (Assumptions): the funded number "10,00" has a comma out of place: write thousands as 1,294 (or 1294); a decimal comma is not read.'
      )
    ).toBeTruthy();
    expect(alert.textContent).not.toMatch(/command line|--funded|--framework/);
  });

  it("names a claim dated after the day the pane is given as today", async () => {
    const snapshot = sampleSnapshot();
    snapshot.sheets[1].cells[8][0] = serialFromIso("2031-03-31")!;
    const { api } = fakeApi(snapshot);
    renderApp(api, () => serialFromIso("2026-11-25")!);
    expect(
      await screen.findByText(
        "Claims!A9: the claim date 2031-03-31 is in the future (today is 2026-11-25): a claim is entered once it has been made, so correct the date."
      )
    ).toBeTruthy();
    expect(api.readWorkbook).toHaveBeenCalledTimes(1);
  });

  it("lists 20 problems, then says how many more", async () => {
    const snapshot = snapshotOfPlan({ sheets: authoritySheets(singleAuthority(200, 3)) });
    const claims = snapshot.sheets[1];
    for (let row = 5; row < 30; row++) claims.cells[row - 1][2] = "?";
    renderApp(fakeApi(snapshot).api);
    expect(
      await screen.findByText(
        "Claims: and 5 more problems not listed here: put these right, then check again for the rest."
      )
    ).toBeTruthy();
    expect(screen.getAllByText(/^Claims!C\d+: families must be a number/)).toHaveLength(20);
  });

  it("shows a failure of the workbook as an error, not a crash", async () => {
    const { api } = fakeApi(sampleSnapshot());
    (api.writePlan as jest.Mock).mockRejectedValueOnce(
      new Error("A sheet called 'Cash envelope' already exists and was not made by this add-in")
    );
    renderApp(api);
    await screen.findByTestId("envelope");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Build tables" })));
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /already exists and was not made by this add-in/
    );
  });

  it("saves a scenario row with the figures shown", async () => {
    const { api, scenarios } = fakeApi(sampleSnapshot());
    renderApp(api);
    await screen.findByTestId("envelope");
    fireEvent.click(screen.getByRole("button", { name: "Save scenario" }));
    await waitFor(() => expect(scenarios).toHaveLength(1));
    expect(scenarios[0]).toMatchObject({
      framework: "phase1-fast-track",
      envelope: 2352000,
      atRisk: 705600,
      expectedResults: 458640,
    });
  });

  it("shows the expected clawback beside the claimed figure and the year-2 release band (FUNDING_RULES.md)", async () => {
    const { api } = fakeApi(sampleSnapshot());
    const { container } = renderApp(api);
    await screen.findByTestId("envelope");
    // The sample: £357,800 claimed × 2.1% checked × 10% invalid (DCLG FOI answer, 2015).
    expect(screen.getByTestId("claimed").textContent).toBe("£357,800");
    expect(screen.getByTestId("clawback").textContent).toBe("£751.38");
    // Barnet, fast-track: 294 attached in year 1 of a 294 commitment (588 over 2 years).
    expect(screen.getByTestId("year-two-release-line").textContent).toBe(
      "Year-2 attachment release (294 of a year-1 commitment of 294, 100.0%): In full: £705,600 paid in Q1 2013/14"
    );
    expect(screen.getByTestId("year-two-release").textContent).toBe(
      "In full: £705,600 paid in Q1 2013/14"
    );
    expect(await axe(container)).toHaveNoViolations();
  });

  it("shows half now and the rest later at 140 of a 196 commitment, and no band for a spread cohort", async () => {
    const half = snapshotOfPlan({
      sheets: inputSheets(
        [
          ["2012/13", 705, 140],
          ["2013/14", 0, 300],
          ["2014/15", 0, 148],
        ],
        [],
        [["Framework", "phase1"]]
      ),
    });
    const { api } = fakeApi(half);
    const { unmount } = renderApp(api);
    await screen.findByTestId("envelope");
    expect(screen.getByTestId("year-two-release").textContent).toBe(
      "Half now, the rest later: £360,000 paid in Q1 2013/14; £360,000 paid July to September 2013/14"
    );
    expect(screen.getByTestId("clawback").textContent).toBe("£0.00");
    unmount();
    const spread = snapshotOfPlan({
      sheets: inputSheets([["2012/13", 705, null]], [], [["Framework", "phase1"]]),
    });
    renderApp(fakeApi(spread).api);
    await screen.findByTestId("envelope");
    expect(screen.queryByTestId("year-two-release")).toBeNull();
  });

  it("has no accessibility violations", async () => {
    const { api } = fakeApi(sampleSnapshot());
    const { container } = renderApp(api);
    await screen.findByTestId("envelope");
    expect(await axe(container)).toHaveNoViolations();
  });

  it("says plainly when it is opened outside Office", async () => {
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <OutsideOffice />
      </FluentProvider>
    );
    expect(screen.getByText(/works inside Excel/)).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });
});

/**
 * A phase 2 council's workbook as kept (B&NES): years written "2015-2016", a totals row under the
 * Families, outcomes worded their own way, and no Assumptions table to say it is phase 2.
 */
function phase2Book(): FakeWorkbook {
  const book = installFakeExcel(new FakeWorkbook());
  book.addSheet("Families", [
    ["Financial year", "Number of families identified", "Families attached"],
    ["2015-2016", 700, 527],
    ["2016-2017", 0, 0],
    ["Total", 700, 527],
  ]);
  book.addSheet("Claims", [
    ["Date of claim", "Outcome", "No. of families"],
    ["31/03/2016", "Significant and sustained progress", 200],
    ["Mar-16", "Sustained and significant progress", 12],
  ]);
  return book;
}

const pickFramework = async (name: string) => {
  const select = screen.getByRole("combobox", { name: /Framework/ });
  const option = within(select).getByRole<HTMLOptionElement>("option", { name });
  fireEvent.change(select, { target: { value: option.value } });
};

describe("a real council workbook in the pane (over the fake Excel)", () => {
  it("a phase 2 workbook without Assumptions fails as phase 1, reads once phase 2 is picked, with no new round trip", async () => {
    const book = phase2Book();
    const settings = installFakeOfficeSettings();
    renderApp(createWorkbookApi());
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(/^Families!A2: /).textContent).toMatch(/2015-2016/);
    expect(screen.queryByTestId("envelope")).toBeNull();
    const syncs = book.syncLog.length;

    await pickFramework("Troubled Families phase 2 (2015-20)");
    // 527 attached (of 700 funded) × £1,000 fee = £527,000 secured; × £800 results = £421,600.
    expect((await screen.findByTestId("envelope")).textContent).toBe("£948,600");
    expect(screen.getByTestId("secured").textContent).toBe("£527,000");
    expect(screen.getByTestId("at-risk").textContent).toBe("£421,600");
    expect(screen.getByText(/Families: Families!A1:C3 \(2 years\)/)).toBeTruthy();
    expect(screen.getByText(/Claims: Claims!A1:C3 \(2 claims\)/)).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(book.syncLog.length).toBe(syncs);
    expect(settings.get(SETTINGS_KEY)).toEqual({ framework: "phase2" });

    // Back to phase 1: read again from the same snapshot, refused again, still no round trip.
    await pickFramework("Troubled Families phase 1 (2012-15)");
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.queryByTestId("envelope")).toBeNull();
    expect(book.syncLog.length).toBe(syncs);
  });

  it("shows the totals row it passed over as a notice worded for the pane, and stays accessible", async () => {
    phase2Book();
    installFakeOfficeSettings();
    const { container } = renderApp(createWorkbookApi());
    await screen.findByRole("alert");
    await pickFramework("Troubled Families phase 2 (2015-20)");
    await screen.findByTestId("envelope");
    const notices = screen.getByRole("list", { name: "Not read on purpose" });
    expect(
      within(notices)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual(['Families!A4: "Total" is a totals row, not a financial year: not read.']);
    expect(container.textContent).not.toMatch(/--\w|command line/);
    expect(await axe(container)).toHaveNoViolations();
  });

  it("names a funded number above the cohort by its field, not a made-up sheet", async () => {
    const { api } = fakeApi(sampleSnapshot(), { funded: "1000" });
    renderApp(api);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(
      "Funded families (Assumptions): the funded number (1000) is more than the cohort (705): a family can only be funded once."
    );
    expect(alert.textContent).not.toMatch(/\(assumptions\)/);
  });
});

// The built plan the pane writes is the same the command line writes.
it("the pane writes the same plan as the command line builds", () => {
  const snapshot = sampleSnapshot();
  const plan = buildPlan(readInputs(snapshot).inputs!) as WorkbookPlan;
  expect(plan.summary).toEqual(samplePlan().summary);
});
