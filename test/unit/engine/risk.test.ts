import { Claim, priceClaims, profileOf } from "../../../src/engine/claims";
import { CashEnvelope, cashEnvelope } from "../../../src/engine/envelope";
import { compileFramework } from "../../../src/engine/frameworks";
import { dec } from "../../../src/engine/money";
import { breakEvenRate, pbrRisk, sensitivity } from "../../../src/engine/risk";
import { claim, day, decs, fails, fastTrack, ok, phase1, pounds } from "./fixtures";

/** Barnet, fast-track (seed 002): cohort 705 → 588 funded, 294 attached in each of 2 years. */
const barnet = () => ok(cashEnvelope({ framework: fastTrack, cohort: dec(705) }));
const riskOf = (envelope: CashEnvelope, claims: Claim[]) =>
  pbrRisk(envelope, ok(priceClaims(envelope.framework, claims, profileOf(envelope))));

describe("pbrRisk: Barnet with no claims", () => {
  const risk = ok(riskOf(barnet(), []));

  it("has the whole results maximum at risk: £235,200 + £470,400 = £705,600", () => {
    expect(
      risk.years.map((y) => [y.year.label, pounds(y.maximum), pounds(y.claimed), pounds(y.atRisk)])
    ).toEqual([
      ["2012/13", "235200.00", "0.00", "235200.00"],
      ["2013/14", "470400.00", "0.00", "470400.00"],
    ]);
    expect(pounds(risk.totals.maximum)).toBe("705600.00");
    expect(pounds(risk.totals.atRisk)).toBe("705600.00");
  });

  it("says there is no trend to forecast from", () => {
    expect(risk.forecast.basis).toBe("claims-only");
    expect(risk.forecast.additionalFamilies.toNumber()).toBe(0);
    expect(risk.forecast.realisationRatio.toNumber()).toBe(1);
  });

  it("shows what each outcome type alone could pay, per year", () => {
    const row = (year: number, outcome: string) =>
      risk.byOutcome.find((r) => r.year.index === year && r.outcome === outcome);
    expect(pounds(row(1, "crime-asb-education")?.maximum ?? dec(-1))).toBe("205800.00"); // 294 × £700
    expect(pounds(row(1, "continuous-employment")?.maximum ?? dec(-1))).toBe("235200.00"); // 294 × £800
    expect(pounds(row(2, "progress-to-work")?.maximum ?? dec(-1))).toBe("29400.00"); // 294 × £100 (inferred year-2 rate; £58,800 at £200 before)
    expect(risk.byOutcome).toHaveLength(2 * 5);
  });
});

describe("pbrRisk: Barnet with a claim trend", () => {
  // Turned-around claims: 50 on 2013-01-31 and 50 on 2014-01-31 (365 days later), so the running
  // total rises 50 a year. The programme ends 2015-05-31, 485 days after the last claim:
  // 100 + 50 × 485 / 365 = 166.44 → 166 whole families, 66 more than claimed.
  // All 100 claimed families are year-1 (FIFO), leaving room for 194 more in year 1.
  // Claimed: 100 × £700 + 20 progress to work × £100 = £72,000, against 100 × £800 = £80,000
  // earnable: realisation 0.9. The 66 earn 66 × £800 × 0.9 = £47,520.
  const claims = [
    claim("2013-01-31", "crime-asb-education", 50),
    claim("2014-01-31", "crime-asb-education", 50),
    claim("2014-01-31", "progress-to-work", 20),
  ];
  const risk = ok(riskOf(barnet(), claims));

  it("forecasts the turned-around families to the programme end", () => {
    expect(risk.forecast.basis).toBe("trend");
    expect(risk.forecast.forecastDate).toBe(day("2015-05-31"));
    expect(risk.forecast.claimedFamilies.toNumber()).toBe(100);
    expect(risk.forecast.forecastFamilies.toNumber()).toBe(166);
    expect(risk.forecast.additionalFamilies.toNumber()).toBe(66);
    expect(risk.forecast.realisationRatio.toNumber()).toBe(0.9);
  });

  it("prices the forecast and leaves the rest at risk, per year", () => {
    expect(
      risk.years.map((y) => [
        pounds(y.maximum),
        pounds(y.claimed),
        pounds(y.forecastAdditional),
        pounds(y.forecastToEnd),
        pounds(y.atRisk),
      ])
    ).toEqual([
      ["235200.00", "72000.00", "47520.00", "119520.00", "115680.00"],
      ["470400.00", "0.00", "0.00", "0.00", "470400.00"],
    ]);
    expect(pounds(risk.totals.atRisk)).toBe("586080.00");
    expect(pounds(risk.totals.claimed)).toBe("72000.00");
  });

  it("records families and £ claimed per year and outcome type", () => {
    const crime = risk.byOutcome.find(
      (r) => r.year.index === 1 && r.outcome === "crime-asb-education"
    );
    expect([crime?.familiesClaimed.toNumber(), pounds(crime?.claimed ?? dec(-1))]).toEqual([
      100,
      "70000.00",
    ]);
  });
});

describe("pbrRisk: a forecast that spills into year 2", () => {
  // Profile 100 + 100 (phase 1). 40 turned around on 2013-01-31 and 40 on 2014-01-31:
  // 80 + 40 × 485 / 365 = 133.15 → 133, 53 more. Year 1 has room for 20, year 2 takes 33.
  // Realisation: 80 × £700 / (80 × £800) = 0.875.
  // Year 1: 20 × £800 × 0.875 = £14,000; year 2: 33 × £1,600 × 0.875 = £46,200.
  const envelope = ok(cashEnvelope({ framework: phase1, profile: decs(100, 100) }));
  const claims = [
    claim("2013-01-31", "crime-asb-education", 40),
    claim("2014-01-31", "crime-asb-education", 40),
  ];

  it("fills the earliest year's remaining families first", () => {
    const risk = ok(riskOf(envelope, claims));
    expect(
      risk.forecast.byYear.map((y) => [y.additionalFamilies.toNumber(), pounds(y.additionalAmount)])
    ).toEqual([
      [20, "14000.00"],
      [33, "46200.00"],
    ]);
    expect(risk.years.map((y) => [pounds(y.maximum), pounds(y.claimed), pounds(y.atRisk)])).toEqual(
      [
        ["80000.00", "56000.00", "10000.00"],
        ["160000.00", "0.00", "113800.00"],
      ]
    );
  });

  it("caps the forecast at the envelope's funded families", () => {
    // 10 then 190 a day later: the trend runs far past 200 funded, so 10 more at most, all in
    // year 2 (100 + 90 already claimed). Claimed £70,000 + £135,000 (90 × £1,500, the year-2 rate
    // inferred from the March 2012 per-family totals) against £80,000 + £144,000 earnable:
    // 205/224, so 10 × £1,600 × 205/224 = £14,642.86 (£14,000 at the old £1,400).
    const steep = [
      claim("2013-01-31", "crime-asb-education", 10),
      claim("2013-02-01", "crime-asb-education", 180),
    ];
    const risk = ok(riskOf(envelope, steep));
    expect(risk.forecast.forecastFamilies.toNumber()).toBe(200);
    expect(
      risk.forecast.byYear.map((y) => [y.additionalFamilies.toNumber(), pounds(y.additionalAmount)])
    ).toEqual([
      [0, "0.00"],
      [10, "14642.86"],
    ]);
  });

  it("merges claims made on the same date into one point of the trend", () => {
    const split = [
      claim("2013-01-31", "crime-asb-education", 40),
      claim("2014-01-31", "crime-asb-education", 15),
      claim("2014-01-31", "continuous-employment", 25),
    ];
    expect(ok(riskOf(envelope, split)).forecast.forecastFamilies.toNumber()).toBe(133);
  });

  it("uses only what is claimed when all claims share one date", () => {
    const risk = ok(riskOf(envelope, [claim("2013-01-31", "crime-asb-education", 40)]));
    expect(risk.forecast.basis).toBe("claims-only");
    expect(risk.forecast.forecastFamilies.toNumber()).toBe(40);
    expect(pounds(risk.years[0].atRisk)).toBe("52000.00"); // £80,000 − 40 × £700
  });
});

describe("pbrRisk: errors", () => {
  it("rejects claims for a year the envelope does not cover", () => {
    const priced = ok(
      priceClaims(
        fastTrack,
        [claim("2014-08-15", "crime-asb-education", 5, { attachmentYear: 3 })],
        decs(294, 294)
      )
    );
    expect(fails(pbrRisk(barnet(), priced)).message).toBe(
      "claim row 1 is for families attached in programme year 3, but the envelope covers 2 years: widen the envelope or correct the claim."
    );
  });

  it("rejects a framework whose programme end is not a date", () => {
    const broken = compileFramework({ ...fastTrack.definition, programmeEnd: "May 2015" });
    const envelope = ok(cashEnvelope({ framework: broken, cohort: dec(705) }));
    expect(fails(pbrRisk(envelope, [])).message).toMatch(/programme end is not a date/);
  });
});

describe("sensitivity", () => {
  it("gives Barnet's results at 40% to 100% success", () => {
    const rows = ok(sensitivity(barnet()));
    expect(rows.map((r) => [r.rate.toNumber(), pounds(r.results), pounds(r.shortfall)])).toEqual([
      [0.4, "282240.00", "423360.00"],
      [0.5, "352800.00", "352800.00"],
      [0.6, "423360.00", "282240.00"],
      [0.7, "493920.00", "211680.00"],
      [0.8, "564480.00", "141120.00"],
      [0.9, "635040.00", "70560.00"],
      [1, "705600.00", "0.00"],
    ]);
  });

  it("rounds each year's row to the penny before adding", () => {
    // One family a year: £800 and £1,600 at 12.345% = £98.76 + £197.52.
    const envelope = ok(cashEnvelope({ framework: phase1, profile: decs(1, 1) }));
    expect(pounds(ok(sensitivity(envelope, [dec("0.12345")]))[0].results)).toBe("296.28");
  });

  it("rejects a rate outside 0 to 1", () => {
    expect(fails(sensitivity(barnet(), [dec("0.5"), dec("1.5")])).message).toBe(
      "success rate 2 must be between 0% and 100%, not 1.5."
    );
  });
});

describe("breakEvenRate", () => {
  it("finds the success rate at which results cover an amount", () => {
    const result = ok(breakEvenRate(barnet(), dec(352800)));
    expect([result.reachable, result.rate?.toNumber(), pounds(result.results ?? dec(-1))]).toEqual([
      true,
      0.5,
      "352800.00",
    ]);
  });

  it("reports Barnet's council contribution (588 × £6,000) as out of reach", () => {
    const envelope = barnet();
    expect(pounds(envelope.totals.councilContribution)).toBe("3528000.00");
    expect(ok(breakEvenRate(envelope, envelope.totals.councilContribution))).toEqual({
      amount: envelope.totals.councilContribution,
      reachable: false,
    });
  });

  it("reaches the whole maximum at exactly 100%, and nothing at 0%", () => {
    expect(ok(breakEvenRate(barnet(), dec(705600))).rate?.toNumber()).toBe(1);
    expect(ok(breakEvenRate(barnet(), dec(0))).rate?.toNumber()).toBe(0);
  });

  it("stays within half a penny a row of an awkward amount", () => {
    const result = ok(breakEvenRate(barnet(), dec(100000)));
    expect(result.results?.minus(100000).abs().lessThanOrEqualTo("0.01")).toBe(true);
  });

  it("rejects a negative amount", () => {
    expect(fails(breakEvenRate(barnet(), dec(-1))).message).toBe(
      "the amount to cover cannot be negative (-1)."
    );
  });
});
