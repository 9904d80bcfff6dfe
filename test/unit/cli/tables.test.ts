import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { run } from "../../../src/cli/main";
import { poundsText, summaryText } from "../../../src/cli/summary";
import { problemLine } from "../../../src/cli/tables";
import { writePlan } from "../../../src/cli/xlsx-writer";
import { settingProblem } from "../../../src/workbook/setting-problem";
import { PlanSummary } from "../../../src/workbook/plan-types";
import { ClaimsData, inputSheets } from "../../../src/workbook/sample";

/** The tables command's own parts, in process: messages, the summary, progress lines. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-tables-unit-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

async function inputs(name: string, claims: ClaimsData): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  writePlan(workbook, {
    sheets: inputSheets(
      [
        ["2012/13", 705, 294],
        ["2013/14", 0, 294],
      ],
      claims,
      [["Framework", "phase1-fast-track"]]
    ),
    names: {},
    summary: {} as PlanSummary,
  });
  await workbook.xlsx.writeFile(file(name));
  return file(name);
}

function collector(interactive: boolean) {
  const lines: string[] = [];
  return { lines, progress: { line: (text: string) => lines.push(text), interactive } };
}

describe("tf-funding tables: what it prints", () => {
  it("names a problem by Sheet!Cell, a flag by its name", () => {
    expect(problemLine({ sheet: "Families", cell: "C5", reason: "not a number." })).toBe(
      "Families!C5: not a number."
    );
    expect(problemLine(settingProblem("successRate", "not a share."))).toBe(
      "--success-rate: not a share."
    );
    expect(problemLine(settingProblem("grantPerYear", "not £."))).toBe("--grant: not £.");
    expect(problemLine({ sheet: "Claims", cell: "", reason: "no Claims table." })).toBe(
      "Claims: no Claims table."
    );
    expect(problemLine({ sheet: "Families", cell: "2019/20", reason: "not a year." })).toBe(
      "Families (2019/20): not a year."
    );
  });

  it("writes £ in the en-GB style of the reports, pence only when there are some", () => {
    expect(poundsText(2352000)).toBe("£2,352,000");
    expect(poundsText(69325.93)).toBe("£69,325.93");
    expect(poundsText(10.5)).toBe("£10.50");
    expect(poundsText(0)).toBe("£0");
  });

  it("summarises the headline figures, then the sentence, then where the file is", () => {
    const summary: PlanSummary = {
      framework: "phase1-fast-track",
      cohort: 705,
      funded: 588,
      envelope: 2352000,
      secured: 1646400,
      atRisk: 705600,
      atRiskShare: 0.3,
      claimedToDate: 350600,
      forecastToEnd: 636274.07,
      stillAtRisk: 69325.93,
      turnedAroundShare: null,
      sentence:
        "Total cash envelope £2,352,000, of which £705,600 (30%) depends on payment by results.",
    };
    const text = summaryText(summary, "out.xlsx");
    expect(text).toContain("Cash envelope:        £2,352,000");
    expect(text).toContain("At risk on results:   £705,600 (30.0%)");
    expect(text).toContain("Still at risk:        £69,325.93");
    expect(text).not.toContain("Turned around");
    expect(text.endsWith(`${summary.sentence}\n\nTables written to out.xlsx`)).toBe(true);
    expect(text).not.toContain("Year-2 release");
    expect(text).not.toContain("Among its peers");
  });

  it("places the council among its peers when there are some", () => {
    // Barnet's sample (390 of 705, 55.3%) among the sample peer table (data/).
    const text = summaryText(
      {
        framework: "phase1-fast-track",
        cohort: 705,
        funded: 588,
        envelope: 2352000,
        secured: 1646400,
        atRisk: 705600,
        atRiskShare: 0.3,
        claimedToDate: 357800,
        forecastToEnd: 0,
        stillAtRisk: 0,
        turnedAroundShare: 390 / 705,
        peers: {
          rank: 5,
          of: 6,
          quartile: 4,
          councilShare: 390 / 705,
          peerAverage: 0.7738,
          nationalAverage: 52833 / 117910,
          nationalBasis: "national row",
          fromPeers: 390 / 705 - 0.7738,
          fromNational: 390 / 705 - 52833 / 117910,
          source: "peers.csv",
          councils: [],
          datesNote: null,
        },
        sentence: "",
      },
      "out.xlsx"
    );
    expect(text).toContain(
      "Among its peers:      5 of 6 (quartile 4); peer average 77.4% (−22.1 points), national 44.8% (+10.5 points)"
    );
  });

  it("says the year-2 release and the results cash by the year it arrives, when the plan has them", () => {
    const text = summaryText(
      {
        framework: "phase1",
        cohort: 705,
        funded: 588,
        envelope: 2352000,
        secured: 1646400,
        atRisk: 705600,
        atRiskShare: 0.3,
        claimedToDate: 357800,
        forecastToEnd: 0,
        stillAtRisk: 0,
        turnedAroundShare: null,
        yearTwoRelease: {
          band: "Half now, the rest later",
          share: 140 / 196,
          commitment: 196,
          workedWith: 140,
          parts: [
            ["Paid in Q1 2013/14", 360000],
            ["Paid July to September 2013/14", 360000],
          ],
        },
        resultsCashByYear: [
          { financialYear: "2013/14", amount: 160900 },
          { financialYear: "2014/15", amount: 196900 },
        ],
        sentence: "",
      },
      "out.xlsx"
    );
    expect(text).toContain("Results cash in:      2013/14 £160,900, 2014/15 £196,900");
    expect(text).toContain(
      "Year-2 release:       Half now, the rest later (140 of a year-1 commitment of 196, 71.4%): £360,000 paid in Q1 2013/14, £360,000 paid July to September 2013/14"
    );
  });
});

describe("tf-funding tables: progress lines", () => {
  const few: ClaimsData = [["2013-07-31", "Progress to work", 4, null]];

  it("are not printed for a short input when no one watches, so scripts and tests stay clean", async () => {
    const { lines, progress } = collector(false);
    const output = await run(
      ["tables", await inputs("few.xlsx", few), "-o", file("a.xlsx")],
      progress
    );
    expect(output.status).toBe(0);
    expect(output.stderr).toBe("");
    expect(lines).toEqual([]);
  });

  it("are printed when stderr is a terminal", async () => {
    const { lines, progress } = collector(true);
    const input = await inputs("few2.xlsx", few);
    await run(["tables", input, "-o", file("b.xlsx")], progress);
    expect(lines).toEqual([
      `Reading ${input}…`,
      "Building tables (1 claim)…",
      `Writing ${file("b.xlsx")}…`,
    ]);
  });

  it("are printed for a long claim history (over 5,000 claims) even when no one watches", async () => {
    const many: ClaimsData = Array.from({ length: 5001 }, (_, i) => [
      i % 2 ? "2013-07-31" : "2013-10-31",
      "Progress to work",
      i < 100 ? 1 : 0,
      null,
    ]);
    const { lines, progress } = collector(false);
    const output = await run(
      ["tables", await inputs("many.xlsx", many), "-o", file("c.xlsx")],
      progress
    );
    expect(output.status).toBe(0);
    expect(lines).toEqual(["Building tables (5,001 claims)…", `Writing ${file("c.xlsx")}…`]);
  }, 60000);
});

describe("tf-funding tables: flags", () => {
  const few: ClaimsData = [["2013-07-31", "Progress to work", 4, null]];

  it("takes --flag=value as --flag value, and reads framework names as people write them", async () => {
    const input = await inputs("flags.xlsx", few);
    const spaced = await run([
      "tables",
      input,
      "-o",
      file("f1.xlsx"),
      "--framework",
      "Phase 1",
      "--json",
    ]);
    const equals = await run([
      "tables",
      input,
      `--out=${file("f2.xlsx")}`,
      "--framework=phase 1",
      "--json",
    ]);
    expect(spaced.status).toBe(0);
    expect(equals.status).toBe(0);
    const summary = JSON.parse(equals.stdout);
    expect(summary.framework).toBe("phase1");
    expect({ ...JSON.parse(spaced.stdout), out: "" }).toEqual({ ...summary, out: "" });
  });

  it("names a bad setting by its flag, with the parsers' own message", async () => {
    const input = await inputs("badflags.xlsx", few);
    const nonsense = await run(["tables", input, "-o", file("g.xlsx"), "--framework=nonsense"]);
    expect(nonsense.status).toBe(2);
    expect(nonsense.stderr).toContain(
      `--framework: there is no framework called "nonsense": use one of phase1, phase1-fast-track, phase2, phase2-earned-autonomy, supporting-families.`
    );
    const funded = await run(["tables", input, "-o", file("g.xlsx"), "--funded=10,00"]);
    expect(funded.stderr).toContain(
      `--funded: the funded number "10,00" has a comma out of place: write thousands as 1,294 (or 1294); a decimal comma is not read.`
    );
    expect(funded.stderr).not.toContain("(command line)");
    // A flag is not a cell: the limit is said without sending the user to one.
    const huge = await run([
      "tables",
      input,
      "-o",
      file("g.xlsx"),
      "--council-contribution",
      "1e20",
    ]);
    expect(huge.stderr).toContain(
      "--council-contribution: the council contribution is 1e20, more than the £1,000,000,000,000 this model allows."
    );
    expect(huge.stderr).not.toMatch(/cell/);
  });

  it("names an unknown framework before opening the workbook, so no year errors bury it", async () => {
    const output = await run([
      "tables",
      file("never-read.xlsx"),
      "-o",
      file("g.xlsx"),
      "--framework",
      "phse2",
    ]);
    expect(output.status).toBe(2);
    expect(output.stderr).toBe(
      `tf-funding: --framework: there is no framework called "phse2": did you mean phase2? The frameworks are phase1, phase1-fast-track, phase2, phase2-earned-autonomy, supporting-families.\n` +
        `Run "tf-funding tables --help" for usage.\n`
    );
  });

  it("leaves --years to the framework in force, which the workbook may choose", async () => {
    const input = await inputs("years.xlsx", few);
    // phase1-fast-track has 3 programme years: 4 is refused once the framework is known.
    const output = await run(["tables", input, "-o", file("y.xlsx"), "--years=4"]);
    expect(output.status).toBe(2);
    expect(output.stderr).toMatch(
      /^--years: years must be a whole number from 1 to 3 \(the phase1-fast-track/m
    );
  });

  it.each([
    [["--sucess-rate", "0.5"], /unknown option --sucess-rate: did you mean --success-rate\?/],
    [["--funded"], /--funded needs a value/],
    [["--out="], /--out needs the file to write/],
  ])("refuses %j with a usage message", async (flags, message) => {
    const output = await run(["tables", "in.xlsx", "-o", file("h.xlsx"), ...flags]);
    expect(output.status).toBe(2);
    expect(output.stderr).toMatch(message);
    expect(output.stderr).toMatch(/Run "tf-funding tables --help" for usage/);
  });
});
