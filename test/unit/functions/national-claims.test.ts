import { serialFromIso } from "../../../src/engine/dates";
import { isError } from "../../../src/engine/errors";
import { ExcelArg, ExcelScalar } from "../../../src/functions/excel-args";
import { callFunction, findFunction } from "../../../src/functions/table";
import { nationalInputs, random } from "../../support/national";

/*
 * TF.PBR_FORECAST and TF.RESULTS_FOR_CLAIMS over one authority's generated claim log (21,384
 * rows, as a council would select its columns): a fault in one cell far down gives an Excel
 * error naming that row, and the unfaulted ranges give the same figures before and after.
 */
const national = nationalInputs(7, { authorities: 8, claimRows: 60_000 });
const log = national.reduce((a, b) => (b.claims.length > a.claims.length ? b : a)).claims;

type Column = ExcelScalar[][];
const column = (values: ExcelScalar[]): Column => values.map((v) => [v]);
const DATES = column(log.map(([date]) => serialFromIso(date)!));
const COUNTS = column(log.map(([, , families]) => families));
const OUTCOMES = column(log.map(([, outcome]) => outcome));
const FORECAST_DATE = serialFromIso("2020-06-30")!;

function call(id: string, ...args: ExcelArg[]) {
  const result = callFunction(findFunction(id)!, args);
  return isError(result) ? result.toString() : result;
}
const forecast = (dates: Column, counts: Column) =>
  call("TF_PBR_FORECAST", dates, counts, FORECAST_DATE);
const results = (outcomes: Column, counts: Column) =>
  call("TF_RESULTS_FOR_CLAIMS", outcomes, counts, 1, "phase2");

/** A copy of a column with one cell changed (the 1-based range row). */
const spoil = (range: Column, row: number, value: ExcelScalar): Column =>
  range.map((cells, i) => (i === row - 1 ? [value] : cells));

/** FORECAST.LINEAR on the running total, in plain floating point: the figure to compare with. */
function expectedForecast(): number {
  let total = 0;
  const x = DATES.map(([d]) => d as number);
  const y = COUNTS.map(([c]) => (total += c as number));
  const mean = (v: number[]) => v.reduce((s, n) => s + n, 0) / v.length;
  const [mx, my] = [mean(x), mean(y)];
  let sxy = 0;
  let sxx = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i] - my);
    sxx += (xi - mx) ** 2;
  });
  return Math.max(0, my + (sxy / sxx) * (FORECAST_DATE - mx));
}

const next = random(99);
const farDown = () => 10_001 + Math.floor(next() * (log.length - 10_001));

describe("one authority's claim log in the functions", () => {
  const clean = { forecast: forecast(DATES, COUNTS), results: results(OUTCOMES, COUNTS) };

  it("gives the figures of the clean ranges: £800 a family, and the linear forecast", () => {
    expect(log.length).toBeGreaterThan(20_000);
    const families = log.reduce((s, [, , n]) => s + n, 0);
    expect(clean.results).toBe(families * 800);
    expect(clean.forecast).toBeCloseTo(expectedForecast(), 6);
  });

  it("names the row of text in one count, and the clean ranges are unchanged", () => {
    const row = farDown();
    const counts = spoil(COUNTS, row, "n/a");
    expect(forecast(DATES, counts)).toBe(
      `#VALUE! claim_counts row ${row} must be a number of families, not "n/a".`
    );
    expect(results(OUTCOMES, counts)).toBe(
      `#VALUE! counts row ${row} must be a number of families, not "n/a".`
    );
    expect(forecast(DATES, COUNTS)).toBe(clean.forecast);
    expect(results(OUTCOMES, COUNTS)).toBe(clean.results);
  });

  it("names the row of a blank count, date or outcome", () => {
    const row = farDown();
    expect(forecast(DATES, spoil(COUNTS, row, null))).toBe(
      `#VALUE! claim_counts row ${row} is empty: enter a number.`
    );
    expect(forecast(spoil(DATES, row, ""), COUNTS)).toBe(
      `#VALUE! claim_dates row ${row} is not a date: enter a date such as 2014-08-01 or an Excel date, not "".`
    );
    expect(results(spoil(OUTCOMES, row, null), COUNTS)).toMatch(
      new RegExp(`^#VALUE! outcomes row ${row}: an empty cell is not an outcome type`)
    );
    expect(results(OUTCOMES, spoil(COUNTS, row, null))).toBe(
      `#VALUE! counts row ${row} is empty: enter a number.`
    );
    expect(forecast(DATES, COUNTS)).toBe(clean.forecast);
    expect(results(OUTCOMES, COUNTS)).toBe(clean.results);
  });

  it("names the row of an out-of-order date by its place in the range, blank rows and all", () => {
    const row = farDown();
    const early = serialFromIso("2016-06-30")!;
    expect(forecast(spoil(DATES, row, early), COUNTS)).toBe(
      `#VALUE! claim_dates row ${row} is earlier than the row above: sort the claim history by date.`
    );
    // A selection with empty rows in it: the rows are skipped, the numbering is the range's.
    const gaps = (range: Column, value: ExcelScalar) =>
      [100, 5_000, 9_000].reduce((r, at) => spoil(r, at, null), spoil(range, row, value));
    expect(forecast(gaps(DATES, early), gaps(COUNTS, COUNTS[row - 1][0]))).toBe(
      `#VALUE! claim_dates row ${row} is earlier than the row above: sort the claim history by date.`
    );
    expect(forecast(DATES, COUNTS)).toBe(clean.forecast);
  });
});
