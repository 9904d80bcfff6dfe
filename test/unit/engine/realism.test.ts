import { priceClaims } from "../../../src/engine/claims";
import { dec } from "../../../src/engine/money";
import { clawbackAllowance, resultsCashTiming, yearTwoRelease } from "../../../src/engine/realism";
import { ROTHERHAM, claim, day, decs, fails, ok, phase1, pounds } from "./fixtures";

describe("clawbackAllowance", () => {
  it("holds back 2% of Rotherham's £339,100 (DCLG's spot-check rate)", () => {
    const result = ok(clawbackAllowance(dec(339100), dec("0.02")));
    expect([pounds(result.allowance), pounds(result.net)]).toEqual(["6782.00", "332318.00"]);
  });

  it("holds back 10% as a cautious allowance", () => {
    const result = ok(clawbackAllowance(dec(339100), dec("0.1")));
    expect([pounds(result.allowance), pounds(result.net)]).toEqual(["33910.00", "305190.00"]);
  });

  it("rounds the allowance to the penny and keeps allowance + net = claimed", () => {
    // 2% of £1,234.56 = £24.6912 → £24.69; net £1,209.87.
    const result = ok(clawbackAllowance(dec("1234.56"), dec("0.02")));
    expect([pounds(result.allowance), pounds(result.net)]).toEqual(["24.69", "1209.87"]);
    expect(result.allowance.plus(result.net).equals(result.claimed)).toBe(true);
  });

  it("accepts the ends of the range", () => {
    expect(pounds(ok(clawbackAllowance(dec(100), dec(0))).allowance)).toBe("0.00");
    expect(pounds(ok(clawbackAllowance(dec(100), dec(1))).net)).toBe("0.00");
  });

  it("rejects a rate outside 0 to 1 and a negative claimed amount", () => {
    expect(fails(clawbackAllowance(dec(100), dec("1.1"))).message).toBe(
      "the invalid-claim rate must be between 0% and 100%, not 1.1."
    );
    expect(fails(clawbackAllowance(dec(100), dec("-0.02"))).kind).toBe("num");
    expect(fails(clawbackAllowance(dec(-1), dec("0.02"))).message).toBe(
      "the claimed amount cannot be negative (-1)."
    );
    expect(fails(clawbackAllowance(dec(1e13), dec("0.02"))).kind).toBe("num");
  });
});

describe("yearTwoRelease", () => {
  const attachment = dec(470400);
  const release = (commitment: number, workedWith: number, amount = attachment) =>
    ok(
      yearTwoRelease(
        { commitment: dec(commitment), workedWith: dec(workedWith), attachment: amount },
        phase1
      )
    );

  it("pays in full in Q1 of year 2 at exactly 75%", () => {
    const result = release(200, 150);
    expect(result.status).toBe("full");
    expect(result.ratio.toNumber()).toBe(0.75);
    expect([pounds(result.paidNow), pounds(result.paidLater), pounds(result.withheld)]).toEqual([
      "470400.00",
      "0.00",
      "0.00",
    ]);
    expect(result.paidNowIn).toBe("Q1 2013/14");
  });

  it("pays half now and half later just under 75%", () => {
    const result = release(200, 149);
    expect(result.status).toBe("half");
    expect([pounds(result.paidNow), pounds(result.paidLater), pounds(result.withheld)]).toEqual([
      "235200.00",
      "235200.00",
      "0.00",
    ]);
  });

  it("pays half at exactly 33%", () => {
    expect(release(100, 33).status).toBe("half");
  });

  it("withholds everything just under 33%", () => {
    const result = release(100, 32);
    expect(result.status).toBe("withheld");
    expect([pounds(result.paidNow), pounds(result.paidLater), pounds(result.withheld)]).toEqual([
      "0.00",
      "0.00",
      "470400.00",
    ]);
  });

  it("pays the odd penny of a half later", () => {
    const result = release(100, 50, dec("100.01"));
    expect([pounds(result.paidNow), pounds(result.paidLater)]).toEqual(["50.00", "50.01"]);
  });

  it("says when without naming a quarter if no framework is given", () => {
    const result = ok(
      yearTwoRelease({ commitment: dec(10), workedWith: dec(10), attachment: dec(1) })
    );
    expect(result.paidNowIn).toBeUndefined();
  });

  it("rejects a zero commitment, negative families and negative money", () => {
    expect(
      fails(yearTwoRelease({ commitment: dec(0), workedWith: dec(1), attachment: attachment }))
        .message
    ).toBe("the year-1 commitment must be more than 0 families to work out the year-2 release.");
    expect(
      fails(yearTwoRelease({ commitment: dec(10), workedWith: dec(-1), attachment: attachment }))
        .kind
    ).toBe("num");
    expect(
      fails(yearTwoRelease({ commitment: dec(10), workedWith: dec(1), attachment: dec(-5) }))
        .message
    ).toBe("the year-2 attachment cannot be negative (-5).");
  });
});

describe("resultsCashTiming", () => {
  // Phase 1 pays one month after a window closes, at the end of that month.
  const claims = [
    claim("2013-07-15", "crime-asb-education", 10), // window 2013-07-31 → cash 2013-08-31, 2013/14
    claim("2014-02-10", "crime-asb-education", 10), // window 2014-02-28 → cash 2014-03-31, 2013/14
    claim("2014-05-20", "crime-asb-education", 10), // window 2014-05-31 → cash 2014-06-30, 2014/15
    claim("2015-01-10", "crime-asb-education", 10), // window 2015-01-31 → cash 2015-02-28, 2014/15
    claim("2015-05-01", "crime-asb-education", 10), // window 2015-05-31 → cash 2015-06-30, 2015/16
    claim("2015-07-01", "crime-asb-education", 10), // after the last window: no cash date
  ];
  const timing = () => ok(resultsCashTiming(phase1, ok(priceClaims(phase1, claims, decs(100)))));

  it("dates each window's cash at the end of the month after it closes", () => {
    expect(
      timing().windows.map((w) => [w.closes, w.arrivesIso, w.financialYear, pounds(w.amount)])
    ).toEqual([
      ["2013-07-31", "2013-08-31", "2013/14", "7000.00"],
      ["2014-02-28", "2014-03-31", "2013/14", "7000.00"],
      ["2014-05-31", "2014-06-30", "2014/15", "7000.00"],
      ["2015-01-31", "2015-02-28", "2014/15", "7000.00"],
      ["2015-05-31", "2015-06-30", "2015/16", "7000.00"],
    ]);
    expect(timing().windows[0].arrives).toBe(day("2013-08-31"));
  });

  it("sums the cash by the financial year it arrives in", () => {
    const result = timing();
    expect(result.byFinancialYear.map((y) => [y.label, pounds(y.amount)])).toEqual([
      ["2013/14", "14000.00"],
      ["2014/15", "14000.00"],
      ["2015/16", "7000.00"],
    ]);
    expect(pounds(result.total)).toBe("35000.00");
    expect([result.afterLastWindow.claims, pounds(result.afterLastWindow.amount)]).toEqual([
      1,
      "7000.00",
    ]);
  });

  it("moves the cash with a longer payment lag", () => {
    const slow = { ...phase1, paymentLagMonths: 3 };
    const result = ok(resultsCashTiming(slow, ok(priceClaims(phase1, ROTHERHAM, decs(608)))));
    // Rotherham's August 2014 claim: window 2014-08-31, cash by 2014-11-30.
    expect(result.windows.map((w) => [w.arrivesIso, pounds(w.amount)])).toEqual([
      ["2014-11-30", "339100.00"],
    ]);
  });
});
