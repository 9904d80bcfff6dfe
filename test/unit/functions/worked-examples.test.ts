import { isError } from "../../../src/engine/errors";
import { ExcelArg, ExcelValue } from "../../../src/functions/excel-args";
import { callFunction, findFunction } from "../../../src/functions/table";

/** Calls a function of the public table and fails the test with its message on an error. */
function call(id: string, ...args: ExcelArg[]): ExcelValue {
  const spec = findFunction(id);
  if (!spec) throw new Error(`no function ${id}`);
  const result = callFunction(spec, args);
  if (isError(result)) throw new Error(`${id}: ${result.toString()}`);
  return result;
}

function callError(id: string, ...args: ExcelArg[]): string {
  const spec = findFunction(id);
  if (!spec) throw new Error(`no function ${id}`);
  const result = callFunction(spec, args);
  if (!isError(result))
    throw new Error(`${id} returned ${JSON.stringify(result)}, expected an error`);
  return result.toString();
}

describe("Barnet, fast-track (seed 002): cohort 705, phase 1, 2 years", () => {
  it("funds 5/6 of 705 = 587.5 families, rounded half up to 588", () => {
    expect(call("TF_ELIGIBLE", 705)).toBe(588);
  });

  it("spills the envelope: £1,176,000 a year, £2,352,000 in all", () => {
    expect(call("TF_ENVELOPE", 705, 2, "phase1-fast-track")).toEqual([
      ["Year", "Families funded", "Attachment £", "Results (PbR) £", "Total £"],
      ["2012/13", 294, 940800, 235200, 1176000],
      ["2013/14", 294, 705600, 470400, 1176000],
      ["Total", 588, 1646400, 705600, 2352000],
    ]);
  });

  it("puts £705,600 at risk on results", () => {
    expect(call("TF_PBR_RISK", 705, 2)).toBe(705600);
    expect(call("TF_PBR_RISK", 705, "", "phase1-fast-track")).toBe(705600);
  });

  it("has the same envelope over three years, with more of it at risk", () => {
    const table = call("TF_ENVELOPE", 705) as ExcelValue[][];
    expect(table[4]).toEqual(["Total", 588, 1411200, 940800, 2352000]);
    expect(call("TF_PBR_RISK", 705)).toBe(940800);
  });

  it("pays year-1 results as £700 + £100, or £800 for continuous employment (£4,000 a family)", () => {
    const attachmentPerFamily = call("TF_ATTACHMENT", 1, 1) as number;
    const crime = call("TF_RESULTS_PAYMENT", "crime-asb-education", 1) as number;
    const work = call("TF_RESULTS_PAYMENT", "progress-to-work", 1) as number;
    const employment = call("TF_RESULTS_PAYMENT", "continuous-employment", 1) as number;
    expect([attachmentPerFamily, crime, work, employment]).toEqual([3200, 700, 100, 800]);
    expect(attachmentPerFamily + crime + work).toBe(4000);
    expect(attachmentPerFamily + employment).toBe(4000);
  });
});

describe("B&NES per family (seed 000): phase 1", () => {
  it("tapers the attachment fee from £3,200 in 2012/13 to £1,600 in 2014/15", () => {
    expect(call("TF_ATTACHMENT", 1, 1)).toBe(3200);
    expect(call("TF_ATTACHMENT", 1, "2013/14")).toBe(2400);
    expect(call("TF_ATTACHMENT", 1, "2014/15")).toBe(1600);
  });

  it("keeps £4,000 central money a family in every year", () => {
    for (const year of [1, 2, 3]) {
      const total =
        (call("TF_ATTACHMENT", 1, year) as number) +
        (call("TF_RESULTS_PAYMENT", "continuous-employment", year) as number);
      expect(total).toBe(4000);
    }
  });
});

describe("B&NES phase 2 (seed 001): 527 attached, 212 results", () => {
  it("pays £527,000 of attachment fees and £169,600 of results", () => {
    expect(call("TF_ATTACHMENT", 527, 1, "phase2")).toBe(527000);
    expect(212 * (call("TF_RESULTS_PAYMENT", "sustained-progress", 1, "phase2") as number)).toBe(
      169600
    );
    expect(
      call("TF_RESULTS_PAYMENT", "Significant and sustained progress", "2016/17", "phase2")
    ).toBe(800);
  });

  it("has no 5/6 rule: 700 families over 5 years are all funded", () => {
    const table = call("TF_ENVELOPE", 700, "", "phase2") as ExcelValue[][];
    expect(table).toHaveLength(7);
    expect(table[1]).toEqual(["2015/16", 140, 140000, 112000, 252000]);
    expect(table[6]).toEqual(["Total", 700, 700000, 560000, 1260000]);
  });

  it("puts nothing at risk under earned autonomy", () => {
    expect(call("TF_PBR_RISK", 700, "", "phase2-earned-autonomy")).toBe(0);
    expect(call("TF_ATTACHMENT", 527, 1, "phase2-earned-autonomy")).toBe(948600);
  });
});

describe("Rotherham (seed 004)", () => {
  it("turned around 473 of 730 families: 64.79% (the report cuts it to 64.7%)", () => {
    const share = call("TF_TURNED_AROUND", 473, 730) as number;
    expect(share).toBeCloseTo(0.647945, 6);
    expect(Math.floor(share * 1000) / 10).toBe(64.7);
  });

  it("reads the councils' own outcome labels", () => {
    expect(call("TF_RESULTS_PAYMENT", "Education & Crime / Anti-Social Behaviour", 1)).toBe(700);
    expect(call("TF_RESULTS_PAYMENT", "Progress to work", 1)).toBe(100);
    expect(call("TF_RESULTS_PAYMENT", "Continuous employment", 1)).toBe(800);
    expect(
      call(
        "TF_RESULTS_PAYMENT",
        "Continuous employment (following previous claim for ASB / Education)",
        1
      )
    ).toBe(100);
    expect(call("TF_RESULTS_PAYMENT", "All adults remain in work throughout intervention", 1)).toBe(
      100
    );
  });

  it("prices the claims at year-1 rates: £339,100", () => {
    const claims: [string, number][] = [
      ["Education & Crime / Anti-Social Behaviour", 435],
      ["Progress to work", 27],
      ["Continuous employment", 38],
      ["Continuous employment (following previous claim for ASB / Education)", 10],
      ["All adults remain in work throughout intervention", 5],
    ];
    const total = claims.reduce(
      (sum, [label, families]) => sum + families * (call("TF_RESULTS_PAYMENT", label, 1) as number),
      0
    );
    expect(total).toBe(339100);
  });
});

describe("fractional families (the press's 1,000 × 5/6)", () => {
  it("keeps 833.33 families with rounding none: £3,333,333.33 over the programme", () => {
    expect(call("TF_ELIGIBLE", 1000, "", "none")).toBeCloseTo(833.3333333, 6);
    const table = call("TF_ENVELOPE", 1000, 3, "phase1", "none") as ExcelValue[][];
    expect(table[1].slice(2)).toEqual([888888.89, 222222.22, 1111111.11]);
    expect(table[4].slice(2)).toEqual([2000000, 1333333.33, 3333333.33]);
  });

  it("funds whole families otherwise: £3,332,000", () => {
    const table = call("TF_ENVELOPE", 1000, 3) as ExcelValue[][];
    expect(table.map((row) => row[1])).toEqual(["Families funded", 278, 278, 277, 833]);
    expect(table[4][4]).toBe(3332000);
  });

  it("rounds down when asked", () => {
    expect(call("TF_ELIGIBLE", 705, "", "down")).toBe(587);
    expect(call("TF_ELIGIBLE", 705, 0.5)).toBe(353);
    expect(call("TF_ELIGIBLE", 705, "83.3333%", "none")).toBeCloseTo(587.499765, 6);
  });

  it("uses an agreed funded number in place of 5/6 of the cohort", () => {
    const table = call("TF_ENVELOPE", 705, 2, "phase1-fast-track", "", 600) as ExcelValue[][];
    expect(table[3]).toEqual(["Total", 600, 1680000, 720000, 2400000]);
  });
});

describe("TF_PBR_FORECAST equals FORECAST.LINEAR on the running total", () => {
  // Rotherham's claim dates (July, October 2013; February, May, August 2014) with counts that
  // add up to the 473 families turned around by August 2014.
  const dates = [["2013-07-31"], ["2013-10-31"], ["2014-02-28"], ["2014-05-31"], ["2014-08-31"]];
  const counts = [[90], [85], [110], [98], [90]];

  it("matches the least-squares line computed by hand", () => {
    // x = Excel serials; y = running totals 90, 175, 285, 383, 473.
    const xs = [41486, 41578, 41698, 41790, 41882];
    const ys = [90, 175, 285, 383, 473];
    const mx = xs.reduce((a, b) => a + b) / 5;
    const my = ys.reduce((a, b) => a + b) / 5;
    const slope =
      xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) /
      xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const expected = my + slope * (42155 - mx); // 2015-05-31
    expect(call("TF_PBR_FORECAST", dates, counts, "2015-05-31")).toBeCloseTo(expected, 9);
    expect(call("TF_PBR_FORECAST", dates, counts, 42155)).toBeCloseTo(expected, 9);
  });

  it("caps the forecast at the cohort", () => {
    expect(call("TF_PBR_FORECAST", dates, counts, "2015-05-31", 600)).toBe(600);
  });

  it("asks for the history in date order and for two dates at least", () => {
    expect(
      callError("TF_PBR_FORECAST", [["2014-02-28"], ["2013-07-31"]], [[1], [2]], "2015-05-31")
    ).toMatch(/row 2 is earlier/);
    expect(callError("TF_PBR_FORECAST", [["2014-02-28"]], [[1]], "2015-05-31")).toMatch(
      /#DIV\/0!.*at least 2/
    );
    expect(callError("TF_PBR_FORECAST", dates, [[1], [2]], "2015-05-31")).toMatch(
      /claim_dates has 5 values but claim_counts has 2/
    );
  });
});
