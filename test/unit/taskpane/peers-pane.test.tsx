/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../../src/taskpane/components/App";
import { WorkbookApi } from "../../../src/taskpane/api";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { samplePlan } from "../../../src/workbook/sample";
import { WorkbookSnapshot } from "../../../src/workbook/snapshot";
import { peersSheet, samplePeerRows } from "../../support/peers-sheet";

/** The sample with its third peer's families turned around typed as "lots" (Peers!D4). */
const lotsInD4 = () => {
  const rows = samplePeerRows();
  rows[3][3] = "lots";
  return rows;
};

const api = (snapshot: WorkbookSnapshot): WorkbookApi => ({
  readWorkbook: jest.fn(async () => snapshot),
  readSelection: jest.fn(async () => snapshot),
  writePlan: jest.fn(async () => ({ sheets: [], syncs: 0 })),
  insertSample: jest.fn(async () => []),
  saveScenario: jest.fn(async () => undefined),
  writeComparison: jest.fn(async () => ""),
  canWriteSheets: () => true,
  loadAssumptions: jest.fn(async () => ({})),
  saveAssumptions: jest.fn(async () => undefined),
  loadScenarios: jest.fn(async () => []),
  saveScenarios: jest.fn(async () => undefined),
});

const renderApp = (snapshot: WorkbookSnapshot, workbook = api(snapshot)) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App api={workbook} />
    </FluentProvider>
  );

describe("the pane's Among its peers", () => {
  it("shows the council's place among the Peers table's councils, with a bar per council", async () => {
    const { container } = renderApp(
      snapshotOfPlan({ sheets: [...samplePlan().sheets, peersSheet()] })
    );
    // Barnet's 390 of 705 (55.3%) below Wakefield, Leicestershire, Bristol and Rotherham.
    expect((await screen.findByTestId("peer-rank")).textContent).toBe("5 of 6");
    expect(screen.getByTestId("peer-quartile").textContent).toBe("4 (bottom quarter)");
    expect(screen.getByTestId("peer-share").textContent).toBe("55.3%");
    expect(screen.getByTestId("peer-average").textContent).toBe("77.4% (−22.1 points)");
    expect(screen.getByTestId("national-average").textContent).toBe("44.8% (+10.5 points)");
    expect(screen.getByText("National average (England)")).toBeTruthy();
    expect(screen.getByTestId("peer-dates").textContent).toMatch(
      /^Figures from different dates, not comparable as they stand/
    );
    const section = screen.getByRole("region", { name: "Among its peers" });
    const bars = within(section).getByRole("figure");
    expect(bars.querySelectorAll("rect")).toHaveLength(7);
    expect(within(bars).getByText("Wakefield: 99.5%, as at 2014-07-09")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("says which Peers cell cannot be read, and the build stops on it", async () => {
    const snapshot = snapshotOfPlan({
      sheets: [...samplePlan().sheets, peersSheet(lotsInD4())],
    });
    const workbook = api(snapshot);
    renderApp(snapshot, workbook);
    const section = await screen.findByRole("region", { name: "Among its peers" });
    expect(within(section).getByText(/^Peers!D4: /)).toBeTruthy();
    fireEvent.click(await screen.findByRole("button", { name: "Build tables" }));
    // Said again where the build's message goes.
    await waitFor(() => expect(screen.getAllByText(/^Peers!D4: /)).toHaveLength(2));
    expect(workbook.writePlan).not.toHaveBeenCalled();
  });

  it("is not shown when the workbook has no Peers table", async () => {
    renderApp(snapshotOfPlan(samplePlan()));
    await screen.findByTestId("envelope");
    await screen.findByRole("heading", { name: "Funding tables" });
    expect(screen.queryByRole("heading", { name: "Among its peers" })).toBeNull();
  });
});
