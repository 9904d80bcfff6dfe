import { isError } from "../../../src/engine/errors";
import { Decimal } from "../../../src/engine/money";
import { AuthorityFigures, authorityFigures, consolidate } from "../../../src/workbook/consolidate";
import {
  AUTHORITIES_TABLE,
  CONSOLIDATED_SHEET,
  consolidationPlan,
  shownFiles,
} from "../../../src/workbook/consolidate-plan";
import { readInputs } from "../../../src/workbook/inputs";
import { buildPlan } from "../../../src/workbook/plan";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { PlanSummary } from "../../../src/workbook/plan-types";
import { planSheetCells } from "../../../src/workbook/plan-ranges";
import { AuthorityInput, authoritySheets, nationalInputs } from "../../support/national";

/**
 * The pure consolidation over generated authorities: every row is the authority's own plan
 * summary (what `tables` reports for it alone), the totals add them up to the penny, the total
 * share is families turned around ÷ cohort (not a mean of shares), and ranks follow the shares.
 */

const inputsOf = (authority: AuthorityInput) => {
  const read = readInputs(snapshotOfPlan({ sheets: authoritySheets(authority) }));
  if (!read.inputs) throw new Error(`${authority.name}: ${JSON.stringify(read.problems)}`);
  return read.inputs;
};

const summaryOf = (authority: AuthorityInput): PlanSummary => {
  const plan = buildPlan(inputsOf(authority));
  if (isError(plan)) throw new Error(plan.message);
  return plan.summary;
};

const figuresOf = (authority: AuthorityInput, file = `${authority.name}.xlsx`) => {
  const figures = authorityFigures(authority.name, file, inputsOf(authority));
  if (isError(figures)) throw new Error(figures.message);
  return figures;
};

const national = [
  ...nationalInputs(21, { authorities: 5, claimRows: 3000 }),
  ...nationalInputs(22, { authorities: 2, claimRows: 900, framework: "phase1" }),
];
const summaries = national.map(summaryOf);
const figures = national.map((a) => figuresOf(a));

/** A sum of £ figures as numbers, to the penny, without float error. */
const penny = (values: number[]) =>
  values
    .reduce((total, value) => total.plus(value), new Decimal(0))
    .toDecimalPlaces(2)
    .toNumber();

describe("consolidate: generated authorities", () => {
  const { rows, totals } = consolidate(figures);

  it("gives each authority's own figures, as its plan summary has them", () => {
    expect(rows).toHaveLength(7);
    rows.forEach((row, i) => {
      const s = summaries[i];
      expect(row.name).toBe(national[i].name);
      expect(row.framework).toBe(s.framework);
      expect(
        [
          row.cohort,
          row.funded,
          row.envelope,
          row.secured,
          row.atRisk,
          row.claimedToDate,
          row.forecastToEnd,
          row.stillAtRisk,
        ].map((d) => d.toNumber())
      ).toEqual([
        s.cohort,
        s.funded,
        s.envelope,
        s.secured,
        s.atRisk,
        s.claimedToDate,
        s.forecastToEnd,
        s.stillAtRisk,
      ]);
      // The families behind the share give the plan's own share.
      expect(row.turnedAroundShare!.toNumber()).toBeCloseTo(s.turnedAroundShare!, 14);
      expect(row.turnedAround.isInteger()).toBe(true);
    });
  });

  it("adds every figure up to the penny", () => {
    const sumOf = (key: keyof PlanSummary) => penny(summaries.map((s) => s[key] as number));
    expect(totals.envelope.toNumber()).toBe(sumOf("envelope"));
    expect(totals.secured.toNumber()).toBe(sumOf("secured"));
    expect(totals.atRisk.toNumber()).toBe(sumOf("atRisk"));
    expect(totals.claimedToDate.toNumber()).toBe(sumOf("claimedToDate"));
    expect(totals.forecastToEnd.toNumber()).toBe(sumOf("forecastToEnd"));
    expect(totals.stillAtRisk.toNumber()).toBe(sumOf("stillAtRisk"));
    expect(totals.cohort.toNumber()).toBe(sumOf("cohort"));
    expect(totals.funded.toNumber()).toBe(sumOf("funded"));
    // Secured and at risk make up the envelope in total as in each authority.
    expect(totals.secured.plus(totals.atRisk).toNumber()).toBe(totals.envelope.toNumber());
  });

  it("takes the total share as all families turned around ÷ the whole cohort, not a mean of shares", () => {
    const turned = rows.reduce((t, r) => t.plus(r.turnedAround), new Decimal(0));
    const cohort = rows.reduce((t, r) => t.plus(r.cohort), new Decimal(0));
    expect(totals.turnedAround.toNumber()).toBe(turned.toNumber());
    expect(totals.turnedAroundShare!.toNumber()).toBe(turned.div(cohort).toNumber());
    const mean = rows.reduce((t, r) => t + r.turnedAroundShare!.toNumber(), 0) / rows.length;
    expect(Math.abs(totals.turnedAroundShare!.toNumber() - mean)).toBeGreaterThan(1e-6);
  });

  it("ranks by turned-around share, 1 the highest", () => {
    const byShare = [...rows].sort((a, b) => b.turnedAroundShare!.cmp(a.turnedAroundShare!));
    expect(byShare.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("consolidate: edge cases", () => {
  it("gives equal shares one rank, as Excel's RANK does, and the next rank after them", () => {
    const [a, b] = figures;
    const twin: AuthorityFigures = { ...a, name: "Twin", file: "twin.xlsx" };
    const { rows } = consolidate([a, twin, b]);
    const higher = a.turnedAround
      .div(a.summary.cohort)
      .greaterThan(b.turnedAround.div(b.summary.cohort));
    expect(rows.map((row) => row.rank)).toEqual(higher ? [1, 1, 3] : [2, 2, 1]);
  });

  it("leaves an authority with no cohort unranked and out of the share", () => {
    const [a] = figures;
    const empty: AuthorityFigures = {
      name: "Empty",
      file: "empty.xlsx",
      turnedAround: new Decimal(0),
      summary: { ...a.summary, cohort: 0, funded: 0, envelope: 0, secured: 0, atRisk: 0 },
    };
    const { rows, totals } = consolidate([empty, a]);
    expect(rows[0].turnedAroundShare).toBeNull();
    expect(rows[0].rank).toBeNull();
    expect(rows[1].rank).toBe(1);
    expect(totals.turnedAroundShare!.toNumber()).toBe(
      a.turnedAround.div(a.summary.cohort).toNumber()
    );
  });

  it("gives no share and no rows for no authorities", () => {
    const { rows, totals } = consolidate([]);
    expect(rows).toEqual([]);
    expect(totals.turnedAroundShare).toBeNull();
    expect(totals.envelope.toNumber()).toBe(0);
  });
});

describe("consolidationPlan", () => {
  const consolidation = consolidate(figures);
  const plan = consolidationPlan(consolidation, [
    {
      file: "broken.xlsx",
      problems: ['Claims!C12: families must be a number of families, not "x".'],
    },
  ]);
  const [sheet] = plan.sheets;
  const cells = planSheetCells(sheet);
  const table = sheet.tables[0];

  it("is one sheet with the authorities' table under a title", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([CONSOLIDATED_SHEET]);
    expect(table.name).toBe(AUTHORITIES_TABLE);
    expect(table.topLeft).toBe("A5");
    expect(cells.get("A1")?.value).toBe("Regional consolidation: 7 authorities");
    expect(table.columns.map((c) => c.header)).toEqual([
      "Authority",
      "File",
      "Framework",
      "Cohort",
      "Families funded",
      "Cash envelope",
      "Secured up front",
      "At risk on results",
      "Claimed to date",
      "Families turned around",
      "Turned-around share",
      "Forecast to end",
      "Still at risk",
      "Rank by turned-around share",
    ]);
  });

  it("writes the totals as SUM formulas over the rows, cached with the exact totals", () => {
    // Rows 6 to 12, totals on row 13.
    expect(cells.get("F13")).toMatchObject({
      formula: "SUM(F6:F12)",
      value: consolidation.totals.envelope.toNumber(),
      format: "money",
    });
    expect(cells.get("J13")?.formula).toBe("SUM(J6:J12)");
    expect(cells.get("K13")).toMatchObject({
      formula: 'IF(D13=0,"",J13/D13)',
      value: consolidation.totals.turnedAroundShare!.toNumber(),
      format: "percent",
    });
    expect(cells.get("A13")?.value).toBe("Total");
  });

  it("gives each row its share and rank as formulas over its own cells", () => {
    expect(cells.get("K6")?.formula).toBe('IF(D6=0,"",J6/D6)');
    expect(cells.get("N6")?.formula).toBe('IF(K6="","",RANK(K6,$K$6:$K$12))');
    consolidation.rows.forEach((row, i) => {
      expect(cells.get(`N${6 + i}`)?.value).toBe(row.rank);
      expect(cells.get(`F${6 + i}`)?.value).toBe(row.envelope.toNumber());
    });
  });

  it("lists the files not included below the totals, and charts the authorities", () => {
    expect(cells.get("A15")?.value).toBe("Not included (these workbooks could not be read)");
    expect(cells.get("A16")?.value).toBe("broken.xlsx");
    expect(cells.get("B16")?.value).toMatch(/^Claims!C12: /);
    expect(sheet.charts.map((c) => [c.title, c.categories, c.anchor])).toEqual([
      ["Cash envelope by authority: secured and at risk", "'Consolidated'!$A$6:$A$12", "A18"],
      ["Families by authority: cohort and turned around", "'Consolidated'!$A$6:$A$12", "H18"],
    ]);
    // The print area reaches the charts.
    expect(sheet.print?.area).toMatch(/^A5:N37$/);
  });
});

describe("shownFiles", () => {
  it("shows a file by its name, or by its path where two folders hold the same name", () => {
    const shown = shownFiles(["north/a.xlsx", "south/a.xlsx", "south/b.xlsx", "c:\\la\\c.xlsx"]);
    expect(["north/a.xlsx", "south/a.xlsx", "south/b.xlsx", "c:\\la\\c.xlsx"].map(shown)).toEqual([
      "north/a.xlsx",
      "south/a.xlsx",
      "b.xlsx",
      "c.xlsx",
    ]);
  });
});

describe("consolidationPlan for many authorities", () => {
  it("draws each chart the table's full width, one under the other", () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ ...figures[i % 7], name: `LA ${i + 1}` }));
    const [sheet] = consolidationPlan(consolidate(many)).sheets;
    // Rows 6 to 18, totals on 19; the charts from row 21.
    expect(sheet.charts.map((c) => [c.anchor, c.to])).toEqual([
      ["A21", "N40"],
      ["A42", "N61"],
    ]);
    expect(sheet.print?.area).toBe("A5:N61");
  });
});
