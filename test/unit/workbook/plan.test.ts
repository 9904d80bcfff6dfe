import { readInputs } from "../../../src/workbook/inputs";
import { buildPlan } from "../../../src/workbook/plan";
import { planCells, snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { WorkbookPlan } from "../../../src/workbook/plan-types";
import {
  AssumptionsData,
  ClaimsData,
  FamiliesData,
  inputSheets,
  samplePlan,
} from "../../../src/workbook/sample";
import { WorkbookSnapshot } from "../../../src/workbook/snapshot";
import { planFrom } from "../../support/plan-from";

const plan = (
  families: FamiliesData,
  claims: ClaimsData,
  assumptions: AssumptionsData
): WorkbookPlan => planFrom(inputSheets(families, claims, assumptions));

const cell = (p: WorkbookPlan, sheet: string, address: string) => {
  const found = planCells(p).find((c) => c.sheet === sheet && c.address === address);
  if (!found) throw new Error(`no cell ${sheet}!${address}`);
  return found.cell;
};

describe("the sample workbook's plan (Barnet's fast-track cohort)", () => {
  const sample = samplePlan();

  it("has Barnet's envelope: £2,352,000, of which £705,600 (30%) at risk", () => {
    expect(sample.summary).toMatchObject({
      framework: "phase1-fast-track",
      cohort: 705,
      funded: 588,
      envelope: 2352000,
      secured: 1646400,
      atRisk: 705600,
      atRiskShare: 0.3,
    });
    expect(sample.summary.sentence).toBe(
      "Total cash envelope £2,352,000, of which £705,600 (30%) depends on payment by results; £1,646,400 is secured as attachment fees."
    );
  });

  it("prices the claims at the rates of each family's year of attachment", () => {
    // 294 year-1 families turned around first (£700 or £800), the rest at year-2 rates: the year-2
    // split inferred from the March 2012 per-family totals (£1,500 + £100) gives £357,800; the
    // scaled £1,400 + £200 used before gave £350,600.
    expect(sample.summary.claimedToDate).toBe(357800);
  });

  it("writes the envelope rows as formulas with the engine's values cached", () => {
    const { inputs } = readInputs(snapshotOfPlan(sample));
    const built = buildPlan(inputs!) as WorkbookPlan;
    expect(cell(built, "Cash envelope", "B5")).toMatchObject({
      formula: "'Families'!$C$5",
      value: 294,
    });
    // Attached, funded (first attached first funded, up to TF_Funded), beyond, then the £.
    expect(cell(built, "Cash envelope", "C5")).toMatchObject({
      formula: "MIN(B5,MAX(0,TF_Funded-SUM(C$4:C4)))",
      value: 294,
    });
    expect(cell(built, "Cash envelope", "D6")).toMatchObject({ formula: "B6-C6", value: 0 });
    expect(cell(built, "Cash envelope", "E5")).toMatchObject({
      formula: "ROUND(C5*'Funding assumptions'!$C$22,2)",
      value: 940800,
    });
    expect(cell(built, "Cash envelope", "F6")).toMatchObject({ value: 470400 });
    expect(cell(built, "Cash envelope", "H7")).toMatchObject({
      formula: "SUBTOTAL(109,TF_Envelope[Total central £])",
      value: 2352000,
    });
    expect(cell(built, "Funding assumptions", "B10")).toMatchObject({ value: 588 });
  });
});

describe("plans for other inputs", () => {
  it("spreads phase 1's 5/6 of the cohort evenly over three years when attachments are not given", () => {
    const p = plan(
      [
        ["2012/13", 705, null],
        ["2013/14", 0, null],
        ["2014/15", 0, null],
      ],
      [],
      [["Framework", "phase1"]]
    );
    expect(cell(p, "Cash envelope", "B5")).toMatchObject({ value: 196 });
    expect(cell(p, "Cash envelope", "B5").formula).toMatch(/INT\(TF_Funded\/TF_Years\)/);
    expect(p.summary.envelope).toBe(2352000);
    expect(p.summary.atRisk).toBe(940800);
    expect(p.summary.claimedToDate).toBe(0);
    expect(p.sheets.find((s) => s.name === "Claims by year")?.tables).toHaveLength(0);
  });

  it("keeps fractions of families with rounding none (1,000 × 5/6: £3,333,333.33)", () => {
    const p = plan(
      [["2012/13", 1000, null]],
      [],
      [
        ["Framework", "phase1"],
        ["Rounding", "none"],
        ["Years", 3],
      ]
    );
    expect(p.summary.envelope).toBe(3333333.33);
    expect(cell(p, "Cash envelope", "C5").value).toBe(888888.89);
  });

  it("uses an agreed funded number", () => {
    const p = plan(
      [["2012/13", 705, null]],
      [],
      [
        ["Framework", "phase1-fast-track"],
        ["Funded families", 600],
      ]
    );
    expect(p.summary.funded).toBe(600);
    expect(p.summary.envelope).toBe(2400000);
  });

  it("builds B&NES phase 2: 527 attached pays £527,000 up front", () => {
    const p = plan(
      [["2015/16", 700, 527]],
      [["2016-03-31", "Significant and sustained progress", 212, null]],
      [["Framework", "phase2"]]
    );
    expect(p.summary.secured).toBe(527000);
    expect(p.summary.claimedToDate).toBe(169600);
  });
});

describe("more families attached than funded (730 attached, 5/6 of 730 = 608 funded)", () => {
  const families: FamiliesData = [
    ["2012/13", 730, 300],
    ["2013/14", 0, 250],
    ["2014/15", 0, 180],
  ];
  const p = plan(families, [], [["Framework", "phase1"]]);

  it("pays 608 families: £2,432,000, not 730 × £4,000", () => {
    expect(p.summary).toMatchObject({
      cohort: 730,
      attached: 730,
      funded: 608,
      beyondFunded: 122,
      envelope: 2432000,
      secured: 1652800,
      atRisk: 779200,
      warnings: ["122 families attached beyond the 608 funded earn no fees or results."],
    });
  });

  it("shows attached, funded and beyond per year, funded first attached first", () => {
    const row = (r: number) =>
      ["A", "B", "C", "D", "E", "F"].map((c) => cell(p, "Cash envelope", `${c}${r}`).value);
    const table = p.sheets.find((s) => s.name === "Cash envelope")?.tables[0];
    expect(table?.columns.slice(0, 6).map((c) => c.header)).toEqual([
      "Financial year",
      "Families attached",
      "Families funded",
      "Beyond funded (no fees)",
      "Attachment £",
      "Results (PbR) maximum £",
    ]);
    expect(row(5)).toEqual(["2012/13", 300, 300, 0, 960000, 240000]);
    expect(row(6)).toEqual(["2013/14", 250, 250, 0, 600000, 400000]);
    expect(row(7)).toEqual(["2014/15", 180, 58, 122, 92800, 139200]);
    expect(row(8)).toEqual(["Total", 730, 608, 122, 1652800, 779200]);
    expect(cell(p, "Cash envelope", "C7").formula).toBe("MIN(B7,MAX(0,TF_Funded-SUM(C$4:C6)))");
    expect(cell(p, "Funding assumptions", "B10")).toMatchObject({ value: 608 });
    expect(cell(p, "PbR risk", "B7")).toMatchObject({ formula: "'Cash envelope'!$C$7", value: 58 });
  });

  it("lets an agreed funded number drive the envelope: 608 the same, 500 stops in year 2", () => {
    const agreed = (n: number) =>
      plan(
        families,
        [],
        [
          ["Framework", "phase1"],
          ["Funded families", n],
        ]
      );
    expect(agreed(608).summary).toMatchObject({ funded: 608, envelope: 2432000 });
    const p500 = agreed(500);
    expect(p500.summary).toMatchObject({ funded: 500, beyondFunded: 230, envelope: 2000000 });
    expect(cell(p500, "Cash envelope", "C6").value).toBe(200);
    expect(cell(p500, "Cash envelope", "D7").value).toBe(180);
  });

  it("changes nothing and warns of nothing when fewer are attached than funded", () => {
    const fewer = plan(
      [
        ["2012/13", 705, 200],
        ["2013/14", 0, 150],
      ],
      [],
      [["Framework", "phase1-fast-track"]]
    );
    expect(fewer.summary).toMatchObject({
      funded: 350,
      beyondFunded: 0,
      envelope: 1400000,
      warnings: [],
    });
  });
});

describe("inputs that cannot be read are named with sheet, cell and reason", () => {
  const problems = (
    families: FamiliesData,
    claims: ClaimsData,
    assumptions: AssumptionsData = []
  ) =>
    readInputs(snapshotOfPlan({ sheets: inputSheets(families, claims, assumptions) })).problems.map(
      (p) => `${p.sheet}!${p.cell}: ${p.reason}`
    );

  it("reports text in a count column", () => {
    const snapshot = snapshotOfPlan({ sheets: inputSheets([["2012/13", 705, 294]], [], []) });
    snapshot.sheets[0].cells[4][1] = "seven hundred";
    expect(readInputs(snapshot).problems.map((p) => `${p.sheet}!${p.cell}: ${p.reason}`)).toEqual([
      'Families!B5: families nominated must be a number of families, not "seven hundred".',
    ]);
  });

  it("reports a duplicate year, an unknown year, a bad date, an unknown outcome and a fraction", () => {
    expect(
      problems(
        [
          ["2012/13", 705, 294],
          ["2012/13", 0, 294],
        ],
        []
      )
    ).toEqual(["Families!A6: 2012/13 appears twice (also in A5): give one row per year."]);
    const phase2Year = problems([["2019/20", 705, 294]], []);
    expect(phase2Year[0]).toMatch(/are years of the phase2 framework, not of phase1/);
    expect(phase2Year[1]).toMatch(/^Families!A5: "2019\/20" is not a year of the phase1 framework/);
    expect(
      problems([["2012/13", 705, 294]], [["31/02/2014", "Progress to work", 4, null]])[0]
    ).toBe(
      'Claims!A5: the claim date "31/02/2014" is not a real date: February 2014 has 28 days, so correct the day.'
    );
    expect(problems([["2012/13", 705, 294]], [["2014-02-28", "Housing", 4, null]])[0]).toMatch(
      /^Claims!B5: "Housing" is not an outcome type/
    );
    expect(
      problems([["2012/13", 705, 294]], [["2014-02-28", "Progress to work", 4.5, null]])[0]
    ).toBe(
      "Claims!C5: families must be a whole number of families, not 4.5: families cannot be split."
    );
    expect(problems([["2012/13", 705, 294]], [], [["Success rate", "most"]])[0]).toMatch(
      /^Assumptions!B5: the success rate must be a share between 0 and 1 such as 5\/6/
    );
  });

  it("reports a missing table or column", () => {
    const empty: WorkbookSnapshot = {
      sheets: [{ name: "Sheet1", cells: [["hello"]] }],
      tables: [],
    };
    // No Claims table is a plan before the first claim: only the missing Families table is named.
    expect(readInputs(empty).problems.map((p) => `${p.sheet}!${p.cell}: ${p.reason}`)).toEqual([
      'Sheet1!A1: no Families table: this sheet has no header row with "Financial year" and "Families nominated" (or "Families identified") in its first 50 rows: add one above the data, or make the data an Excel table named Families.',
    ]);
  });

  it("finds tables by their header row, case- and space-insensitively", () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        {
          name: "Data",
          cells: [
            ["Notes"],
            [],
            ["FINANCIAL  YEAR", "Families Identified", "families attached"],
            ["2012/13", 705, 294],
            ["2013/14", 0, 294],
          ],
        },
        {
          name: "History",
          cells: [
            ["Date", "Outcome type", "Number of families"],
            [41486, "=Progress to work", 4],
          ],
        },
      ],
      tables: [],
    };
    const { inputs, problems: found } = readInputs(snapshot);
    expect(found).toEqual([]);
    expect(inputs?.sources).toEqual({ families: "Data!A3:C5", claims: "History!A1:C2" });
    expect(
      inputs?.families.map((r) => [r.financialYear, r.nominated.toNumber(), r.attached?.toNumber()])
    ).toEqual([
      ["2012/13", 705, 294],
      ["2013/14", 0, 294],
    ]);
    // A label beginning with "=" is text: it is kept as the council wrote it, to be written back as text.
    expect(inputs?.claims[0].label).toBe("=Progress to work");
    const built = buildPlan(inputs!) as WorkbookPlan;
    const written = planCells(built).find(
      (c) => c.sheet === "Claims by year" && c.address === "B5"
    )?.cell;
    expect(written).toEqual({ value: "=Progress to work", format: "text", bold: undefined });
  });
});
