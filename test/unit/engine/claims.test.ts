import { priceClaims, profileOf } from "../../../src/engine/claims";
import { cashEnvelope } from "../../../src/engine/envelope";
import { dec } from "../../../src/engine/money";
import { ROTHERHAM, claim, decs, fails, ok, phase1, pounds } from "./fixtures";

const THREE_HUNDREDS = decs(100, 100, 100);

describe("priceClaims: Rotherham at year-1 phase 1 rates (seed 004)", () => {
  const expected = [
    ["crime-asb-education", "304500.00"],
    ["progress-to-work", "2700.00"],
    ["continuous-employment", "30400.00"],
    ["continuous-employment-after-claim", "1000.00"],
    ["adults-in-work", "500.00"],
  ];

  it("prices every claim at the year-1 rate when a large enough year-1 profile is given", () => {
    const priced = ok(priceClaims(phase1, ROTHERHAM, decs(608)));
    expect(priced.map((c) => [c.outcome, pounds(c.amount)])).toEqual(expected);
    expect(priced.every((c) => c.parts.length === 1 && c.parts[0].year === 1)).toBe(true);
    expect(pounds(priced.reduce((t, c) => t.plus(c.amount), dec(0)))).toBe("339100.00");
  });

  it("gives the same £ when each claim names attachment year 1 (the record beats the profile)", () => {
    const named = ROTHERHAM.map((c) => ({ ...c, attachmentYear: 1 }));
    const priced = ok(priceClaims(phase1, named, decs(243, 243, 244)));
    expect(priced.map((c) => [c.outcome, pounds(c.amount)])).toEqual(expected);
    expect(priced[0].parts).toEqual([
      { year: 1, families: dec(435), rate: dec(700), amount: dec(304500) },
    ]);
  });

  it("takes the profile from an envelope's rows", () => {
    const envelope = ok(cashEnvelope({ framework: phase1, cohort: dec(730), years: 1 }));
    expect(profileOf(envelope)).toEqual(decs(608));
  });
});

describe("priceClaims: first in, first out across attachment years", () => {
  // Profile 100 a year. Crime/ASB/education claims, given out of date order:
  //   2013-07-15  60 → 60 from year 1 at £700                        = £42,000
  //   2013-10-15  70 → 40 from year 1 at £700 + 30 from year 2 at £1,500 = £28,000 + £45,000 = £73,000
  //   2014-02-15  80 → 70 from year 2 at £1,500 + 10 from year 3 at £2,300 = £105,000 + £23,000 = £128,000
  // Progress to work is filled separately, from year 1 again:
  //   2013-10-15 120 → 100 at £100 + 20 at £100 = £12,000
  // (Years 2 and 3 are inferred from the March 2012 per-family totals, FUNDING_RULES.md; at the
  // scaled £1,400/£200 and £2,100/£300 used before these were £70,000, £119,000 and £14,000.)
  const claims = [
    claim("2014-02-15", "crime-asb-education", 80),
    claim("2013-07-15", "crime-asb-education", 60),
    claim("2013-10-15", "progress-to-work", 120),
    claim("2013-10-15", "crime-asb-education", 70),
  ];

  it("splits claims across years and prices each part at its year's rate", () => {
    const priced = ok(priceClaims(phase1, claims, THREE_HUNDREDS));
    expect(priced.map((c) => c.row)).toEqual([1, 2, 3, 4]);
    expect(priced.map((c) => pounds(c.amount))).toEqual([
      "128000.00",
      "42000.00",
      "12000.00",
      "73000.00",
    ]);
    expect(priced[0].parts.map((p) => [p.year, p.families.toNumber(), pounds(p.amount)])).toEqual([
      [2, 70, "105000.00"],
      [3, 10, "23000.00"],
    ]);
    expect(priced[3].parts.map((p) => [p.year, p.families.toNumber(), pounds(p.amount)])).toEqual([
      [1, 40, "28000.00"],
      [2, 30, "45000.00"],
    ]);
    expect(priced[2].parts.map((p) => [p.year, p.families.toNumber(), pounds(p.amount)])).toEqual([
      [1, 100, "10000.00"],
      [2, 20, "2000.00"],
    ]);
  });

  it("keeps the order given for claims on the same date", () => {
    const sameDay = [
      claim("2013-07-15", "crime-asb-education", 90),
      claim("2013-07-15", "crime-asb-education", 20),
    ];
    const priced = ok(priceClaims(phase1, sameDay, THREE_HUNDREDS));
    expect(priced[0].parts.map((p) => p.year)).toEqual([1]);
    expect(priced[1].parts.map((p) => [p.year, p.families.toNumber()])).toEqual([
      [1, 10],
      [2, 10],
    ]);
  });

  it("lets claims with a known year use up that year's families first", () => {
    // Year 2 loses 50 families to the named claim, so the 160 fill 100 (y1) + 50 (y2) + 10 (y3):
    // £70,000 + £75,000 + £23,000 = £168,000 (£161,000 at the old £1,400/£2,100).
    const mixed = [
      claim("2014-01-10", "crime-asb-education", 50, { attachmentYear: 2 }),
      claim("2013-07-15", "crime-asb-education", 160),
    ];
    const priced = ok(priceClaims(phase1, mixed, THREE_HUNDREDS));
    expect(pounds(priced[0].amount)).toBe("75000.00");
    expect(pounds(priced[1].amount)).toBe("168000.00");
  });

  it("uses a known amount and shares it between the years in proportion to the rated £", () => {
    // 130 families: 100 at £700 + 30 at £1,500 = £115,000 rated; £130,000 known.
    // Year 1: 130,000 × 70,000 / 115,000 = £79,130.43; year 2 the rest, £50,869.57.
    const known = [claim("2013-07-15", "crime-asb-education", 130, { amount: dec(130000) })];
    const [priced] = ok(priceClaims(phase1, known, THREE_HUNDREDS));
    expect(priced.amountKnown).toBe(true);
    expect(pounds(priced.rated)).toBe("115000.00");
    expect(pounds(priced.amount)).toBe("130000.00");
    expect(priced.parts.map((p) => pounds(p.amount))).toEqual(["79130.43", "50869.57"]);
  });

  it("rounds a known amount to the penny and keeps the parts adding up", () => {
    const known = [claim("2013-07-15", "progress-to-work", 150, { amount: dec("1000.005") })];
    const [priced] = ok(priceClaims(phase1, known, THREE_HUNDREDS));
    // Rated 100 × £100 + 50 × £100 = £10,000 + £5,000: two thirds and a third. Year 1's two
    // thirds of £1,000.01 is £666.673…, £666.67; the last year takes the rest, £333.34.
    expect(pounds(priced.amount)).toBe("1000.01");
    expect(priced.parts.map((p) => pounds(p.amount))).toEqual(["666.67", "333.34"]);
  });

  it("prices claims for no families at £0", () => {
    const [priced] = ok(
      priceClaims(phase1, [claim("2013-07-15", "crime-asb-education", 0)], THREE_HUNDREDS)
    );
    expect(priced.parts).toEqual([]);
    expect(pounds(priced.amount)).toBe("0.00");
  });
});

describe("priceClaims: errors", () => {
  it("refuses more families claimed for one outcome than were attached", () => {
    const error = fails(
      priceClaims(phase1, [claim("2013-07-15", "crime-asb-education", 301)], THREE_HUNDREDS)
    );
    expect(error.kind).toBe("num");
    expect(error.message).toBe(
      "301 families are claimed for Crime/ASB and education or Continuous employment, more than the 300 families attached and funded: a family can claim each result once, and only a funded family earns results."
    );
  });

  it("counts both turned-around routes against one pool of families", () => {
    const error = fails(
      priceClaims(
        phase1,
        [
          claim("2013-07-15", "crime-asb-education", 200),
          claim("2013-10-15", "continuous-employment", 101),
        ],
        THREE_HUNDREDS
      )
    );
    expect(error.message).toMatch(/^301 families are claimed for Crime\/ASB and education or/);
  });

  it("places employment results after the crime/ASB/education families, in date order", () => {
    const priced = ok(
      priceClaims(
        phase1,
        [
          claim("2013-07-15", "crime-asb-education", 250),
          claim("2013-10-15", "continuous-employment", 100),
        ],
        decs(300, 300)
      )
    );
    // 50 employment families are year-1 (£800), 50 year-2 (£1,600): £120,000.
    expect(priced[1].parts.map((part) => [part.year, part.families.toNumber()])).toEqual([
      [1, 50],
      [2, 50],
    ]);
    expect(pounds(priced[1].amount)).toBe("120000.00");
  });

  it("counts claims with a known year towards the total", () => {
    const claims = [
      claim("2013-07-15", "crime-asb-education", 250, { attachmentYear: 1 }),
      claim("2013-07-16", "crime-asb-education", 60),
    ];
    expect(fails(priceClaims(phase1, claims, THREE_HUNDREDS)).message).toMatch(
      /^310 families are claimed/
    );
  });

  it("rejects negative, fractional and non-finite families", () => {
    expect(
      fails(priceClaims(phase1, [claim("2013-07-15", "crime-asb-education", -1)], THREE_HUNDREDS))
        .message
    ).toBe("claim row 1 families cannot be negative (-1).");
    expect(
      fails(priceClaims(phase1, [claim("2013-07-15", "crime-asb-education", 2.5)], THREE_HUNDREDS))
        .message
    ).toMatch(/^claim row 1 families must be a whole number of families, not 2.5/);
    const infinite = { ...claim("2013-07-15", "crime-asb-education", 1), families: dec(Infinity) };
    expect(fails(priceClaims(phase1, [infinite], THREE_HUNDREDS)).kind).toBe("num");
  });

  it("rejects a bad date", () => {
    const bad = { ...claim("2013-07-15", "crime-asb-education", 1), date: Number.NaN };
    expect(fails(priceClaims(phase1, [bad], THREE_HUNDREDS)).message).toMatch(
      /^claim row 1 date is not a date/
    );
    const early = { ...claim("2013-07-15", "crime-asb-education", 1), date: 10 };
    expect(fails(priceClaims(phase1, [early], THREE_HUNDREDS)).kind).toBe("num");
  });

  it("rejects an outcome the framework does not pay", () => {
    const error = fails(
      priceClaims(phase1, [claim("2013-07-15", "sustained-progress", 1)], THREE_HUNDREDS)
    );
    expect(error.message).toMatch(
      /^the phase1 framework does not pay a result for Significant and sustained progress/
    );
  });

  it("rejects an attachment year outside the framework", () => {
    const error = fails(
      priceClaims(
        phase1,
        [claim("2013-07-15", "crime-asb-education", 1, { attachmentYear: 4 })],
        THREE_HUNDREDS
      )
    );
    expect(error.message).toBe(
      "claim row 1 names programme year 4, but the framework has 3 years."
    );
    const fraction = claim("2013-07-15", "crime-asb-education", 1, { attachmentYear: 1.5 });
    expect(fails(priceClaims(phase1, [fraction], THREE_HUNDREDS)).kind).toBe("num");
  });

  it("rejects a negative amount, or an amount with no families", () => {
    const negative = claim("2013-07-15", "crime-asb-education", 1, { amount: dec(-700) });
    expect(fails(priceClaims(phase1, [negative], THREE_HUNDREDS)).message).toBe(
      "claim row 1 amount cannot be negative (-700)."
    );
    const noFamilies = claim("2013-07-15", "crime-asb-education", 0, { amount: dec(700) });
    expect(fails(priceClaims(phase1, [noFamilies], THREE_HUNDREDS)).message).toBe(
      "claim row 1 has £700 but 0 families: give the number of families the claim was for."
    );
  });

  it("rejects a bad profile", () => {
    expect(fails(priceClaims(phase1, [], decs(1, 1, 1, 1))).message).toBe(
      "the profile has 4 years but the phase1 framework has only 3."
    );
    expect(fails(priceClaims(phase1, [], decs(10, -1))).message).toBe(
      "families attached in year 2 cannot be negative (-1)."
    );
  });

  it("names the row of the first bad claim", () => {
    const claims = [
      claim("2013-07-15", "crime-asb-education", 1),
      claim("2013-07-15", "crime-asb-education", -3),
    ];
    expect(fails(priceClaims(phase1, claims, THREE_HUNDREDS)).message).toMatch(
      /^claim row 2 families/
    );
  });
});
