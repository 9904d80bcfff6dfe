import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { copyWithPlan } from "../../src/cli/xlsx-copy";
import { writePlan } from "../../src/cli/xlsx-writer";
import { PEER_TABLES } from "../../src/workbook/plan-peers";
import { REPORT_SHEET } from "../../src/workbook/plan-report";
import { PlanSheet, PlanTable } from "../../src/workbook/plan-types";
import { inputSheets } from "../../src/workbook/sample";
import { formulaCells, libreOfficeAvailable, recalculate } from "../support/libreoffice";
import { planFrom } from "../support/plan-from";
import { peersSheet, samplePeerRows } from "../support/peers-sheet";
import { popplerAvailable, renderSheet } from "../support/render";

/**
 * The Report's "Among its peers" for Rotherham (472 of 730 turned around, its September 2014
 * paper) with the sample peer table (data/peers-phase1-2014.csv) pasted into its workbook as a
 * Peers sheet: the figures as the engine gives them, the formulas as LibreOffice recalculates
 * them, and the page as it prints (test-artifacts/peers/ to look at).
 */
const required = process.env.CI === "true" || process.env.REQUIRE_LIBREOFFICE === "1";
const tools = libreOfficeAvailable() && popplerAvailable();
const run = tools || required ? describe : describe.skip;

const artifacts = path.join(__dirname, "..", "..", "test-artifacts", "peers");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-peers-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const csv = samplePeerRows();

const rotherham = (authority: string | null) =>
  inputSheets(
    [["2012/13", 730, null]],
    [
      ["2013-07-31", "Education & Crime / Anti-Social Behaviour", 100, null],
      ["2013-10-31", "Education & Crime / Anti-Social Behaviour", 135, null],
      ["2014-02-28", "Progress to work", 27, null],
      ["2014-02-28", "Education & Crime / Anti-Social Behaviour", 100, null],
      ["2014-05-31", "Continuous employment", 37, null],
      ["2014-08-31", "Education & Crime / Anti-Social Behaviour", 100, null],
    ],
    [["Framework", "phase1"], ...(authority ? [["Authority", authority] as [string, string]] : [])]
  );

async function generated(name: string, inputs: PlanSheet[]) {
  const workbook = new ExcelJS.Workbook();
  const plan = planFrom(inputs);
  writePlan(workbook, { sheets: inputs, names: {}, summary: plan.summary });
  const input = path.join(dir, `${name}-inputs.xlsx`);
  await workbook.xlsx.writeFile(input);
  const file = path.join(dir, `${name}.xlsx`);
  await copyWithPlan(input, plan, file);
  return { plan, file };
}

const tableOf = (sheet: PlanSheet, name: string) =>
  sheet.tables.find((t) => t.name === name) as PlanTable;

describe("Among its peers, from a Peers sheet in the workbook", () => {
  const { peers } = planFrom([...rotherham("Rotherham"), peersSheet()]).summary;

  it("ranks Rotherham's 64.7% 4th of 5, leaving its own published row out", () => {
    expect(peers).toBeDefined();
    if (!peers) return;
    expect(peers.councils.map((c) => c.authority)).toEqual([
      "Rotherham",
      "Wakefield",
      "Leicestershire",
      "Bristol",
      "North Yorkshire",
      "England",
    ]);
    expect([peers.rank, peers.of, peers.quartile]).toEqual([4, 5, 4]);
    expect(peers.councilShare.toFixed(4)).toBe("0.6466"); // 472 / 730
    // (925/930 + 772/810 + 1158/1355 + 355/845) / 4
    expect(peers.peerAverage.toFixed(6)).toBe(
      ((925 / 930 + 772 / 810 + 1158 / 1355 + 355 / 845) / 4).toFixed(6)
    );
    expect(peers.nationalAverage.toFixed(6)).toBe((52833 / 117910).toFixed(6));
    expect(peers.nationalBasis).toBe("national row");
    expect(peers.fromNational.toFixed(4)).toBe("0.1985");
    expect(peers.datesNote).toBe(
      "Figures from different dates, not comparable as they stand: councils turned families around every quarter. As at 31 March 2014: North Yorkshire. As at 9 July 2014: Wakefield, Leicestershire, Bristol, England. Rotherham: as at its latest claim, 31 August 2014."
    );
  });

  it("points the peers' counts at the Peers sheet and every figure at the table", () => {
    const report = planFrom([...rotherham("Rotherham"), peersSheet()]).sheets[0];
    const councils = tableOf(report, PEER_TABLES.councils);
    expect(councils.rows[1][2].formula).toBe("'Peers'!$C$2"); // Wakefield's cohort
    expect(councils.rows[1][3].formula).toBe("'Peers'!$D$2");
    expect(councils.rows[0][2].formula).toBe("TF_Cohort");
    const place = tableOf(report, PEER_TABLES.place);
    expect(place.rows[0][1].formula).toMatch(/^1\+COUNTIF\(\$E\$\d+:\$E\$\d+,">"&E\d+\)$/);
    expect(report.charts).toHaveLength(1);
  });

  it("without an Authority setting, calls the council 'This council' and keeps Rotherham as a peer", () => {
    const unnamed = planFrom([...rotherham(null), peersSheet()]).summary.peers;
    expect(unnamed?.councils[0].authority).toBe("This council");
    expect(unnamed?.of).toBe(6);
    // Rotherham's published 472 of 730 ties with the model's: a tie does not push it down.
    expect(unnamed?.rank).toBe(4);
  });

  it("without an England row, pools the councils compared", () => {
    const noEngland = csv.filter((row) => row[0] !== "England");
    const pooled = planFrom([...rotherham("Rotherham"), peersSheet(noEngland)]).summary.peers;
    expect(pooled?.nationalBasis).toBe("all councils compared");
    expect(pooled?.nationalAverage.toFixed(6)).toBe(
      ((472 + 925 + 772 + 1158 + 355) / (730 + 930 + 810 + 1355 + 845)).toFixed(6)
    );
  });

  it("names a Peers cell that cannot be read", () => {
    const bad = csv.map((row) => [...row]);
    bad[3][3] = "lots";
    expect(() => planFrom([...rotherham("Rotherham"), peersSheet(bad)])).toThrow(/^Peers!D4: /);
  });
});

run("Among its peers as LibreOffice recalculates and prints it", () => {
  it("recalculates every Report formula to the engine's figures and prints the section", async () => {
    const { plan, file } = await generated("rotherham-peers", [
      ...rotherham("Rotherham"),
      peersSheet(),
    ]);
    const recalculated = await recalculate(file);
    const report = recalculated.sheet(REPORT_SHEET);
    const cells = (await formulaCells(file)).filter((c) => c.sheet === REPORT_SHEET);
    expect(cells.length).toBeGreaterThan(30);
    for (const cell of cells) {
      const value = report.value(cell.address);
      if (typeof cell.cachedResult === "number")
        expect([cell.address, Number(value)]).toEqual([
          cell.address,
          expect.closeTo(cell.cachedResult, 9),
        ]);
      else expect([cell.address, value]).toEqual([cell.address, cell.cachedResult]);
    }
    const place = tableOf(plan.sheets[0], PEER_TABLES.place);
    const rankCell = place.topLeft.replace(/\d+$/, (r) => String(Number(r) + 1)).replace("A", "B");
    expect(report.value(rankCell)).toBe(4);

    const rendered = await renderSheet(file, /^Rotherham\s+Report:/, artifacts, "rotherham-peers");
    const text = rendered.text.join("\n").replace(/[ \t]+/g, " ");
    for (const figure of [
      "Among its peers",
      "Rotherham ranks 4 of 5 among its peers (bottom quarter): 64.7% of its cohort turned around, against a peer average of 80.6% and a national average of 44.8%.",
      "Wakefield",
      "99.5%",
      "North Yorkshire",
      "42.0%",
      "Figures from different dates",
    ])
      expect([figure, text.includes(figure)]).toEqual([figure, true]);
  }, 240000);
});
