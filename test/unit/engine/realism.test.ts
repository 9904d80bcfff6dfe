import { priceClaims } from "../../../src/engine/claims";
import { dec } from "../../../src/engine/money";
import fc from "fast-check";
import { expectedClawback, resultsCashTiming, yearTwoRelease } from "../../../src/engine/realism";
import { ROTHERHAM, claim, day, decs, fails, ok, phase1, pounds } from "./fixtures";

describe("expectedClawback (FUNDING_RULES.md: DCLG FOI answer 2015, spot checks)", () => {
  // Source: DCLG spot-checked about 2.1% of claims (freedom-of-information answer, 2015); of those
  // checked, 2-3% were invalid in early rounds and about 10% in the last.
  it("expects £712.11 back on Rotherham's £339,100: 2.1% checked × 10% invalid (was £6,782 at a flat 2%)", () => {
    const result = ok(expectedClawback(dec(339100), dec("0.021"), dec("0.1")));
    expect([pounds(result.clawback), pounds(result.net)]).toEqual(["712.11", "338387.89"]);
  });

  it("expects £178.03 with early rounds' 2.5% invalid", () => {
    // 339,100 × 0.021 × 0.025 = 178.0275 → £178.03
    const result = ok(expectedClawback(dec(339100), dec("0.021"), dec("0.025")));
    expect(pounds(result.clawback)).toBe("178.03");
  });

  it("expects the sample's £736.26 on £350,600 claimed", () => {
    expect(pounds(ok(expectedClawback(dec(350600), dec("0.021"), dec("0.1"))).clawback)).toBe(
      "736.26"
    );
  });

  it("rounds to the penny and keeps clawback + net = claimed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (pence, checked, invalid) => {
          const result = ok(
            expectedClawback(dec(pence).div(100), dec(checked).div(1000), dec(invalid).div(1000))
          );
          expect(result.clawback.plus(result.net).equals(result.claimed)).toBe(true);
          expect(result.clawback.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(result.clawback.lessThanOrEqualTo(result.claimed)).toBe(true);
        }
      )
    );
  });

  it("accepts the ends of the range", () => {
    expect(pounds(ok(expectedClawback(dec(100), dec(0), dec(1))).clawback)).toBe("0.00");
    expect(pounds(ok(expectedClawback(dec(100), dec(1), dec(1))).net)).toBe("0.00");
  });

  it("rejects a share outside 0 to 1 and a negative claimed amount, naming which", () => {
    expect(fails(expectedClawback(dec(100), dec("1.1"), dec("0.1"))).message).toBe(
      "the share of claims checked must be between 0% and 100%, not 1.1."
    );
    expect(fails(expectedClawback(dec(100), dec("0.021"), dec("-0.1"))).message).toBe(
      "the share of checked claims found invalid must be between 0% and 100%, not -0.1."
    );
    expect(fails(expectedClawback(dec(-1), dec("0.021"), dec("0.1"))).message).toBe(
      "the claimed amount cannot be negative (-1)."
    );
    expect(fails(expectedClawback(dec(1e13), dec("0.021"), dec("0.1"))).kind).toBe("num");
  });
});

describe("yearTwoRelease (FUNDING_RULES.md: The MJ and LGC reports, 2013)", () => {
  const attachment = dec(470400);
  const release = (commitment: number, workedWith: number, amount = attachment) =>
    ok(
      yearTwoRelease(
        { commitment: dec(commitment), workedWith: dec(workedWith), attachment: amount },
        phase1
      )
    );
  const money = (r: ReturnType<typeof release>) => [
    pounds(r.paidNow),
    pounds(r.paidLater),
    pounds(r.deferred),
  ];

  it("pays in full in Q1 of year 2 at exactly 75%", () => {
    const result = release(200, 150);
    expect(result.status).toBe("full");
    expect(result.ratio.toNumber()).toBe(0.75);
    expect(money(result)).toEqual(["470400.00", "0.00", "0.00"]);
    expect(result.paidNowIn).toBe("Q1 2013/14");
  });

  it("pays half in Q1 and half July to September just under 75%", () => {
    const result = release(200, 149);
    expect(result.status).toBe("half");
    expect(money(result)).toEqual(["235200.00", "235200.00", "0.00"]);
    expect(result.paidLaterIn).toBe("July to September 2013/14");
  });

  it("pays half at exactly a third (1/3 as a fraction)", () => {
    expect(release(300, 100).status).toBe("half");
    expect(release(3, 1).status).toBe("half");
  });

  it("uses 1/3, not 0.33: 33 of 100 worked with is under a third (was 'half' with 0.33)", () => {
    const result = release(100, 33);
    expect(result.status).toBe("deferred");
    expect(release(10000, 3333).status).toBe("deferred");
    expect(release(10000, 3334).status).toBe("half");
  });

  it("defers, not withholds, everything under a third: £470,400 moved to a later window (was 'withheld', lost)", () => {
    const result = release(300, 99);
    expect(result.status).toBe("deferred");
    expect(money(result)).toEqual(["0.00", "0.00", "470400.00"]);
    expect(result.deferredUntil).toBe(
      "after Q1 2013/14, once the council shows considerably improved performance (no date published)"
    );
    // Nothing is lost in any band: the three parts add up to the attachment.
    for (const worked of [0, 99, 100, 149, 150, 300]) {
      const r = release(300, worked);
      expect(r.paidNow.plus(r.paidLater).plus(r.deferred).equals(attachment)).toBe(true);
    }
  });

  it("pays the odd penny of a half later", () => {
    const result = release(100, 50, dec("100.01"));
    expect([pounds(result.paidNow), pounds(result.paidLater)]).toEqual(["50.00", "50.01"]);
  });

  it("says when without naming a quarter if no framework is given", () => {
    const result = ok(
      yearTwoRelease({ commitment: dec(10), workedWith: dec(1), attachment: dec(1) })
    );
    expect(result.paidNowIn).toBeUndefined();
    expect(result.deferredUntil).toBe(
      "once the council shows considerably improved performance (no date published)"
    );
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
