import { isError } from "../../../src/engine/errors";
import { ExcelArg } from "../../../src/functions/excel-args";
import { callFunction, findFunction } from "../../../src/functions/table";

function call(id: string, ...args: ExcelArg[]) {
  const spec = findFunction(id);
  if (!spec) throw new Error(`no function ${id}`);
  const result = callFunction(spec, args);
  return isError(result) ? result.toString() : result;
}

describe("TF_RESULTS_FOR_CLAIMS", () => {
  it("prices Rotherham's claims at year-1 rates: £339,100", () => {
    const outcomes = [
      ["Education & Crime / Anti-Social Behaviour"],
      ["Progress to work"],
      ["Continuous employment"],
      ["Continuous employment (following previous claim for ASB / Education)"],
      ["All adults remain in work throughout intervention"],
    ];
    expect(call("TF_RESULTS_FOR_CLAIMS", outcomes, [[435], [27], [38], [10], [5]], 1)).toBe(339100);
  });

  it("prices B&NES's 212 phase 2 results at £169,600", () => {
    expect(
      call("TF_RESULTS_FOR_CLAIMS", [["sustained-progress"]], [[212]], "2016/17", "phase2")
    ).toBe(169600);
  });

  it("pays year-2 families at year-2 rates", () => {
    expect(
      call("TF_RESULTS_FOR_CLAIMS", [["crime-asb-education", "progress-to-work"]], [[10, 10]], 2)
    ).toBe(16000);
  });

  it("refuses an outcome the framework does not pay for", () => {
    expect(call("TF_RESULTS_FOR_CLAIMS", [["progress-to-work"]], [[5]], 1, "phase2")).toMatch(
      /^#VALUE! outcomes row 1: the phase2 framework does not pay a result for Progress to work/
    );
  });
});

describe("TF_OUTCOMES_NEEDED", () => {
  it("rounds up to whole families: £100,000 of crime/ASB/education results at £700 needs 143", () => {
    expect(call("TF_OUTCOMES_NEEDED", 100000, "crime-asb-education", 1)).toBe(143);
    expect(call("TF_OUTCOMES_NEEDED", "£705,600", "continuous-employment", 2)).toBe(441);
    expect(call("TF_OUTCOMES_NEEDED", 0, "continuous-employment", 2)).toBe(0);
  });

  it("says when an outcome pays nothing", () => {
    expect(
      call("TF_OUTCOMES_NEEDED", 1000, "sustained-progress", 1, "phase2-earned-autonomy")
    ).toMatch(/^#DIV\/0! .*pays nothing/);
  });
});

describe("TF_BREAK_EVEN_RATE", () => {
  it("Barnet: to bring in £2,000,000 the fast-track cohort must achieve 50.11% of its results", () => {
    // £2,000,000 − £1,646,400 attachment = £353,600 of the £705,600 results maximum.
    expect(call("TF_BREAK_EVEN_RATE", 705, 2000000, 2, "phase1-fast-track")).toBeCloseTo(
      353600 / 705600,
      12
    );
  });

  it("is 0 when the attachment fees alone cover the cost, and an error beyond the envelope", () => {
    expect(call("TF_BREAK_EVEN_RATE", 705, 1000000, 2)).toBe(0);
    expect(call("TF_BREAK_EVEN_RATE", 705, 2352000, 2)).toBe(1);
    expect(call("TF_BREAK_EVEN_RATE", 705, 2352001, 2)).toMatch(
      /^#NUM! even if every family achieved every result, central money is £2,352,000/
    );
  });
});

describe("the programme calendar", () => {
  it("names the financial year of a date", () => {
    expect(call("TF_FINANCIAL_YEAR", "2014-02-28")).toBe("2013/14");
    expect(call("TF_FINANCIAL_YEAR", "2014-04-01")).toBe("2014/15");
    expect(call("TF_FINANCIAL_YEAR", 41729)).toBe("2013/14"); // 2014-03-31
  });

  it("finds the next claim window", () => {
    expect(call("TF_NEXT_CLAIM_WINDOW", "2014-03-01")).toBe(41790); // 2014-05-31
    expect(call("TF_NEXT_CLAIM_WINDOW", "2014-05-31")).toBe(41790);
    expect(call("TF_NEXT_CLAIM_WINDOW", "2016-01-05", "phase2")).toBe(42460); // 2016-03-31
    expect(call("TF_NEXT_CLAIM_WINDOW", "2015-06-01")).toMatch(
      /^#N\/A 2015-06-01 is after the phase1 framework's last claim window \(2015-05-31\)/
    );
  });
});

describe("TF_EMPLOYMENT_SHARE", () => {
  it("Rotherham, August 2014: 38 of 473 = 8.0%, below the 10% target", () => {
    expect(call("TF_EMPLOYMENT_SHARE", 38, 473)).toBeCloseTo(0.0803383, 6);
  });

  it("refuses more employment results than families turned around", () => {
    expect(call("TF_EMPLOYMENT_SHARE", 474, 473)).toMatch(
      /^#NUM! 474 employment results is more than the 473 families/
    );
  });
});

describe("TF_EXPECTED_CLAWBACK (FUNDING_RULES.md: DCLG FOI answer 2015, spot checks)", () => {
  it("the sample's £350,600 claimed: £736.26 at 2.1% checked × 10% invalid (was a flat 2%: £7,012)", () => {
    expect(call("TF_EXPECTED_CLAWBACK", 350600)).toBe(736.26);
  });

  it("early rounds' 2.5% invalid, given as text the way a cell holds it", () => {
    // 339,100 × 0.021 × 0.025 = 178.0275 → £178.03
    expect(call("TF_EXPECTED_CLAWBACK", 339100, "2.1%", 0.025)).toBe(178.03);
  });

  it("refuses a share over 100%, naming it", () => {
    expect(call("TF_EXPECTED_CLAWBACK", 100, 1.5)).toMatch(
      /^#NUM! checked must be a share between 0 and 1 .*not 1.5/
    );
  });
});

describe("TF_YEAR2_RELEASE (FUNDING_RULES.md: The MJ and LGC reports, 2013)", () => {
  it("defers, not withholds, £470,400 under a third: 99 of 300 (was 'withheld')", () => {
    expect(call("TF_YEAR2_RELEASE", 300, 99, 470400)).toEqual([
      ["When", "£"],
      ["Q1 2013/14", 0],
      ["July to September 2013/14", 0],
      ["Deferred until improved performance", 470400],
    ]);
  });

  it("pays half in Q1 at exactly a third (100 of 300), the rest July to September", () => {
    expect(call("TF_YEAR2_RELEASE", 300, 100, 470400)).toEqual([
      ["When", "£"],
      ["Q1 2013/14", 235200],
      ["July to September 2013/14", 235200],
      ["Deferred until improved performance", 0],
    ]);
  });

  it("is refused for phase 2, which has no year-2 release (framework data, not an id test)", () => {
    expect(call("TF_YEAR2_RELEASE", 300, 99, 470400, "phase2")).toMatch(
      /^#VALUE! the phase2 framework has no year-2 attachment release \(a phase 1 rule/
    );
    expect(
      (call("TF_YEAR2_RELEASE", 300, 99, 470400, "phase1-fast-track") as unknown[][])[3]
    ).toEqual(["Deferred until improved performance", 470400]);
  });

  it("pays in full at 75% (225 of 300)", () => {
    expect((call("TF_YEAR2_RELEASE", 300, 225, 470400) as unknown[][])[1]).toEqual([
      "Q1 2013/14",
      470400,
    ]);
  });
});
