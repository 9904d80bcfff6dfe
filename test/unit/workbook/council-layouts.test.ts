import { isError } from "../../../src/engine/errors";
import { isoFromSerial } from "../../../src/engine/dates";
import { InputProblem, ReadOptions, readInputs } from "../../../src/workbook/inputs";
import { buildPlan } from "../../../src/workbook/plan";
import { planCells } from "../../../src/workbook/plan-snapshot";
import { CellValue, WorkbookPlan } from "../../../src/workbook/plan-types";
import { SheetSnapshot, WorkbookSnapshot } from "../../../src/workbook/snapshot";

/*
 * Workbooks laid out the way council officers keep them (issue 10): title rows, totals rows,
 * blank rows and notes inside and under lists, their own headings, text dates and counts, their
 * own outcome wordings, no claims yet, and a phase 2 workbook read with --framework phase2.
 */
const sheet = (name: string, cells: CellValue[][]): SheetSnapshot => ({ name, cells });
const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets, tables: [] });
const lines = (problems: readonly InputProblem[]) =>
  problems.map((p) => `${p.sheet}!${p.cell}: ${p.reason}`);
const read = (snapshot: WorkbookSnapshot, options?: ReadOptions) => readInputs(snapshot, options);

function planOf(snapshot: WorkbookSnapshot, options?: ReadOptions): WorkbookPlan {
  const { inputs, problems } = read(snapshot, options);
  if (!inputs) throw new Error(lines(problems).join("\n"));
  const plan = buildPlan(inputs);
  if (isError(plan)) throw new Error(plan.message);
  return plan;
}

const BUDGET = sheet("TF budget", [
  ["Troubled Families – funding 2012-15"],
  [],
  ["Financial year", "No. of families identified", "Families attached"],
  ["2012/13", 243, 294],
  ["2013/14", 243, 294],
  ["2014/15", 219, 0],
  ["Total", 705, 588],
]);

const CLAIMS = sheet("Claims", [
  ["Date of claim", "Outcome", "Number of families"],
  ["31/07/2013", "Education and crime/ASB", 58],
  ["31 July 2013", "Progress to Work (ESF/Work Programme)", 4],
  [],
  ["Oct-13", "Continuous employment", 6],
  ["Feb 2014", "Cont. employment after previous ASB/education claim", 2],
]);

describe("totals rows", () => {
  it("skips a Total row under the Families table and says so", () => {
    const { inputs, problems, notices } = read(book(BUDGET, CLAIMS));
    expect(problems).toEqual([]);
    expect(inputs?.families.map((r) => [r.financialYear, r.nominated.toNumber()])).toEqual([
      ["2012/13", 243],
      ["2013/14", 243],
      ["2014/15", 219],
    ]);
    expect(lines(notices)).toEqual([
      'TF budget!A7: "Total" is a totals row, not a financial year: not read.',
      "Claims!A4: row 4 is blank inside the Claims table: the rows below it are read as part of it.",
    ]);
    expect(inputs?.sources.families).toBe("TF budget!A3:C6");
  });

  it.each([["Totals"], ["Grand total"], ["TOTAL:"]])(
    "ends a claims list at a %j row in any of its first cells, and names what lies below it",
    (label) => {
      const claims = sheet("Claims", [
        ["Claim date", "Outcome", "Families"],
        ["2013-07-31", "Progress to work", 4],
        [null, label, 4],
        [],
        ["Signed off by the Head of Finance"],
        ["Checked", "J. Smith"],
      ]);
      const { inputs, notices } = read(book(BUDGET, claims));
      expect(inputs?.claims.map((c) => c.families.toNumber())).toEqual([4]);
      expect(lines(notices).slice(1)).toEqual([
        `Claims!B3: ${JSON.stringify(label)} is a totals row, not a claim: not read.`,
        "Claims!A5: rows 5 to 6, below the Claims table's totals row (3), are not read: move them above the totals row if they are part of the table.",
      ]);
    }
  );

  it("reads on past a sub-total row", () => {
    const claims = sheet("Claims", [
      ["Claim date", "Outcome", "Families"],
      ["2013-07-31", "Progress to work", 4],
      ["Sub-total July 2013", null, 4],
      ["2013-10-31", "Progress to work", 3],
    ]);
    const { inputs, notices } = read(book(BUDGET, claims));
    expect(inputs?.claims.map((c) => c.families.toNumber())).toEqual([4, 3]);
    expect(lines(notices)).toContain(
      'Claims!A3: "Sub-total July 2013" is a totals row, not a claim: not read.'
    );
  });
});

describe("councils' own headings", () => {
  it.each([
    ["No. of families identified", "Families attached"],
    ["Number of families identified", "No. of families attached"],
    ["Number of families nominated", "Attached"],
    ["Families identified/nominated", "Families attached (paid)"],
    ["NUMBER OF FAMILIES NOMINATED:", "families_attached"],
  ])("finds the Families table headed %j, %j", (nominated, attached) => {
    const families = sheet("Families", [
      ["FY", nominated, attached],
      ["2012/13", 705, 294],
    ]);
    const { inputs } = read(book(families));
    expect(inputs?.families[0].nominated.toNumber()).toBe(705);
    expect(inputs?.families[0].attached?.toNumber()).toBe(294);
  });

  it.each([
    ["Date of claim", "Outcome claimed", "Number of families claimed", "Payment received £"],
    ["Claim month", "Type of outcome", "No. of families", "Amount (£)"],
    ["Date", "Result", "Families", "£"],
  ])("finds the Claims table headed %j, %j, %j, %j", (date, outcome, families, amount) => {
    const claims = sheet("Log", [
      [date, outcome, families, amount],
      ["Jul-13", "Crime/ASB and education", 10, "£7,000"],
    ]);
    const { inputs, problems } = read(book(BUDGET, claims));
    expect(problems).toEqual([]);
    const claim = inputs!.claims[0];
    expect([
      isoFromSerial(claim.date),
      claim.families.toNumber(),
      claim.amount?.toNumber(),
    ]).toEqual(["2013-07-31", 10, 7000]);
  });
});

describe("no table found", () => {
  it("names the sheet whose header row comes closest, what it found and what is missing", () => {
    const notes = sheet("Notes", [["Prepared for Cabinet"]]);
    const sheet1 = sheet("Sheet1", [
      ["Troubled Families"],
      [],
      ["Financial year", "Families", "Families attached"],
      ["2012/13", 705, 294],
    ]);
    expect(lines(read(book(notes, sheet1)).problems)).toEqual([
      'Sheet1!A3: found "Financial year" in A3 and "Families attached" in C3 but no families-nominated column, so no Families table: add a column headed "Families nominated" (or "Families identified") to that header row.',
    ]);
  });

  it("names the only sheet a user made when no row looks like the header", () => {
    const generated = {
      ...sheet("Cash envelope", [["Financial year", "Families funded"]]),
      generated: true,
    };
    const data = sheet("Data", [["When", "People"]]);
    expect(lines(read(book(generated, data)).problems)).toEqual([
      'Data!A1: no Families table: this sheet has no header row with "Financial year" and "Families nominated" (or "Families identified") in its first 50 rows: add one above the data, or make the data an Excel table named Families.',
    ]);
  });

  it("says which claims column is missing when a header row has the others", () => {
    const claims = sheet("PbR", [
      ["Date of claim", "Outcome", "Familes"],
      ["2013-07-31", "Progress to work", 4],
    ]);
    expect(lines(read(book(BUDGET, claims)).problems)).toEqual([
      'PbR!A1: found "Date of claim" in A1 and "Outcome" in B1 but no number-of-families column, so no Claims table: add a column headed "Families" (or "Number of families claimed") to that header row.',
    ]);
  });
});

describe("a plan before the first claim", () => {
  it("reads a workbook with only a Families table, with no claims and no problem", () => {
    const { inputs, problems, notices } = read(book(BUDGET));
    expect(problems).toEqual([]);
    expect(lines(notices)).toEqual([
      'TF budget!A7: "Total" is a totals row, not a financial year: not read.',
      'TF budget!A1: no Claims table, so the tables show nothing claimed yet: to add claims, give them a header row with "Claim date", "Outcome" and "Families" (or make them an Excel table named Claims).',
    ]);
    expect(inputs?.claims).toEqual([]);
    expect(inputs?.sources.claims).toBe("no Claims table yet");
  });

  it("builds every sheet with nothing claimed", () => {
    const plan = planOf(book(BUDGET));
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Report",
      "Cash envelope",
      "PbR risk",
      "Claims by year",
      "Funding assumptions",
    ]);
    expect(plan.summary.claimedToDate).toBe(0);
    // 588 funded, attached 294 + 294: £940,800 + £705,600 of fees, nothing at risk claimed yet.
    expect(plan.summary.envelope).toBe(2352000);
  });

  it("refuses a sheet named Claims that holds no readable Claims table", () => {
    const claims = sheet("Claims", [["When", "What", "How many"]]);
    expect(lines(read(book(BUDGET, claims)).problems)).toEqual([
      'Claims!A1: no Claims table: this sheet has no header row with "Claim date" (or "Date of claim") and "Outcome" (or "Type of outcome") and "Families" (or "Number of families claimed") in its first 50 rows: add one above the data, or make the data an Excel table named Claims.',
    ]);
  });
});

describe("blank rows, notes and other tables inside and under a list", () => {
  it("reads claims past a blank row", () => {
    const { inputs, problems } = read(book(BUDGET, CLAIMS));
    expect(problems).toEqual([]);
    expect(
      inputs?.claims.map((c) => [isoFromSerial(c.date), c.outcome, c.families.toNumber()])
    ).toEqual([
      ["2013-07-31", "crime-asb-education", 58],
      ["2013-07-31", "progress-to-work", 4],
      ["2013-10-31", "continuous-employment", 6],
      ["2014-02-28", "continuous-employment-after-claim", 2],
    ]);
    expect(inputs?.sources.claims).toBe("Claims!A1:C6");
  });

  it("names a note or a signature line under the list and does not read it", () => {
    const claims = sheet("Claims", [
      ...CLAIMS.cells,
      [],
      ["Figures agreed with internal audit, March 2014"],
    ]);
    const { inputs, notices } = read(book(BUDGET, claims));
    expect(inputs?.claims).toHaveLength(4);
    expect(lines(notices).slice(1)).toEqual([
      "Claims!A4: row 4 is blank inside the Claims table: the rows below it are read as part of it.",
      'Claims!A8: "Figures agreed with internal audit, March 2014" is a note, not a claim: not read.',
    ]);
  });

  it("reads a row that is not a note, and names what is wrong with it", () => {
    const claims = sheet("Claims", [...CLAIMS.cells, [], ["Note", "see the audit file", 3]]);
    expect(lines(read(book(BUDGET, claims)).problems)).toEqual([
      'Claims!A8: the claim date is not a date: enter a date such as 2014-08-01 or an Excel date, not "Note".',
    ]);
  });

  it("ends the Families table at the Claims header below it on the same sheet", () => {
    const both = sheet("Programme", [
      ["Financial year", "Families nominated", "Families attached"],
      ["2012/13", 705, 294],
      [],
      ["Claim date", "Outcome", "Families"],
      ["2013-07-31", "Progress to work", 4],
    ]);
    const { inputs, problems } = read(book(both));
    expect(problems).toEqual([]);
    expect(inputs?.sources).toEqual({ families: "Programme!A1:C2", claims: "Programme!A4:C5" });
  });
});

describe("a header naming one column twice", () => {
  it("names both cells, never silently using the first", () => {
    const claims = sheet("Claims", [
      ["PbR claims"],
      [],
      ["Claim date", "Outcome", "Families", "Amount", "Families"],
      ["2013-07-31", "Progress to work", 4, 400, 5],
    ]);
    expect(lines(read(book(BUDGET, claims)).problems)).toEqual([
      'Claims!C3: C3 and E3 are both headed "Families": rename one (only one column can be the number-of-families column).',
    ]);
  });

  it("names two different headings that mean the same column", () => {
    const families = sheet("Families", [
      ["Financial year", "Families identified", "No. of families nominated"],
      ["2012/13", 705, 700],
    ]);
    expect(lines(read(book(families)).problems)).toEqual([
      'Families!B1: B1 "Families identified" and C1 "No. of families nominated" both name the families-nominated column: rename or remove one.',
    ]);
  });

  it("names an Assumptions header with two Value columns rather than passing the table over", () => {
    const settings = sheet("Assumptions", [
      ["Setting", "Value", "Value"],
      ["Framework", "phase2", "phase1"],
    ]);
    expect(lines(read(book(BUDGET, settings)).problems)).toEqual([
      'Assumptions!B1: B1 and C1 are both headed "Value": rename one (only one column can be the value column).',
    ]);
  });
});

describe("counts typed as text", () => {
  it("reads them, and the formulas read the text cells as the same numbers", () => {
    const families = sheet("Families", [
      ["Financial year", "Families nominated", "Families attached"],
      ["2012/13", "705", " 294 "],
      ["2013/14", 0, "1,294"],
    ]);
    const { inputs } = read(book(families));
    expect(inputs?.families.map((r) => [r.nominated.toNumber(), r.attached?.toNumber()])).toEqual([
      [705, 294],
      [0, 1294],
    ]);
    expect(inputs?.families.map((r) => [r.nominatedCell, r.attachedCell])).toEqual([
      [
        `VALUE(SUBSTITUTE(SUBSTITUTE(TRIM('Families'!$B$2),",",""),"£",""))`,
        `VALUE(SUBSTITUTE(SUBSTITUTE(TRIM('Families'!$C$2),",",""),"£",""))`,
      ],
      ["'Families'!$B$3", `VALUE(SUBSTITUTE(SUBSTITUTE(TRIM('Families'!$C$3),",",""),"£",""))`],
    ]);
  });

  it("refuses a comma out of place by cell", () => {
    const families = sheet("Families", [
      ["Financial year", "Families nominated"],
      ["2012/13", "10,00"],
    ]);
    expect(lines(read(book(families)).problems)).toEqual([
      'Families!B2: families nominated "10,00" has a comma out of place: write thousands as 1,294 (or 1294); a decimal comma is not read.',
    ]);
  });
});

describe("settings given outside the workbook apply before the rows are read", () => {
  const phase2 = book(
    sheet("Families", [
      ["Financial year", "Number of families identified", "Families attached"],
      ["2015-2016", 140, 527],
      ["2016/17", 140, 0],
      ["17/18", 140, 0],
      ["FY2018/19", 140, 0],
      ["2019-20", 140, 0],
    ]),
    sheet("Claims", [
      ["Date of claim", "Outcome", "No. of families"],
      ["31/03/2016", "Significant and sustained progress", 200],
      ["Mar-16", "SSP", 12],
    ])
  );

  it("reads a phase 2 workbook with no Assumptions table under --framework phase2", () => {
    const plan = planOf(phase2, { overrides: { framework: "phase2" } });
    expect(plan.summary.secured).toBe(527000);
    expect(plan.summary.claimedToDate).toBe(169600);
  });

  it("without the override, says which framework the years belong to, then names each year", () => {
    const { problems } = read(phase2);
    expect(problems[0]).toEqual({
      sheet: "",
      cell: "",
      setting: "framework",
      reason:
        "the Families years (2015-2016, 2016/17, …) are years of the phase2 framework, not of phase1: choose the phase2 framework.",
    });
    expect(lines(problems)[1]).toBe(
      'Families!A2: "2015-2016" is not a year of the phase1 framework: use 1 to 3 or a financial year from 2012/13 to 2014/15.'
    );
  });

  it("gives no framework hint when no built-in framework has all the years", () => {
    const mixed = book(
      sheet("Families", [
        ["Financial year", "Families nominated", "Families attached"],
        ["2012/13", 140, 100],
        ["2016/17", 140, 120],
      ])
    );
    expect(read(mixed).problems.some((p) => p.setting === "framework")).toBe(false);
  });

  it("names a setting it cannot use", () => {
    // A setting, not a cell: each adapter names it its own way (--success-rate, the pane's field).
    expect(read(phase2, { overrides: { successRate: "lots" } }).problems).toEqual([
      {
        sheet: "",
        cell: "",
        setting: "successRate",
        reason:
          'the success rate must be a share between 0 and 1 such as 5/6, 0.8333 or 83.3%, not "lots".',
      },
    ]);
  });
});

describe("everything read is a figure the plan uses", () => {
  it("builds the tables from the council layout, the claims priced at their year's rates", () => {
    const plan = planOf(book(BUDGET, CLAIMS));
    // 58 × £700 + 4 × £100 + 6 × £800 + 2 × £100, all families attached in 2012/13.
    expect(plan.summary.claimedToDate).toBe(58 * 700 + 4 * 100 + 6 * 800 + 2 * 100);
    const labels = planCells(plan)
      .filter((c) => c.sheet === "Claims by year" && /^B\d+$/.test(c.address))
      .map((c) => c.cell.value);
    expect(labels).toContain("Cont. employment after previous ASB/education claim");
  });
});
