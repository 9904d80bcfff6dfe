import fc from "fast-check";
import { cashEnvelope } from "../../../src/engine/envelope";
import {
  BUILT_IN_FRAMEWORKS,
  Framework,
  builtInFramework,
  maximumPerFamily,
  resultRate,
} from "../../../src/engine/frameworks";
import { dec } from "../../../src/engine/money";
import { Provenance } from "../../../src/engine/provenance";
import { ok, pounds } from "./fixtures";

const phase1 = builtInFramework("phase1") as Framework;
const phase2 = builtInFramework("phase2") as Framework;

/** Every provenance of a framework definition, named. */
function everyBasis(id: string): [string, Provenance | undefined][] {
  const d = (builtInFramework(id) as Framework).definition;
  const p = d.provenance;
  const named: [string, Provenance | undefined][] = [
    ["attachment", p.attachment],
    ["resultsTotal", p.resultsTotal],
    ["eligibilityShare", p.eligibilityShare],
    ["rounding", p.rounding],
    ["councilContributionPerFamily", p.councilContributionPerFamily],
    ["claimWindows", p.claimWindows],
    ["paymentLagMonths", p.paymentLagMonths],
    ["programmeEnd", p.programmeEnd],
  ];
  if (d.grant) named.push(["grant", p.grant]);
  if (d.employmentTarget !== undefined) named.push(["employmentTarget", p.employmentTarget]);
  for (const outcome of Object.keys(d.results) as (keyof typeof d.results)[]) {
    d.financialYears.forEach((year, i) =>
      named.push([`${outcome} ${year}`, p.results[outcome]?.[i]])
    );
  }
  return named;
}

describe("every rate of every built-in framework has a basis", () => {
  it.each(BUILT_IN_FRAMEWORKS.map((d) => [d.id]))("%s", (id) => {
    for (const [name, basis] of everyBasis(id)) {
      expect([name, basis?.basis]).toEqual([
        name,
        expect.stringMatching(/^(published|inferred|default)$/),
      ]);
      // Published: a source with its date; inferred: the reasoning; default: why.
      if (basis?.basis === "published") {
        expect([name, basis.source]).toEqual([name, expect.stringMatching(/(19|20)\d\d/)]);
      } else {
        expect([name, (basis?.reasoning ?? "").length > 20]).toEqual([name, true]);
      }
    }
  });

  it("gives no per-year basis list a length other than the financial years'", () => {
    for (const d of BUILT_IN_FRAMEWORKS) {
      expect(Object.keys(d.provenance.results).sort()).toEqual(Object.keys(d.results).sort());
      for (const bases of Object.values(d.provenance.results)) {
        expect(bases).toHaveLength(d.financialYears.length);
      }
    }
  });
});

describe("corrections (FUNDING_RULES.md, issue 12)", () => {
  it("phase 1 years 2 and 3: the per-family totals of March 2012 held (£1,500 + £100, £2,300 + £100)", () => {
    // Before: the scaled £1,400 + £200 (year 2) and £2,100 + £300 (year 3), with no source.
    // March 2012 press and legal summaries: £3,900 crime/ASB/education + £100 progress to work
    // per family, attachment included, with no year attached.
    const split = (year: number) => [
      resultRate(phase1, "crime-asb-education", year).toNumber(),
      resultRate(phase1, "progress-to-work", year).toNumber(),
    ];
    expect([split(1), split(2), split(3)]).toEqual([
      [700, 100],
      [1500, 100],
      [2300, 100],
    ]);
    for (const year of [1, 2, 3]) {
      const attachment = phase1.attachment[year - 1];
      expect(attachment.plus(resultRate(phase1, "crime-asb-education", year)).toNumber()).toBe(
        3900
      );
      expect(maximumPerFamily(phase1, year).toNumber()).toBe(4000);
    }
    const bases = phase1.definition.provenance.results["crime-asb-education"]?.map((p) => p.basis);
    expect(bases).toEqual(["published", "inferred", "inferred"]);
  });

  it("keeps the continuous-employment rates published: the whole results total (£800, £1,600, £2,400)", () => {
    expect([1, 2, 3].map((y) => resultRate(phase1, "continuous-employment", y).toNumber())).toEqual(
      [800, 1600, 2400]
    );
    expect(
      phase1.definition.provenance.results["continuous-employment"]?.every(
        (p) => p.basis === "published" && /Hammersmith/.test(p.source ?? "")
      )
    ).toBe(true);
  });

  it("derives the top-ups as the results total less crime/ASB/education: £100 every year, inferred", () => {
    // Before: £100, £200, £300.
    for (const outcome of ["continuous-employment-after-claim", "adults-in-work"] as const) {
      for (const year of [1, 2, 3]) {
        expect(resultRate(phase1, outcome, year).toNumber()).toBe(
          phase1.resultsTotal[year - 1]
            .minus(resultRate(phase1, "crime-asb-education", year))
            .toNumber()
        );
        expect(resultRate(phase1, outcome, year).toNumber()).toBe(100);
      }
      expect(phase1.definition.provenance.results[outcome]?.map((p) => p.basis)).toEqual([
        "inferred",
        "inferred",
        "inferred",
      ]);
    }
  });

  it("pays the £4,000 maximum by every route: crime/ASB/education plus one of progress or a top-up", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(
          "progress-to-work" as const,
          "continuous-employment-after-claim" as const,
          "adults-in-work" as const
        ),
        (year, second) => {
          const earned = phase1.attachment[year - 1]
            .plus(resultRate(phase1, "crime-asb-education", year))
            .plus(resultRate(phase1, second, year));
          return earned.equals(4000);
        }
      )
    );
  });

  it("phase 2 council contribution: £2,700, inferred from £4,500 a family at 40% central (gov.uk, June 2013)", () => {
    // Before: £0.
    expect(phase2.councilContributionPerFamily.toNumber()).toBe(2700);
    expect(dec(4500).times("0.6").toNumber()).toBe(2700);
    const basis = phase2.definition.provenance.councilContributionPerFamily;
    expect(basis.basis).toBe("inferred");
    expect(basis.reasoning).toMatch(/£4,500.*40%.*£2,700/);
    const envelope = ok(cashEnvelope({ framework: phase2, cohort: dec(527), years: 1 }));
    expect(pounds(envelope.totals.councilContribution)).toBe("1422900.00"); // 527 × £2,700
  });

  it("marks the unverified values with their basis", () => {
    const p = phase1.definition.provenance;
    expect(p.paymentLagMonths).toMatchObject({
      basis: "default",
      reasoning: expect.stringMatching(/unverified/),
    });
    // The last window stays 31 January 2015, a default: sources point to February 2015.
    expect(phase1.claimWindows).toContain("2015-01-31");
    expect(p.claimWindows).toMatchObject({
      basis: "default",
      reasoning: expect.stringMatching(/February 2015/),
    });
    expect(phase1.grant?.perYear.toNumber()).toBe(100000);
    expect(p.grant).toMatchObject({
      basis: "default",
      reasoning: expect.stringMatching(/£112,000/),
    });
    expect(phase1.employmentTarget?.toNumber()).toBe(0.1);
    expect(p.employmentTarget).toMatchObject({
      basis: "published",
      source: expect.stringMatching(/NAO.*HC 878/),
    });
  });

  it("keeps Barnet's fast-track envelope: £2,352,000, £705,600 at risk", () => {
    const fastTrack = builtInFramework("phase1-fast-track") as Framework;
    const envelope = ok(cashEnvelope({ framework: fastTrack, cohort: dec(705) }));
    expect(pounds(envelope.totals.total)).toBe("2352000.00");
    expect(pounds(envelope.totals.results)).toBe("705600.00");
  });
});
