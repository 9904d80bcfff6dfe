import { writePlan } from "../../../../src/taskpane/excel";
import { PEER_TABLES } from "../../../../src/workbook/plan-peers";
import { REPORT_SHEET } from "../../../../src/workbook/plan-report";
import { planCells } from "../../../../src/workbook/plan-snapshot";
import { FakeContext, FakeWorkbook, formatBox, installFakeExcel } from "./fake-excel";
import { planFrom, sampleInputs, seed } from "./plans";
import { peersSheet } from "../../../support/peers-sheet";

afterEach(() => jest.restoreAllMocks());

describe("the pane's writer and Among its peers", () => {
  it("writes the section's formulas, tables and chart in the same two round trips", async () => {
    const inputs = [...sampleInputs(), peersSheet()];
    const book = installFakeExcel(new FakeWorkbook());
    seed(book, inputs);
    const plan = planFrom(inputs);
    const syncs = jest.spyOn(FakeContext.prototype, "sync");

    await writePlan(plan, { replace: "yes" });

    expect(syncs).toHaveBeenCalledTimes(2);
    const tables = book.tables.filter((t) => t.name.startsWith("TF_ReportPeer"));
    expect(tables.map((t) => [t.name, formatBox({ ...t })])).toEqual([
      [PEER_TABLES.place, expect.stringMatching(/^A\d+:B\d+$/)],
      [PEER_TABLES.councils, expect.stringMatching(/^A\d+:F\d+$/)],
    ]);
    const cells = planCells(plan).filter(
      (c) => c.sheet === REPORT_SHEET && c.cell.formula !== undefined
    );
    // Every formula of the section is written as planned, the peers' counts pointing at Peers.
    const peerFormulas = cells.filter((c) =>
      /Peers'!|COUNTIF|AVERAGE|ROUNDUP/.test(c.cell.formula!)
    );
    expect(peerFormulas.length).toBeGreaterThanOrEqual(14);
    for (const { address, cell } of peerFormulas)
      expect([address, book.cell(REPORT_SHEET, address)?.formula]).toEqual([
        address,
        `=${cell.formula}`,
      ]);
    const report = plan.sheets.find((s) => s.name === REPORT_SHEET)!;
    expect(report.charts).toHaveLength(1);
    expect(book.charts.map((c) => c.title)).toContain("Share of the cohort turned around");
    expect(book.brokenReferences).toEqual([]);
  });
});
