import fs from "fs";
import path from "path";
import { parseCsv } from "../../../../src/cli/peers-file";
import { writePlan } from "../../../../src/taskpane/excel";
import { label, v } from "../../../../src/workbook/cells";
import { PEER_TABLES } from "../../../../src/workbook/plan-peers";
import { REPORT_SHEET } from "../../../../src/workbook/plan-report";
import { planCells } from "../../../../src/workbook/plan-snapshot";
import { PlanCell, PlanSheet } from "../../../../src/workbook/plan-types";
import { FakeContext, FakeWorkbook, formatBox, installFakeExcel } from "./fake-excel";
import { planFrom, sampleInputs, seed } from "./plans";

afterEach(() => jest.restoreAllMocks());

/** The sample peer table, typed into a Peers sheet of the user's. */
function peersSheet(): PlanSheet {
  const file = path.join(__dirname, "..", "..", "..", "..", "data", "peers-phase1-2014.csv");
  const [header, ...rows] = parseCsv(fs.readFileSync(file, "utf8"));
  return {
    name: "Peers",
    widths: {},
    blocks: [
      {
        topLeft: "A1",
        rows: [
          header.map((h) => label(String(h))),
          ...rows.map((row) =>
            row.map((cell, i): PlanCell => (i === 2 || i === 3 ? v(Number(cell)) : v(cell)))
          ),
        ],
      },
    ],
    tables: [],
    charts: [],
  };
}

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
