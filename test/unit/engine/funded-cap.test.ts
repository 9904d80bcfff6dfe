import fc from "fast-check";
import { priceClaims, profileOf } from "../../../src/engine/claims";
import {
  CashEnvelope,
  EnvelopeInput,
  cashEnvelope,
  centralMoney,
  fundFirstAttached,
  pbrAtRisk,
} from "../../../src/engine/envelope";
import { dec } from "../../../src/engine/money";
import { pbrRisk } from "../../../src/engine/risk";
import { claim, decs, fails, fastTrack, ok, phase1, phase2, pounds } from "./fixtures";

/** A phase 1 cohort of 730 with 300, 250 and 180 attached: 5/6 × 730 = 608.33 → 608 funded. */
const cohort730 = (extra: Partial<EnvelopeInput> = {}): CashEnvelope =>
  ok(cashEnvelope({ framework: phase1, cohort: dec(730), profile: decs(300, 250, 180), ...extra }));

const byRow = (envelope: CashEnvelope) =>
  envelope.rows.map((row) => [
    row.year.label,
    row.attached.toNumber(),
    row.families.toNumber(),
    row.beyondFunded.toNumber(),
    pounds(row.attachment),
    pounds(row.results),
  ]);

describe("fees and results are paid for the funded families only", () => {
  it("730 attached against 608 funded: year 1's 300, year 2's 250, then 58 of year 3's 180", () => {
    const envelope = cohort730();
    expect(byRow(envelope)).toEqual([
      // 300 × (3200 + 800), 250 × (2400 + 1600), 58 × (1600 + 2400)
      ["2012/13", 300, 300, 0, "960000.00", "240000.00"],
      ["2013/14", 250, 250, 0, "600000.00", "400000.00"],
      ["2014/15", 180, 58, 122, "92800.00", "139200.00"],
    ]);
    expect(envelope.funded.toNumber()).toBe(608);
    expect(envelope.fundedNumber?.toNumber()).toBe(608);
    expect(envelope.totals.attached.toNumber()).toBe(730);
    expect(envelope.totals.beyondFunded.toNumber()).toBe(122);
    expect(pounds(envelope.totals.attachment)).toBe("1652800.00");
    expect(pounds(envelope.totals.results)).toBe("779200.00");
    expect(pounds(envelope.totals.total)).toBe("2432000.00");
  });

  it("the cells that need only totals agree with the capped table", () => {
    const input: EnvelopeInput = {
      framework: phase1,
      cohort: dec(730),
      profile: decs(300, 250, 180),
    };
    expect(pounds(ok(pbrAtRisk(input)))).toBe("779200.00");
    expect(pounds(ok(centralMoney(input)).total)).toBe("2432000.00");
  });

  it("an agreed funded number drives an attachment profile: 608 as 5/6, 500 stops in year 2", () => {
    expect(pounds(cohort730({ fundedOverride: dec(608) }).totals.total)).toBe("2432000.00");
    const agreed = cohort730({ fundedOverride: dec(500) });
    expect(byRow(agreed)).toEqual([
      ["2012/13", 300, 300, 0, "960000.00", "240000.00"],
      ["2013/14", 250, 200, 50, "480000.00", "320000.00"],
      ["2014/15", 180, 0, 180, "0.00", "0.00"],
    ]);
    expect(agreed.funded.toNumber()).toBe(500);
    expect(pounds(agreed.totals.total)).toBe("2000000.00");
  });

  it("keeps a fractional funded number with rounding none: 608.33 funded, 58.33 in year 3", () => {
    const envelope = cohort730({ rounding: "none" });
    expect(envelope.rows[2].families.toDecimalPlaces(4).toNumber()).toBe(58.3333);
    expect(pounds(envelope.rows[2].attachment)).toBe("93333.33");
    expect(pounds(envelope.totals.total)).toBe("2433333.33");
  });

  it("changes nothing when fewer families are attached than are funded", () => {
    const envelope = ok(
      cashEnvelope({ framework: phase1, cohort: dec(705), profile: decs(200, 150) })
    );
    expect(byRow(envelope)).toEqual([
      ["2012/13", 200, 200, 0, "640000.00", "160000.00"],
      ["2013/14", 150, 150, 0, "360000.00", "240000.00"],
    ]);
    expect(envelope.funded.toNumber()).toBe(350);
    expect(pounds(envelope.totals.total)).toBe("1400000.00");
  });

  it("keeps Barnet's figures: 294 + 294 attached of 588 funded, £2,352,000 and £705,600 at risk", () => {
    const envelope = ok(
      cashEnvelope({ framework: fastTrack, cohort: dec(705), profile: decs(294, 294) })
    );
    expect(envelope.totals.beyondFunded.toNumber()).toBe(0);
    expect(pounds(envelope.totals.total)).toBe("2352000.00");
    expect(pounds(envelope.totals.results)).toBe("705600.00");
  });

  it("funds every attached family when neither a cohort nor an agreed number is given", () => {
    const envelope = ok(cashEnvelope({ framework: phase1, profile: decs(300, 250, 180) }));
    expect(envelope.funded.toNumber()).toBe(730);
    expect(envelope.fundedNumber).toBeUndefined();
    expect(pounds(envelope.totals.total)).toBe("2920000.00");
  });

  it("caps a phase 2 profile at its cohort (no 5/6 rule there)", () => {
    const envelope = ok(cashEnvelope({ framework: phase2, cohort: dec(700), profile: decs(527) }));
    expect(pounds(envelope.totals.attachment)).toBe("527000.00");
    const over = ok(cashEnvelope({ framework: phase2, cohort: dec(452), profile: decs(527) }));
    expect(over.totals.beyondFunded.toNumber()).toBe(75);
    expect(pounds(over.totals.attachment)).toBe("452000.00");
  });

  it("still refuses an agreed number above the cohort", () => {
    const input = { framework: phase1, cohort: dec(730), profile: decs(300, 250, 180) };
    expect(fails(cashEnvelope({ ...input, fundedOverride: dec(731) })).message).toMatch(
      /the funded number \(731\) is more than the cohort \(730\)/
    );
  });

  it("pays results for funded families only: claims draw on the funded profile", () => {
    const envelope = cohort730();
    expect(profileOf(envelope).map((f) => f.toNumber())).toEqual([300, 250, 58]);
    const priced = ok(
      priceClaims(phase1, [claim("2014-08-31", "crime-asb-education", 608)], profileOf(envelope))
    );
    // 300 × £700 + 250 × £1,500 + 58 × £2,300 (the year-3 families beyond 58 earn nothing);
    // years 2 and 3 inferred from the March 2012 per-family totals: £681,800 at £1,400/£2,100.
    expect(pounds(priced[0].amount)).toBe("718400.00");
    const risk = ok(pbrRisk(envelope, priced));
    expect(risk.years.map((y) => y.attached.toNumber())).toEqual([300, 250, 58]);
    expect(pounds(risk.totals.maximum)).toBe("779200.00");
    expect(
      fails(
        priceClaims(phase1, [claim("2014-08-31", "crime-asb-education", 609)], profileOf(envelope))
      ).message
    ).toMatch(/609 families are claimed .* more than the 608 families attached and funded/);
  });
});

describe("fundFirstAttached", () => {
  it("is first attached, first funded", () => {
    expect(fundFirstAttached(decs(300, 250, 180), dec(608)).map((f) => f.toNumber())).toEqual([
      300, 250, 58,
    ]);
    expect(fundFirstAttached(decs(0, 400, 400), dec(500)).map((f) => f.toNumber())).toEqual([
      0, 400, 100,
    ]);
  });
});

describe("properties of the funded cap", () => {
  const attachedArb = fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 3 });

  it("envelope = families funded × £4,000, funded = min(attached, 5/6 of the cohort), whatever the profile", () => {
    fc.assert(
      fc.property(attachedArb, fc.integer({ min: 0, max: 3000 }), (attached, cohort) => {
        const envelope = ok(
          cashEnvelope({ framework: phase1, cohort: dec(cohort), profile: decs(...attached) })
        );
        const fundedNumber = Math.floor((cohort * 5) / 6 + 0.5); // half up
        const totalAttached = attached.reduce((a, b) => a + b, 0);
        const funded = Math.min(totalAttached, fundedNumber);
        expect(envelope.funded.toNumber()).toBe(funded);
        // Phase 1's per-family maximum is £4,000 in every year (attachment + results).
        expect(envelope.totals.total.toNumber()).toBe(funded * 4000);
        expect(envelope.totals.beyondFunded.toNumber()).toBe(totalAttached - funded);
      })
    );
  });

  it("no year's funded families exceed its attached ones, and earlier years are funded first", () => {
    fc.assert(
      fc.property(attachedArb, fc.integer({ min: 0, max: 3000 }), (attached, funded) => {
        const envelope = ok(
          cashEnvelope({
            framework: phase1,
            profile: decs(...attached),
            fundedOverride: dec(funded),
          })
        );
        envelope.rows.forEach((row, i) => {
          expect(row.families.lessThanOrEqualTo(row.attached)).toBe(true);
          expect(row.families.isNegative()).toBe(false);
          expect(row.families.plus(row.beyondFunded).equals(row.attached)).toBe(true);
          // A later year is funded only once every earlier attached family is.
          if (row.families.greaterThan(0))
            for (const earlier of envelope.rows.slice(0, i))
              expect(earlier.beyondFunded.isZero()).toBe(true);
        });
      })
    );
  });
});
