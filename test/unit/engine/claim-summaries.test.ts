import {
  claimsByAttachmentYear,
  claimsByFinancialYear,
  claimsByOutcome,
  claimsByWindow,
  turnedAroundSummary,
} from "../../../src/engine/claim-summaries";
import { priceClaims } from "../../../src/engine/claims";
import { compileFramework } from "../../../src/engine/frameworks";
import { dec } from "../../../src/engine/money";
import { ROTHERHAM, claim, decs, fails, ok, phase1, phase2, pounds } from "./fixtures";

describe("claimsByOutcome", () => {
  it("adds up Rotherham's claims by outcome type, with a total that is the sum of the rows", () => {
    const table = claimsByOutcome(ok(priceClaims(phase1, ROTHERHAM, decs(608))));
    expect(table.rows.map((r) => [r.label, r.families.toNumber(), pounds(r.amount)])).toEqual([
      ["Crime/ASB and education", 435, "304500.00"],
      ["Progress to work", 27, "2700.00"],
      ["Continuous employment", 38, "30400.00"],
      ["Continuous employment (following previous claim for ASB / Education)", 10, "1000.00"],
      ["All adults remain in work throughout intervention", 5, "500.00"],
    ]);
    expect(table.total.claims).toBe(5);
    expect(table.total.families.toNumber()).toBe(515);
    expect(pounds(table.total.amount)).toBe("339100.00");
  });

  it("merges several claims of one type", () => {
    const claims = [
      claim("2013-07-15", "crime-asb-education", 10),
      claim("2013-10-15", "crime-asb-education", 5),
    ];
    const table = claimsByOutcome(ok(priceClaims(phase1, claims, decs(100))));
    expect(table.rows).toHaveLength(1);
    expect([
      table.rows[0].claims,
      table.rows[0].families.toNumber(),
      pounds(table.rows[0].amount),
    ]).toEqual([2, 15, "10500.00"]);
  });
});

describe("claimsByFinancialYear", () => {
  it("groups claims by the financial year (1 April to 31 March) of the claim date", () => {
    const claims = [
      claim("2013-07-15", "crime-asb-education", 1),
      claim("2014-03-31", "crime-asb-education", 2),
      claim("2014-04-01", "crime-asb-education", 4),
      claim("2014-02-15", "crime-asb-education", 8),
    ];
    const table = claimsByFinancialYear(ok(priceClaims(phase1, claims, decs(100))));
    expect(table.rows.map((r) => [r.label, r.families.toNumber(), pounds(r.amount)])).toEqual([
      ["2013/14", 11, "7700.00"],
      ["2014/15", 4, "2800.00"],
    ]);
    expect(pounds(table.total.amount)).toBe("10500.00");
  });
});

describe("claimsByWindow", () => {
  // Phase 1 windows close 2013-01-31, 2013-07-31, 2013-10-31, 2014-02-28, … 2015-05-31.
  const claims = [
    claim("2013-07-31", "crime-asb-education", 1), // on the close date: window 2
    claim("2013-08-01", "crime-asb-education", 2), // the day after: window 3
    claim("2012-12-01", "crime-asb-education", 4), // window 1
    claim("2015-06-01", "crime-asb-education", 8), // after the last window
    claim("2013-10-31", "progress-to-work", 16), // window 3
  ];

  it("puts each claim in the first window closing on or after its date", () => {
    const table = ok(claimsByWindow(phase1, ok(priceClaims(phase1, claims, decs(100)))));
    expect(
      table.rows.map((r) => [r.window, r.closes, r.claims, r.families.toNumber(), pounds(r.amount)])
    ).toEqual([
      [1, "2013-01-31", 1, 4, "2800.00"],
      [2, "2013-07-31", 1, 1, "700.00"],
      [3, "2013-10-31", 2, 18, "3000.00"],
    ]);
  });

  it("keeps claims after the last window apart, without an error", () => {
    const table = ok(claimsByWindow(phase1, ok(priceClaims(phase1, claims, decs(100)))));
    expect([table.afterLastWindow.claims, pounds(table.afterLastWindow.amount)]).toEqual([
      1,
      "5600.00",
    ]);
    expect(pounds(table.total.amount)).toBe("12100.00");
  });

  it("reports a framework whose claim window is not a date", () => {
    const broken = compileFramework({ ...phase1.definition, claimWindows: ["2013-02-30"] });
    const error = fails(claimsByWindow(broken, []));
    expect(error.message).toBe(
      `claim window 1 of the phase1 framework is not a date ("2013-02-30"): write it as 2014-08-31.`
    );
  });
});

describe("claimsByAttachmentYear", () => {
  it("adds up the parts of claims by the year their families were attached", () => {
    const claims = [
      claim("2013-07-15", "crime-asb-education", 130),
      claim("2013-10-15", "progress-to-work", 50),
    ];
    const table = claimsByAttachmentYear(
      phase1,
      ok(priceClaims(phase1, claims, decs(100, 100, 100)))
    );
    // Year 1: 100 × £700 + 50 × £100 = £75,000; year 2: 30 × £1,500 = £45,000 (the year-2 rate
    // inferred from the March 2012 per-family totals; £1,400 and £42,000 before).
    expect(
      table.rows.map((r) => [r.year.label, r.claims, r.families.toNumber(), pounds(r.amount)])
    ).toEqual([
      ["2012/13", 2, 150, "75000.00"],
      ["2013/14", 1, 30, "45000.00"],
    ]);
    expect(pounds(table.total.amount)).toBe("120000.00");
  });
});

describe("turnedAroundSummary", () => {
  it("reproduces Rotherham's share turned around and employment share (seed 004)", () => {
    const summary = ok(turnedAroundSummary(phase1, ROTHERHAM, dec(730)));
    expect(summary.turnedAround.toNumber()).toBe(473); // 435 + 38
    expect(summary.share.toDecimalPlaces(4).toNumber()).toBe(0.6479);
    // The report prints 64.7%: the share cut (not rounded) to one decimal place.
    expect(summary.share.times(100).toDecimalPlaces(1, 1).toNumber()).toBe(64.7);
    expect(summary.employment.toNumber()).toBe(38);
    expect(summary.employmentShare.toDecimalPlaces(4).toNumber()).toBe(0.0803);
    expect(summary.employmentTarget?.toNumber()).toBe(0.1);
    expect(summary.employmentTargetMet).toBe(false);
  });

  it("meets the target at exactly 10%", () => {
    const claims = [
      claim("2014-08-15", "crime-asb-education", 90),
      claim("2014-08-15", "continuous-employment", 10),
    ];
    expect(ok(turnedAroundSummary(phase1, claims, dec(200))).employmentTargetMet).toBe(true);
  });

  it("has no target where the framework sets none", () => {
    const summary = ok(
      turnedAroundSummary(phase2, [claim("2016-08-15", "sustained-progress", 212)], dec(700))
    );
    expect(summary.employmentTargetMet).toBeUndefined();
    expect(summary.employmentShare.toNumber()).toBe(0);
  });

  it("refuses more families turned around than the cohort, or an empty cohort", () => {
    expect(fails(turnedAroundSummary(phase1, ROTHERHAM, dec(400))).kind).toBe("num");
    expect(fails(turnedAroundSummary(phase1, ROTHERHAM, dec(0))).kind).toBe("div0");
  });
});
