/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../../src/taskpane/components/App";
import { WorkbookApi } from "../../../src/taskpane/api";
import { headline } from "../../../src/taskpane/whatif";
import { readInputs } from "../../../src/workbook/inputs";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { inputSheets, samplePlan } from "../../../src/workbook/sample";
import { WorkbookSnapshot } from "../../../src/workbook/snapshot";

/** A phase 1 cohort of 730 with 300/250/180 attached: 5/6 × 730 = 608 funded. */
const attached730 = () =>
  snapshotOfPlan({
    sheets: inputSheets(
      [
        ["2012/13", 730, 300],
        ["2013/14", 0, 250],
        ["2014/15", 0, 180],
      ],
      [],
      [["Framework", "phase1"]]
    ),
  });

function paneOver(snapshot: WorkbookSnapshot) {
  const api: WorkbookApi = {
    readWorkbook: jest.fn(async () => snapshot),
    readSelection: jest.fn(async () => snapshot),
    writePlan: jest.fn(async () => ({ sheets: [], syncs: 1 })),
    insertSample: jest.fn(async () => []),
    saveScenario: jest.fn(async () => undefined),
    writeComparison: jest.fn(async () => "Scenario comparison"),
    canWriteSheets: () => true,
    loadAssumptions: jest.fn(async () => ({})),
    saveAssumptions: jest.fn(async () => undefined),
    loadScenarios: jest.fn(async () => []),
    saveScenarios: jest.fn(async () => undefined),
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <App api={api} />
    </FluentProvider>
  );
}

const shown = (id: string) => screen.getByTestId(id).textContent;

describe("the what-if pays only funded families", () => {
  it("shows 730 attached, 608 funded, 122 beyond, £2,432,000 and the warning", async () => {
    paneOver(attached730());
    await screen.findByTestId("envelope");
    expect(shown("attached")).toBe("730");
    expect(shown("funded")).toBe("608");
    expect(shown("beyond-funded")).toBe("122");
    expect(shown("envelope")).toBe("£2,432,000");
    expect(shown("secured")).toBe("£1,652,800");
    expect(shown("at-risk")).toBe("£779,200");
    expect(shown("whatif-warning")).toBe(
      "122 families attached beyond the 608 funded earn no fees or results."
    );
  });

  it("recomputes from the agreed funded number as it is typed: 500 funded, £2,000,000", async () => {
    paneOver(attached730());
    await screen.findByTestId("envelope");
    // The funded number is under "More assumptions", collapsed at first.
    fireEvent.click(screen.getByRole("button", { name: "More assumptions" }));
    fireEvent.change(screen.getByLabelText(/Funded families \(agreed number/), {
      target: { value: "500" },
    });
    await waitFor(() => expect(shown("envelope")).toBe("£2,000,000"));
    expect(shown("funded")).toBe("500");
    expect(shown("beyond-funded")).toBe("230");
  });

  it("shows no families beyond and no warning for Barnet (294 + 294 of 588 funded)", async () => {
    paneOver(snapshotOfPlan(samplePlan()));
    await screen.findByTestId("envelope");
    expect(shown("attached")).toBe("588");
    expect(shown("funded")).toBe("588");
    expect(screen.queryByTestId("beyond-funded")).toBeNull();
    expect(screen.queryByTestId("whatif-warning")).toBeNull();
    expect(shown("envelope")).toBe("£2,352,000");
  });

  it("headline: the same figures as the engine's envelope, with and without attachments", () => {
    const { inputs } = readInputs(attached730());
    expect(headline(inputs!, { funded: "608" }).headline).toMatchObject({
      attached: 730,
      funded: 608,
      beyondFunded: 122,
      envelope: 2432000,
    });
    const spread = snapshotOfPlan({
      sheets: inputSheets([["2012/13", 730, null]], [], [["Framework", "phase1"]]),
    });
    expect(headline(readInputs(spread).inputs!, {}).headline).toMatchObject({
      attached: null,
      funded: 608,
      beyondFunded: 0,
      warnings: [],
      envelope: 2432000,
    });
  });
});
