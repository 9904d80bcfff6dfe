import { evaluate } from "../../../src/functions/excel-boundary";
import { ExcelArg } from "../../../src/functions/excel-args";

/**
 * A whole column (A:A, 1,048,576 rows, nearly all blank) is a normal thing to pass in Excel.
 * Ranges past 125,000 rows once answered "Maximum call stack size exceeded" (a spread into
 * Math.max). The figures must be those of the filled rows alone.
 */
const ROWS = 1_048_576;

/** A whole column holding `values` at its top and blanks below, as Excel passes it. */
function column(values: (string | number)[]): ExcelArg {
  const cells: (string | number | null)[][] = new Array(ROWS);
  for (let r = 0; r < ROWS; r++) cells[r] = [r < values.length ? values[r] : null];
  return cells as ExcelArg;
}

describe("whole columns as ranges", () => {
  it("TF_RESULTS_FOR_CLAIMS over A:A and B:B prices the filled rows", () => {
    const outcomes = column([
      "Crime/ASB and education",
      "Progress to work",
      "Continuous employment",
    ]);
    const counts = column([58, 4, 6]);
    // 58 × £700 + 4 × £100 + 6 × £800 in year 1.
    expect(evaluate("TF_RESULTS_FOR_CLAIMS", [outcomes, counts, 1])).toBe(45800);
  });

  it("TF_PBR_FORECAST over whole columns of dates and counts", () => {
    const dates = column(["2013-07-31", "2013-10-31", "2014-02-28", "2014-05-31", "2014-08-31"]);
    const counts = column([58, 77, 91, 87, 77]);
    const whole = evaluate("TF_PBR_FORECAST", [dates, counts, "2015-05-31", 705]);
    const short = evaluate("TF_PBR_FORECAST", [
      [["2013-07-31"], ["2013-10-31"], ["2014-02-28"], ["2014-05-31"], ["2014-08-31"]],
      [[58], [77], [91], [87], [77]],
      "2015-05-31",
      705,
    ]);
    expect(whole).toEqual(short);
    expect(typeof whole).toBe("number");
  });
});
