import ExcelJS from "exceljs";
import fs from "fs";
import { builtCli } from "../support/cli";

/*
 * `tf-funding tables` over workbooks laid out as council officers keep them (issue 10), written
 * here with exceljs the way a user's own workbook holds them: plain cells (no Excel tables), a
 * title row, text dates and counts, totals rows, blank rows, notes, councils' own wordings.
 */
const cli = builtCli("council-workbooks");
const { tf, file } = cli;

beforeAll(() => cli.build(), 120000);
afterAll(() => cli.remove());

type Row = (string | number | Date | null)[];

async function workbook(name: string, sheets: Record<string, Row[]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = book.addWorksheet(sheet);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      })
    );
  }
  await book.xlsx.writeFile(file(name));
  return file(name);
}

const summaryOf = (stdout: string) => JSON.parse(stdout) as Record<string, number | string>;

const PHASE1_BUDGET: Row[] = [
  ["Troubled Families – funding 2012-15"],
  [],
  ["Financial year", "No. of families identified", "Families attached"],
  ["2012/13", 243, 294],
  ["2013/14", 243, 294],
  ["2014/15", 219, 0],
  ["Total", 705, 588],
];

describe("a phase 1 council workbook", () => {
  it("reads its title row, totals rows, text dates, blank row and wordings", async () => {
    const input = await workbook("council.xlsx", {
      "TF budget": PHASE1_BUDGET,
      Claims: [
        ["Date of claim", "Outcome", "Number of families"],
        ["31/07/2013", "Education and crime/ASB", 58],
        [new Date(Date.UTC(2013, 6, 31)), "Progress to Work (ESF/Work Programme)", 4],
        [],
        ["Oct-13", "Continuous employment", 6],
        ["Feb 2014", "Cont. employment after previous ASB/education claim", 2],
        ["Total", null, 70],
        [],
        ["Signed: Head of Finance"],
      ],
    });
    const { stdout, stderr, status } = tf(
      "tables",
      input,
      "-o",
      file("council-out.xlsx"),
      "--json"
    );
    expect(stderr).toBe(
      [
        'tf-funding: note: TF budget!A7: "Total" is a totals row, not a financial year: not read.',
        "tf-funding: note: Claims!A4: row 4 is blank inside the Claims table: the rows below it are read as part of it.",
        'tf-funding: note: Claims!A7: "Total" is a totals row, not a claim: not read.',
        "tf-funding: note: Claims!A9: row 9, below the Claims table's totals row (7), is not read: move it above the totals row if it is part of the table.",
        "",
      ].join("\n")
    );
    expect(status).toBe(0);
    // 588 funded of 705; all claims for families attached in 2012/13, at year 1's rates.
    expect(summaryOf(stdout)).toMatchObject({
      cohort: 705,
      funded: 588,
      envelope: 2352000,
      claimedToDate: 58 * 700 + 4 * 100 + 6 * 800 + 2 * 100,
    });
  });

  it("names the ambiguous 'Crime' and 'Education' lines, listing the accepted labels", async () => {
    const input = await workbook("parts.xlsx", {
      Families: PHASE1_BUDGET.slice(2, 6),
      Claims: [
        ["Claim date", "Outcome", "Families"],
        ["31/07/2013", "Crime/ASB", 10],
        ["31/07/2013", "Education", 10],
      ],
    });
    const { stderr, status } = tf("tables", input, "-o", file("parts-out.xlsx"));
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /Claims!B2: "Crime\/ASB" is only one part of a result: .* enter such a family once as "Crime\/ASB and education" .* Outcome types: "Crime\/ASB and education", "Progress to work", "Continuous employment"/
    );
    expect(stderr).toMatch(/Claims!B3: "Education" is only one part of a result/);
    expect(fs.existsSync(file("parts-out.xlsx"))).toBe(false);
  });
});

describe("a phase 2 workbook without an Assumptions table (B&NES)", () => {
  const sheets = {
    Families: [
      ["Financial year", "Number of families identified", "Families attached"],
      ["2015-2016", 700, 527],
      ["2016-2017", 0, 0],
    ],
    Claims: [
      ["Date of claim", "Outcome", "No. of families"],
      ["31/03/2016", "Significant and sustained progress", 200],
      ["Mar-16", "Sustained and significant progress", 12],
    ],
  };

  it("reads with --framework phase2: £527,000 secured, £169,600 claimed", async () => {
    const input = await workbook("bnes.xlsx", sheets);
    const { stdout, stderr, status } = tf(
      "tables",
      input,
      "-o",
      file("bnes-out.xlsx"),
      "--framework",
      "phase2",
      "--json"
    );
    expect([stderr, status]).toEqual(["", 0]);
    expect(summaryOf(stdout)).toMatchObject({
      framework: "phase2",
      secured: 527000,
      claimedToDate: 169600,
    });
  });

  it("without the flag, says the years are not phase 1's", async () => {
    const input = await workbook("bnes-phase1.xlsx", sheets);
    const { stderr, status } = tf("tables", input, "-o", file("bnes-phase1-out.xlsx"));
    expect(status).toBe(2);
    expect(stderr).toMatch(/Families!A2: "2015-2016" is not a year of the phase1 framework/);
    // …and, first, which framework they belong to, named as the flag a command line user gives.
    expect(stderr.split("\n")[1]).toMatch(
      /^--framework: the Families years \(2015-2016, .*\) are years of the phase2 framework, not of phase1: choose the phase2 framework\.$/
    );
  });
});

describe("a plan before the first claim", () => {
  it("builds every table from a Families table alone, with nothing claimed", async () => {
    const input = await workbook("families-only.xlsx", { Families: PHASE1_BUDGET.slice(2, 6) });
    const { stdout, stderr, status } = tf(
      "tables",
      input,
      "-o",
      file("families-only-out.xlsx"),
      "--json"
    );
    expect(stderr).toBe(
      'tf-funding: note: Families!A1: no Claims table, so the tables show nothing claimed yet: to add claims, give them a header row with "Claim date", "Outcome" and "Families" (or make them an Excel table named Claims).\n'
    );
    expect(status).toBe(0);
    expect(summaryOf(stdout)).toMatchObject({ envelope: 2352000, claimedToDate: 0 });
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(file("families-only-out.xlsx"));
    expect(out.worksheets.map((w) => w.name)).toEqual([
      "Families",
      "Report",
      "Cash envelope",
      "PbR risk",
      "Claims by year",
      "Funding assumptions",
    ]);
  });
});

describe("counts and amounts typed as text", () => {
  it("gives the same figures as the same workbook with numbers", async () => {
    const claims: Row[] = [
      ["Claim date", "Outcome", "Families", "Amount £"],
      ["2013-07-31", "Progress to work", "4", "£400.00"],
    ];
    const asText = await workbook("text-counts.xlsx", {
      Families: [
        ["Financial year", "Families nominated", "Families attached"],
        ["2012/13", "1,705", " 294 "],
        ["2013/14", "0", "1,000"],
      ],
      Claims: claims,
    });
    const asNumbers = await workbook("number-counts.xlsx", {
      Families: [
        ["Financial year", "Families nominated", "Families attached"],
        ["2012/13", 1705, 294],
        ["2013/14", 0, 1000],
      ],
      Claims: [claims[0], ["2013-07-31", "Progress to work", 4, 400]],
    });
    const text = tf("tables", asText, "-o", file("text-out.xlsx"), "--json");
    const numbers = tf("tables", asNumbers, "-o", file("num-out.xlsx"), "--json");
    expect([text.stderr, text.status]).toEqual(["", 0]);
    expect(summaryOf(text.stdout)).toMatchObject({ cohort: 1705, claimedToDate: 400 });
    expect(summaryOf(text.stdout)).toEqual({
      ...summaryOf(numbers.stdout),
      out: file("text-out.xlsx"),
    });
  });
});

describe("what cannot be read is named by cell", () => {
  it("two columns headed Families", async () => {
    const input = await workbook("duplicate-headers.xlsx", {
      Families: PHASE1_BUDGET.slice(2, 6),
      Claims: [
        ["PbR claims 2013/14"],
        [],
        ["Claim date", "Outcome", "Families", "Amount £", "Families"],
        ["2013-07-31", "Progress to work", 4, 400, 5],
      ],
    });
    const { stderr, status } = tf("tables", input, "-o", file("duplicate-out.xlsx"));
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /Claims!C3: C3 and E3 are both headed "Families": rename one \(only one column can be the number-of-families column\)\./
    );
  });

  it("a 31 February and a US-style date", async () => {
    const input = await workbook("dates.xlsx", {
      Families: PHASE1_BUDGET.slice(2, 6),
      Claims: [
        ["Claim date", "Outcome", "Families"],
        ["31/02/2014", "Progress to work", 4],
        ["07/31/2013", "Progress to work", 4],
      ],
    });
    const { stderr, status } = tf("tables", input, "-o", file("dates-out.xlsx"));
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /Claims!A2: the claim date "31\/02\/2014" is not a real date: February 2014 has 28 days, so correct the day\./
    );
    expect(stderr).toMatch(
      /Claims!A3: the claim date "07\/31\/2013" is not a date: dates are read day first/
    );
  });
});
