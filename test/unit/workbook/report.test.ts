import { OUTCOME_IDS } from "../../../src/engine/outcomes";
import { onePlacePercent } from "../../../src/workbook/cells";
import { planCells } from "../../../src/workbook/plan-snapshot";
import { REPORT_SHEET, REPORT_TABLES } from "../../../src/workbook/plan-report";
import { PlanCell, PlanSheet, PlanTable, WorkbookPlan } from "../../../src/workbook/plan-types";
import {
  AssumptionsData,
  ClaimsData,
  FamiliesData,
  inputSheets,
  samplePlan,
} from "../../../src/workbook/sample";
import { readInputs } from "../../../src/workbook/inputs";
import { buildPlan } from "../../../src/workbook/plan";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { planFrom } from "../../support/plan-from";

const plan = (
  families: FamiliesData,
  claims: ClaimsData,
  assumptions: AssumptionsData
): WorkbookPlan => planFrom(inputSheets(families, claims, assumptions));

/** The plan the sample's inputs give, as the command line and the pane build it. */
function samplePlanBuilt(): WorkbookPlan {
  const { inputs } = readInputs(snapshotOfPlan(samplePlan()));
  return buildPlan(inputs!) as WorkbookPlan;
}

const reportOf = (p: WorkbookPlan): PlanSheet => {
  const sheet = p.sheets.find((s) => s.name === REPORT_SHEET);
  if (!sheet) throw new Error("no Report sheet");
  return sheet;
};
const tableOf = (p: WorkbookPlan, name: string): PlanTable => {
  const table = reportOf(p).tables.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return table;
};
const values = (cells: PlanCell[]) => cells.map((c) => c.value);
const sentences = (p: WorkbookPlan) =>
  planCells(p)
    .filter((c) => c.sheet === REPORT_SHEET && c.cell.role === "sentence")
    .map((c) => c.cell);
/** What a cell of another sheet caches, by its reference ('PbR risk'!$F$7). */
const referenced = (p: WorkbookPlan, reference: string) => {
  const match = /^'([^']+)'!\$([A-Z]+)\$(\d+)$/.exec(reference);
  if (!match) throw new Error(`not a plain reference: ${reference}`);
  const found = planCells(p).find((c) => c.sheet === match[1] && c.address === match[2] + match[3]);
  if (!found) throw new Error(`no cell ${reference}`);
  return found.cell.value;
};

describe("the Report sheet of the sample (Barnet's fast-track cohort)", () => {
  const built = samplePlanBuilt();
  const { summary } = built;

  it("comes first among the generated sheets", () => {
    expect(built.sheets.map((s) => s.name)).toEqual([
      "Report",
      "Cash envelope",
      "PbR risk",
      "Claims by year",
      "Funding assumptions",
    ]);
  });

  it("shows the cash envelope by year as Barnet's paper does: 80/20 then 60/40, £2,352,000", () => {
    const table = tableOf(built, REPORT_TABLES.envelope);
    expect(table.columns.map((c) => [c.header, c.format])).toEqual([
      ["Financial year", "text"],
      ["Families funded", "count"],
      ["Attachment £", "money"],
      ["PbR £", "money"],
      ["Total £", "money"],
      ["Attachment %", "percent"],
      ["PbR %", "percent"],
    ]);
    expect(table.rows.map(values)).toEqual([
      ["2012/13", 294, 940800, 235200, 1176000, 0.8, 0.2],
      ["2013/14", 294, 705600, 470400, 1176000, 0.6, 0.4],
    ]);
    expect(values(table.totals!)).toEqual(["Total", 588, 1646400, 705600, 2352000, 0.7, 0.3]);
    // The totals are the headline figures, and the rows add up to them.
    expect(values(table.totals!).slice(1, 5)).toEqual([
      summary.funded,
      summary.secured,
      summary.atRisk,
      summary.envelope,
    ]);
    for (const column of [1, 2, 3, 4])
      expect(table.rows.reduce((s, row) => s + Number(row[column].value), 0)).toBe(
        table.totals![column].value
      );
    expect(table.totals!.every((c) => c.bold)).toBe(true);
    expect(table.totals![2].formula).toBe("SUBTOTAL(109,TF_ReportEnvelope[Attachment £])");
  });

  it("points every envelope figure at the Cash envelope sheet's cell holding the same value", () => {
    const table = tableOf(built, REPORT_TABLES.envelope);
    for (const row of table.rows)
      for (const cell of row.slice(1, 5)) expect(referenced(built, cell.formula!)).toBe(cell.value);
    expect(table.rows[0][2].formula).toBe("'Cash envelope'!$E$5");
  });

  it("lists the outcomes achieved by the framework's labels, with the families turned around", () => {
    const table = tableOf(built, REPORT_TABLES.outcomes);
    expect(table.columns.map((c) => [c.header, c.format])).toEqual([
      ["Outcome achieved", "text"],
      ["Families", "count"],
      ["% of cohort", "percent"],
    ]);
    expect(table.rows.map((row) => row.slice(0, 2).map((c) => c.value))).toEqual([
      ["Crime/ASB and education", 352],
      ["Progress to work", 27],
      ["Continuous employment", 38],
      ["Continuous employment (following previous claim for ASB / Education)", 10],
      ["All adults remain in work throughout intervention", 5],
    ]);
    expect(table.rows[1][2].value).toBeCloseTo(27 / 705, 12);
    // 352 crime/ASB/education + 38 continuous employment: 390 of the 705 nominated.
    expect(values(table.totals!)).toEqual(["Families turned around", 390, 390 / 705]);
    expect(table.totals![2].value).toBe(summary.turnedAroundShare);
    expect(referenced(built, table.totals![1].formula!)).toBe(390);
    expect(onePlacePercent(summary.turnedAroundShare!)).toBe("55.3%");
  });

  it("gives the PbR performance: £705,600 maximum, £357,800 claimed, £649,340.74 forecast", () => {
    const table = tableOf(built, REPORT_TABLES.pbr);
    // Pence occur (the forecast), so the £ column shows them.
    expect(table.columns.map((c) => c.format)).toEqual(["text", "money-pence", "percent"]);
    expect(table.rows.map((row) => row.slice(0, 2).map((c) => c.value))).toEqual([
      ["Maximum (at risk on results)", 705600],
      ["Claimed to date", 357800],
      ["Forecast further claims", 291540.74],
      ["Forecast to the end (claimed and further)", 649340.74],
      ["Still at risk", 56259.26],
      ["Expected clawback after spot checks", 751.38],
    ]);
    expect(table.rows.map((row) => row[1].value)).toEqual([
      summary.atRisk,
      summary.claimedToDate,
      summary.forecastToEnd - summary.claimedToDate,
      summary.forecastToEnd,
      summary.stillAtRisk,
      summary.expectedClawback,
    ]);
    expect(table.rows[5][1].formula).toBe("ROUND(B24*TF_ClawbackChecked*TF_ClawbackInvalid,2)");
    expect(table.rows[1][2].value).toBeCloseTo(357800 / 705600, 12);
    for (const row of table.rows.slice(1, 5))
      expect(referenced(built, row[1].formula!)).toBe(row[1].value);
  });

  it("writes the three sentences as live formulas whose cached values are the engine's words", () => {
    const [envelope, pbr, forecast] = sentences(built);
    expect(envelope.value).toBe(summary.sentence);
    expect(envelope.value).toBe(
      "Total cash envelope £2,352,000, of which £705,600 (30%) depends on payment by results; £1,646,400 is secured as attachment fees."
    );
    expect(pbr.value).toBe(
      "£357,800 claimed to date for 390 families turned around (55.3% of the cohort), 50.7% of the £705,600 payment-by-results maximum."
    );
    // The claim trend reaches every one of the 588 funded families by the last claim window.
    expect(forecast.value).toBe(
      "At the success rate of 100.0% that the claims so far point to, a further £291,541 is forecast by 31 May 2015, leaving £56,259 at risk."
    );
    for (const cell of [envelope, pbr, forecast]) {
      expect(cell.formula).toMatch(/TEXT\(/);
      expect(cell.format).not.toBe("text");
    }
    expect(pbr.formula).toContain('TEXT(IF(TF_Cohort=0,0,B18/TF_Cohort),"0.0%")');
    expect(forecast.formula).toContain('TEXT(TF_ProgrammeEnd,"d mmmm yyyy")');
  });

  it("shows no outcome id, no TRUE/FALSE and no Text format on a formula", () => {
    const cells = planCells(built).filter((c) => c.sheet === REPORT_SHEET);
    const texts = cells.map((c) => c.cell.value).filter((x): x is string => typeof x === "string");
    for (const id of OUTCOME_IDS.filter((id) => id.includes("-")))
      expect(texts.filter((t) => t.includes(id))).toEqual([]);
    expect(cells.filter((c) => typeof c.cell.value === "boolean")).toEqual([]);
    expect(cells.filter((c) => c.cell.formula !== undefined && c.cell.format === "text")).toEqual(
      []
    );
    expect(cells.filter((c) => c.cell.format === "families")).toEqual([]);
  });

  it("is as wide as its longest label needs", () => {
    const sheet = reportOf(built);
    const longest = "Continuous employment (following previous claim for ASB / Education)";
    expect(sheet.widths.A).toBeGreaterThanOrEqual(Math.ceil(longest.length * 0.9));
    expect(sheet.widths.A).toBeLessThan(longest.length + 4);
  });
});

describe("the Report sheet for other inputs", () => {
  it("rounds 472 turned around of a cohort of 730 to 64.7%, as Rotherham published it", () => {
    expect(onePlacePercent(472 / 730)).toBe("64.7%");
    // Half a tenth of a percent rounds up, as Excel's TEXT(x, "0.0%") does.
    expect(onePlacePercent(0.1235)).toBe("12.4%");
    expect(onePlacePercent(0)).toBe("0.0%");
    const p = plan(
      [["2012/13", 730, null]],
      [
        ["2013-07-31", "Education & Crime / Anti-Social Behaviour", 100, null],
        ["2013-10-31", "Education & Crime / Anti-Social Behaviour", 135, null],
        ["2014-02-28", "Progress to work", 27, null],
        ["2014-02-28", "Education & Crime / Anti-Social Behaviour", 100, null],
        ["2014-05-31", "Continuous employment", 37, null],
        ["2014-08-31", "Education & Crime / Anti-Social Behaviour", 100, null],
      ],
      [["Framework", "phase1"]]
    );
    const outcomes = tableOf(p, REPORT_TABLES.outcomes);
    expect(values(outcomes.totals!)).toEqual(["Families turned around", 472, 472 / 730]);
    expect(sentences(p)[1].value).toBe(
      "£604,800 claimed to date for 472 families turned around (64.7% of the cohort), 62.2% of the £972,000 payment-by-results maximum."
    );
  });

  it("reports phase 2 (420 nominated, 400 attached): £720,000, of which £320,000 on results", () => {
    const p = plan(
      [
        ["2015/16", 140, 140],
        ["2016/17", 140, 140],
        ["2017/18", 140, 120],
      ],
      [
        ["2016-03-31", "Significant and sustained progress", 50, null],
        ["2016-09-30", "Continuous employment", 12, null],
        ["2017-03-31", "Sustained progress", 70, null],
      ],
      [
        ["Framework", "phase2"],
        ["Share of claims checked", 0.05],
        ["Share of checked claims found invalid", 0.1],
      ]
    );
    const envelope = tableOf(p, REPORT_TABLES.envelope);
    // £1,000 attachment and £800 results a family in every year: 5/9 and 4/9 of the total.
    expect(envelope.rows.map(values)).toEqual([
      ["2015/16", 140, 140000, 112000, 252000, 5 / 9, 4 / 9],
      ["2016/17", 140, 140000, 112000, 252000, 5 / 9, 4 / 9],
      ["2017/18", 120, 120000, 96000, 216000, 5 / 9, 4 / 9],
    ]);
    expect(values(envelope.totals!)).toEqual(["Total", 400, 400000, 320000, 720000, 5 / 9, 4 / 9]);
    const outcomes = tableOf(p, REPORT_TABLES.outcomes);
    expect(outcomes.rows.map((row) => row.slice(0, 2).map((c) => c.value))).toEqual([
      ["Continuous employment", 12],
      ["Significant and sustained progress", 120],
    ]);
    expect(values(outcomes.totals!)).toEqual(["Families turned around", 132, 132 / 420]);
    // 132 families at £800; 5% of claims checked, 10% of those found invalid: £528.
    expect(tableOf(p, REPORT_TABLES.pbr).rows.map((row) => row[1].value)).toEqual([
      320000, 105600, 214400, 320000, 0, 528,
    ]);
    expect(tableOf(p, REPORT_TABLES.pbr).columns[1].format).toBe("money");
    expect(sentences(p).map((c) => c.value)).toEqual([
      "Total cash envelope £720,000, of which £320,000 (44%) depends on payment by results; £400,000 is secured as attachment fees.",
      "£105,600 claimed to date for 132 families turned around (31.4% of the cohort), 33.0% of the £320,000 payment-by-results maximum.",
      "At the success rate of 100.0% that the claims so far point to, a further £214,400 is forecast by 31 March 2021, leaving £0 at risk.",
    ]);
  });

  it("says there is no trend yet when fewer than two claim dates give none", () => {
    const p = plan(
      [
        ["2012/13", 705, 300],
        ["2013/14", 0, 288],
      ],
      [["2013-07-31", "Education & Crime / Anti-Social Behaviour", 40, null]],
      [["Framework", "phase1-fast-track"]]
    );
    expect(sentences(p)[2].value).toBe(
      `With too few claim dates for a trend, no further results are forecast by 31 May 2015, leaving £${new Intl.NumberFormat("en-GB").format(p.summary.stillAtRisk)} at risk.`
    );
    // 300 families at £800 and 288 at £1,600 on results; 40 claimed at £700.
    expect(p.summary.atRisk).toBe(700800);
    expect(p.summary.claimedToDate).toBe(28000);
    expect(p.summary.stillAtRisk).toBe(672800);
    expect(sentences(p)[2].value).toContain("leaving £672,800 at risk.");
  });

  it("keeps fractional families to two places (rounding none) rather than hiding them", () => {
    const p = plan(
      [["2012/13", 1000, null]],
      [],
      [
        ["Framework", "phase1"],
        ["Rounding", "none"],
        ["Years", 3],
      ]
    );
    const envelope = tableOf(p, REPORT_TABLES.envelope);
    expect(envelope.columns[1].format).toBe("families-fraction");
    expect(envelope.columns[2].format).toBe("money-pence");
    expect(envelope.totals![4].value).toBe(3333333.33);
  });
});
