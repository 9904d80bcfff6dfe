import { frameworkFromTable, frameworkToTable } from "../../../src/engine/custom-framework";
import { cashEnvelope } from "../../../src/engine/envelope";
import { BUILT_IN_FRAMEWORKS, Framework } from "../../../src/engine/frameworks";
import { headlineFigures } from "../../../src/engine/headline";
import { dec } from "../../../src/engine/money";
import { envelopeYearTwoRelease, yearTwoRelease } from "../../../src/engine/realism";
import { decs, fails, fastTrack, ok, phase1, phase2, pounds } from "./fixtures";

/**
 * The year-2 attachment release (FUNDING_RULES.md, "Year-2 attachment release": The MJ and LGC
 * reports, 2013) measured on a plan's own envelope: the year-1 commitment is the funded number
 * spread evenly over the framework's years ("Profile": a third a year in phase 1, half in
 * fast-track), its year-1 share.
 */
const release = (framework: Framework, cohort: number, ...attached: number[]) => {
  const envelope = ok(cashEnvelope({ framework, cohort: dec(cohort), profile: decs(...attached) }));
  const result = envelopeYearTwoRelease(envelope);
  return result === undefined ? undefined : ok(result);
};

describe("envelopeYearTwoRelease", () => {
  it("pays Barnet's fast-track year-2 fees in full in Q1 2013/14: 294 of a 294 commitment", () => {
    const r = release(fastTrack, 705, 294, 294);
    expect(r && [r.status, r.commitment.toNumber(), r.spreadYears, r.ratio.toNumber()]).toEqual([
      "full",
      294,
      2,
      1,
    ]);
    // The envelope's year-2 attachment: 294 × £2,400, paid in Q1 of 2013/14.
    expect(r && [pounds(r.attachment), pounds(r.paidNow), r.paidNowIn]).toEqual([
      "705600.00",
      "705600.00",
      "Q1 2013/14",
    ]);
  });

  it("measures a phase 1 council against a third of its funded families (588 → 196 in year 1)", () => {
    // 140 of 196 (71.4%): half of 300 × £2,400 in Q1, the rest July to September.
    const half = release(phase1, 705, 140, 300, 148);
    expect(half && [half.status, half.commitment.toNumber()]).toEqual(["half", 196]);
    expect(half && [pounds(half.paidNow), pounds(half.paidLater), pounds(half.deferred)]).toEqual([
      "360000.00",
      "360000.00",
      "0.00",
    ]);
    // 150 of 196 (76.5%): in full.
    expect(release(phase1, 705, 150, 300, 138)?.status).toBe("full");
    // 60 of 196 (30.6%): deferred, not lost.
    const deferred = release(phase1, 705, 60, 300, 228);
    expect(deferred && [deferred.status, pounds(deferred.deferred)]).toEqual([
      "deferred",
      "720000.00",
    ]);
  });

  it("pays half at exactly a third of the commitment (100 of 300), defers at 99", () => {
    // Cohort 1,080: 900 funded, 300 a year.
    expect(release(phase1, 1080, 100, 300, 300)?.status).toBe("half");
    expect(release(phase1, 1080, 99, 300, 300)?.status).toBe("deferred");
  });

  it("does not apply without attachments given, a year 2, a commitment or the rule", () => {
    const spread = ok(cashEnvelope({ framework: fastTrack, cohort: dec(705) }));
    expect(envelopeYearTwoRelease(spread)).toBeUndefined();
    expect(release(fastTrack, 705, 294)).toBeUndefined();
    expect(release(fastTrack, 0, 294, 294)).toBeUndefined();
    expect(release(phase2, 500, 100, 100)).toBeUndefined();
  });

  it("is in the headline figures beside the expected clawback", () => {
    const envelope = ok(
      cashEnvelope({ framework: fastTrack, cohort: dec(705), profile: decs(294, 294) })
    );
    const head = ok(
      headlineFigures(envelope, dec(1), {
        claimed: dec(357800),
        checked: dec("0.021"),
        invalid: dec("0.1"),
      })
    );
    // The sample: £357,800 claimed × 2.1% × 10% = £751.38.
    expect([pounds(head.clawback.clawback), head.yearTwoRelease?.status]).toEqual([
      "751.38",
      "full",
    ]);
    expect(pounds(head.envelope)).toBe("2352000.00");
    expect(pounds(head.atRisk)).toBe("705600.00");
  });
});

describe("the year-2 release as framework data", () => {
  it("is phase 1's rule only, each framework saying why", () => {
    for (const d of BUILT_IN_FRAMEWORKS) {
      const phase1Rule = d.id.startsWith("phase1");
      expect([d.id, d.yearTwoRelease !== undefined]).toEqual([d.id, phase1Rule]);
      expect(d.provenance.yearTwoRelease?.basis).toBe(phase1Rule ? "published" : "inferred");
    }
    expect(phase1.yearTwoRelease?.half.times(3).toDecimalPlaces(30).toNumber()).toBe(1);
  });

  it("refuses a framework without the rule, naming it", () => {
    expect(
      fails(
        yearTwoRelease({ commitment: dec(100), workedWith: dec(50), attachment: dec(1000) }, phase2)
      ).message
    ).toBe(
      "the phase2 framework has no year-2 attachment release (a phase 1 rule, decided in 2013/14): choose phase1 or phase1-fast-track, or leave the framework out."
    );
  });

  it("reads the thresholds from a framework table, and keeps a base framework's", () => {
    const table = frameworkToTable(phase1);
    expect(table.find((row) => row[0] === "year 2 release")).toEqual([
      "year 2 release",
      0.75,
      "1/3",
    ]);
    const custom = ok(
      frameworkFromTable([
        ["setting", "value"],
        ["based on", "phase1"],
        ["year 2 release", 0.8, "1/2"],
      ])
    );
    expect(
      custom.yearTwoRelease && [
        custom.yearTwoRelease.full.toNumber(),
        custom.yearTwoRelease.half.toNumber(),
      ]
    ).toEqual([0.8, 0.5]);
    expect(custom.definition.provenance.yearTwoRelease?.basis).toBe("yours");
    // 45 of 100 is under the table's half threshold (1/2): deferred, where phase 1 pays half.
    expect(
      ok(yearTwoRelease({ commitment: dec(100), workedWith: dec(45), attachment: dec(10) }, custom))
        .status
    ).toBe("deferred");
    const inherited = ok(
      frameworkFromTable([
        ["setting", "value"],
        ["based on", "phase1"],
      ])
    );
    expect(inherited.yearTwoRelease?.full.toNumber()).toBe(0.75);
    const swapped = frameworkFromTable([
      ["setting", "value"],
      ["based on", "phase1"],
      ["year 2 release", "1/3", 0.75],
    ]);
    expect(fails(swapped).message).toMatch(
      /second share \(half paid from, 0\.75\) is more than its first/
    );
  });
});
