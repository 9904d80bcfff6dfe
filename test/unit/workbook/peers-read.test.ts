import { parseCsv } from "../../../src/cli/peers-file";
import { readInputs } from "../../../src/workbook/inputs";
import { readPeers, withPeers } from "../../../src/workbook/peers-read";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { CellValue } from "../../../src/workbook/plan-types";
import { inputSheets } from "../../../src/workbook/sample";
import { WorkbookSnapshot } from "../../../src/workbook/snapshot";

const HEADER = [
  "Authority",
  "Region",
  "Families in the cohort",
  "Families turned around",
  "As at",
  "Source",
];
const sheet = (cells: CellValue[][], name = "Peers"): WorkbookSnapshot => ({
  sheets: [{ name, cells }],
  tables: [],
});

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and a byte-order mark", () => {
    const text = '\ufeffAuthority,Source\r\nBristol,"DCLG, ""9 July""\nannounced"\n,\nLeeds,\n';
    expect(parseCsv(text)).toEqual([
      ["Authority", "Source"],
      ["Bristol", 'DCLG, "9 July"\nannounced'],
      [null, null],
      ["Leeds", null],
    ]);
  });
});

describe("readPeers", () => {
  it("reads the rows with their dates, and points at number cells only", () => {
    const read = readPeers(
      sheet([
        HEADER,
        ["Wakefield", "Yorkshire and the Humber", 930, 925, "2014-07-09", "DCLG"],
        ["Bristol", null, "1,355", "1,158", "9 July 2014", null],
        ["Total", null, 2285, 2083, null, null],
        ["Not counted: below the totals row", null, 1, 1, null, null],
      ]),
      true
    );
    expect(read.problems).toEqual([]);
    const rows = read.peers?.rows ?? [];
    expect(rows.map((r) => [r.authority, r.cohort.toNumber(), r.turnedAround.toNumber()])).toEqual([
      ["Wakefield", 930, 925],
      ["Bristol", 1355, 1158],
    ]);
    expect(rows[0].asAt).toBe(rows[1].asAt);
    expect(rows[0].cohortCell).toBe("'Peers'!$C$2");
    // Typed as text, "1,355" cannot be a formula's number: the Report holds the value.
    expect(rows[1].cohortCell).toBeUndefined();
    expect(rows[1].region).toBeUndefined();
    expect(read.peers?.source).toBe("Peers!A1:F3");
  });

  it("names every cell that cannot be right", () => {
    const read = readPeers(
      sheet([
        HEADER,
        ["Wakefield", null, 930, 935, null, null],
        ["Leeds", null, 0, 0, null, null],
        ["Bristol", null, 1355, "many", null, null],
        ["bristol", null, 1355, 1158, null, null],
        ["Derby", null, 700, 600, "someday", null],
        [null, null, 10, 5, null, null],
      ]),
      true
    );
    expect(read.peers).toBeUndefined();
    expect(read.problems.map((p) => `${p.cell}: ${p.reason}`)).toEqual([
      "D2: Wakefield: 935 families turned around is more than the cohort of 930: check the published figures.",
      "C3: Leeds's cohort is 0: no share can be worked out.",
      expect.stringMatching(/^D4: /),
      "A5: bristol appears twice (also in A4): give one row per council.",
      expect.stringMatching(/^E6: /),
      "A7: the authority is empty: enter the council's name, or delete the row.",
    ]);
  });

  it("is no table, and no problem, in a workbook without one", () => {
    const read = readPeers(
      sheet(
        [
          ["Setting", "Value"],
          ["Authority", "Rotherham"],
        ],
        "Assumptions"
      ),
      true
    );
    expect(read).toEqual({ problems: [], notices: [] });
  });

  it("is a problem when a sheet named Peers lacks a column", () => {
    const read = readPeers(
      sheet([
        ["Authority", "Families in the cohort"],
        ["Leeds", 10],
      ]),
      true
    );
    expect(read.problems[0].reason).toMatch(/no families-turned-around column/);
  });
});

describe("withPeers", () => {
  const inputs = inputSheets([["2012/13", 730, null]], [], [["Framework", "phase1"]]);

  it("adds a workbook's Peers table to what readInputs read", () => {
    const snapshot = snapshotOfPlan({ sheets: inputs });
    snapshot.sheets.push({
      name: "Peers",
      cells: [HEADER, ["Leeds", null, 2190, 1800, null, null]],
    });
    const read = withPeers(readInputs(snapshot), snapshot);
    expect(read.inputs?.peers?.rows.map((r) => r.authority)).toEqual(["Leeds"]);
    expect(readInputs(snapshot).inputs?.peers).toBeUndefined();
  });

  it("stops the inputs on a Peers problem", () => {
    const snapshot = snapshotOfPlan({ sheets: inputs });
    snapshot.sheets.push({ name: "Peers", cells: [HEADER, ["Leeds", null, "x", 1, null, null]] });
    const read = withPeers(readInputs(snapshot), snapshot);
    expect(read.inputs).toBeUndefined();
    expect(read.problems[0]).toMatchObject({ sheet: "Peers", cell: "C2" });
  });
});
