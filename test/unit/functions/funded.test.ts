import { isError } from "../../../src/engine/errors";
import { ExcelArg, ExcelValue } from "../../../src/functions/excel-args";
import { callFunction, findFunction } from "../../../src/functions/table";

function result(id: string, ...args: ExcelArg[]) {
  const spec = findFunction(id);
  if (!spec) throw new Error(`no function ${id}`);
  return callFunction(spec, args);
}

function call(id: string, ...args: ExcelArg[]): ExcelValue {
  const value = result(id, ...args);
  if (isError(value)) throw new Error(`${id}: ${value.toString()}`);
  return value;
}

/**
 * The cells pay the funded number only: 5/6 of a cohort of 730 is 608 families, or the agreed
 * number in `funded`, never the whole cohort, and never more than the cohort.
 */
describe("TF_ENVELOPE and TF_PBR_RISK pay the funded families only", () => {
  it("a cohort of 730 over 3 years funds 608: £2,432,000, of which £972,000 at risk", () => {
    const table = call("TF_ENVELOPE", 730, 3, "phase1") as ExcelValue[][];
    // 608 = 203 + 203 + 202: whole families, the remainder to the earliest years.
    expect(table.map((row) => row[1])).toEqual(["Families funded", 203, 203, 202, 608]);
    // Attachment 203 × 3200 + 203 × 2400 + 202 × 1600; results 203 × 800 + 203 × 1600 + 202 × 2400.
    expect(table[4]).toEqual(["Total", 608, 1460000, 972000, 2432000]);
    expect(call("TF_PBR_RISK", 730, 3, "phase1")).toBe(972000);
  });

  it("an agreed funded number replaces 5/6 of the cohort: 500 → £2,000,000", () => {
    const table = call("TF_ENVELOPE", 730, 3, "phase1", null, 500) as ExcelValue[][];
    // 167 + 167 + 166: results 167 × 800 + 167 × 1600 + 166 × 2400 = £799,200.
    expect(table[4]).toEqual(["Total", 500, 1200800, 799200, 2000000]);
    expect(call("TF_PBR_RISK", 730, 3, "phase1", null, 500)).toBe(799200);
  });

  it("refuses an agreed number above the cohort", () => {
    for (const id of ["TF_ENVELOPE", "TF_PBR_RISK"]) {
      const error = result(id, 730, 3, "phase1", null, 731);
      expect(isError(error) && error.message).toMatch(
        /the funded number \(731\) is more than the cohort \(730\)/
      );
    }
  });
});
