import {
  planCellsOf,
  parseQualifiedRange,
  planSheetCells,
} from "../../../src/workbook/plan-ranges";
import { WorkbookPlan } from "../../../src/workbook/plan-types";
import { samplePlan } from "../../../src/workbook/sample";
import { columnLetters, parseAddress } from "../../../src/workbook/snapshot";
import { authoritySheets, nationalInputs } from "../../support/national";
import { planFrom } from "../../support/plan-from";

/**
 * The plan's charts (drawn natively by both writers) chart cells the plan writes, sit clear of
 * every cell the plan writes, and add up to the headline figures: for the sample (Barnet's 705,
 * 588 funded) a £2,352,000 envelope of which £705,600 depends on results.
 */
const sample = planFrom(samplePlan().sheets);
const plans: [string, WorkbookPlan][] = [
  ["the sample", sample],
  ...nationalInputs(7, { authorities: 3, claimRows: 600 }).map(
    (input, i): [string, WorkbookPlan] => [
      `national authority ${i + 1}`,
      planFrom(authoritySheets(input)),
    ]
  ),
  ...nationalInputs(11, { authorities: 2, claimRows: 400, framework: "phase1" }).map(
    (input, i): [string, WorkbookPlan] => [
      `phase 1 authority ${i + 1}`,
      planFrom(authoritySheets(input)),
    ]
  ),
];

const chartOn = (plan: WorkbookPlan, sheet: string) => {
  const charts = plan.sheets.find((s) => s.name === sheet)!.charts;
  expect(charts).toHaveLength(1);
  return charts[0];
};
const numbers = (plan: WorkbookPlan, range: string) =>
  planCellsOf(plan, range).map((cell) => cell?.value);

describe.each(plans)("%s: the charts", (_, plan) => {
  const charts = plan.sheets.flatMap((sheet) => sheet.charts.map((chart) => ({ sheet, chart })));

  it("are on the cash envelope and PbR risk sheets", () => {
    expect(charts.map(({ sheet }) => sheet.name)).toEqual(["Cash envelope", "PbR risk"]);
  });

  it("chart year labels and £ the plan writes, each series named by its column's header", () => {
    for (const { chart } of charts) {
      const years = planCellsOf(plan, chart.categories);
      expect(years.length).toBeGreaterThan(0);
      for (const year of years) expect(year?.value).toMatch(/^\d{4}\/\d{2}$/);
      for (const series of chart.series) {
        const values = planCellsOf(plan, series.values);
        expect(values).toHaveLength(years.length);
        for (const cell of values) {
          expect(typeof cell?.value).toBe("number");
          expect(cell?.format).toBe("money");
        }
        const { sheet, first } = parseQualifiedRange(series.values);
        const header = planSheetCells(plan.sheets.find((s) => s.name === sheet)!);
        expect(header.get(`${columnLetters(first.column)}${first.row - 1}`)?.value).toBe(
          series.name
        );
      }
    }
  });

  it("cover no cell the plan writes", () => {
    for (const { sheet, chart } of charts) {
      const from = parseAddress(chart.anchor)!;
      const to = parseAddress(chart.to)!;
      expect(to.row).toBeGreaterThan(from.row + 10);
      expect(to.column).toBeGreaterThan(from.column + 1);
      const covered = [...planSheetCells(sheet).entries()].filter(([at, cell]) => {
        const { row, column } = parseAddress(at)!;
        const inside =
          row >= from.row && row <= to.row && column >= from.column && column <= to.column;
        return inside && cell.value !== null && cell.value !== "";
      });
      expect(covered).toEqual([]);
    }
  });

  it("add up to the envelope and the results at risk, year by year", () => {
    const envelope = chartOn(plan, "Cash envelope");
    expect(envelope.kind).toBe("column-stacked");
    const [attachment, results] = envelope.series.map((s) => numbers(plan, s.values) as number[]);
    const sum = (list: number[]) => Math.round(list.reduce((s, n) => s + n, 0) * 100) / 100;
    expect(sum([...attachment, ...results])).toBe(plan.summary.envelope);
    expect(sum(results)).toBe(plan.summary.atRisk);
    const risk = chartOn(plan, "PbR risk");
    expect(risk.kind).toBe("column-clustered");
    const [maximum, claimed, forecast] = risk.series.map(
      (s) => numbers(plan, s.values) as number[]
    );
    expect(sum(maximum)).toBe(plan.summary.atRisk);
    expect(sum(claimed)).toBe(plan.summary.claimedToDate);
    expect(sum(forecast)).toBe(plan.summary.forecastToEnd);
  });
});

it("the sample's envelope chart: attachment £940,800 + results £235,200, then £705,600 + £470,400", () => {
  const envelope = chartOn(sample, "Cash envelope");
  expect(envelope.series.map((s) => numbers(sample, s.values))).toEqual([
    [940_800, 705_600],
    [235_200, 470_400],
  ]);
  expect(numbers(sample, envelope.categories)).toEqual(["2012/13", "2013/14"]);
});
