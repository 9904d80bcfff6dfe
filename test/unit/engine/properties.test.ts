import fc from "fast-check";
import { claimsByAttachmentYear, claimsByOutcome } from "../../../src/engine/claim-summaries";
import { Claim, priceClaims } from "../../../src/engine/claims";
import { cashEnvelope, evenProfile } from "../../../src/engine/envelope";
import { frameworkFromTable, frameworkToTable } from "../../../src/engine/custom-framework";
import { compileFramework, resultRate } from "../../../src/engine/frameworks";
import { Decimal, dec, sum } from "../../../src/engine/money";
import { OutcomeId } from "../../../src/engine/outcomes";
import { pbrRisk, sensitivity } from "../../../src/engine/risk";
import { ok, phase1 } from "./fixtures";

const FIRST_DAY = 41275; // 2013-01-01
const profileArb = fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 3 });

/**
 * Claims of crime/ASB/education and progress to work that never claim an outcome for more
 * families than were attached. (Continuous employment is left out: per-type first-in-first-out
 * could then put the same year's families on two £800-sized routes, beyond the year's maximum.)
 */
const claimsArb = (profile: number[]) =>
  fc
    .array(
      fc.record({
        day: fc.integer({ min: 0, max: 850 }),
        outcome: fc.constantFrom<OutcomeId>("crime-asb-education", "progress-to-work"),
        families: fc.integer({ min: 0, max: 120 }),
      }),
      { maxLength: 12 }
    )
    .map((rows) => {
      const room = new Map<OutcomeId, number>();
      const attached = profile.reduce((a, b) => a + b, 0);
      return rows.map((row): Claim => {
        const left = room.get(row.outcome) ?? attached;
        const families = Math.min(row.families, left);
        room.set(row.outcome, left - families);
        return { date: FIRST_DAY + row.day, outcome: row.outcome, families: dec(families) };
      });
    });

const scenarioArb = profileArb.chain((profile) =>
  fc.tuple(fc.constant(profile), claimsArb(profile))
);

describe("properties", () => {
  it("an even profile is whole families, the remainder to the earliest years, at any size", () => {
    // Past 2^53 the split cannot be done in plain numbers: both ways must give the same rule.
    const funded = fc.oneof(fc.bigInt(0n, 10n ** 7n), fc.bigInt(2n ** 53n - 10n, 10n ** 22n));
    fc.assert(
      fc.property(funded, fc.integer({ min: 1, max: 6 }), (families, years) => {
        const profile = evenProfile(dec(families.toString()), years, "half-up");
        const base = families / BigInt(years);
        const remainder = Number(families % BigInt(years));
        expect(profile.map((p) => p.toFixed())).toEqual(
          Array.from({ length: years }, (_, i) => String(i < remainder ? base + 1n : base))
        );
      }),
      { numRuns: 300 }
    );
  });

  it("per-year risk is never negative, and claimed + at risk never exceeds the maximum", () => {
    fc.assert(
      fc.property(scenarioArb, ([profile, claims]) => {
        const envelope = ok(
          cashEnvelope({ framework: phase1, profile: profile.map((p) => dec(p)) })
        );
        const risk = ok(
          pbrRisk(
            envelope,
            ok(
              priceClaims(
                phase1,
                claims,
                profile.map((p) => dec(p))
              )
            )
          )
        );
        for (const year of risk.years) {
          expect(year.atRisk.isNegative()).toBe(false);
          expect(year.claimed.plus(year.atRisk).lessThanOrEqualTo(year.maximum)).toBe(true);
          expect(year.forecastAdditional.isNegative()).toBe(false);
        }
        expect(risk.totals.atRisk.equals(sum(risk.years.map((y) => y.atRisk)))).toBe(true);
      }),
      { numRuns: 200 }
    );
  });

  it("sensitivity never falls as the success rate rises", () => {
    fc.assert(
      fc.property(
        profileArb,
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 2, maxLength: 10 }),
        (profile, basisPoints) => {
          const envelope = ok(
            cashEnvelope({ framework: phase1, profile: profile.map((p) => dec(p)) })
          );
          const rates = [...basisPoints].sort((a, b) => a - b).map((bp) => dec(bp).div(10_000));
          const rows = ok(sensitivity(envelope, rates));
          for (let i = 1; i < rows.length; i++)
            expect(rows[i].results.greaterThanOrEqualTo(rows[i - 1].results)).toBe(true);
          expect(rows[rows.length - 1].results.lessThanOrEqualTo(envelope.totals.results)).toBe(
            true
          );
        }
      )
    );
  });

  it("priced £ never falls when more families are claimed", () => {
    fc.assert(
      fc.property(
        profileArb,
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 900 }),
        fc.constantFrom<OutcomeId>(
          "crime-asb-education",
          "progress-to-work",
          "continuous-employment",
          "adults-in-work"
        ),
        (profile, a, b, outcome) => {
          const attached = profile.reduce((x, y) => x + y, 0);
          const [fewer, more] = [Math.min(a, b, attached), Math.min(Math.max(a, b), attached)];
          const price = (families: number): Decimal => {
            const claims = [{ date: FIRST_DAY, outcome, families: dec(families) }];
            return ok(
              priceClaims(
                phase1,
                claims,
                profile.map((p) => dec(p))
              )
            )[0].amount;
          };
          expect(price(more).greaterThanOrEqualTo(price(fewer))).toBe(true);
        }
      )
    );
  });

  it("every summary of a claim history adds up to the same total", () => {
    fc.assert(
      fc.property(scenarioArb, ([profile, claims]) => {
        const priced = ok(
          priceClaims(
            phase1,
            claims,
            profile.map((p) => dec(p))
          )
        );
        const total = sum(priced.map((c) => c.amount));
        expect(sum(claimsByOutcome(priced).rows.map((r) => r.amount)).equals(total)).toBe(true);
        expect(
          sum(claimsByAttachmentYear(phase1, priced).rows.map((r) => r.amount)).equals(total)
        ).toBe(true);
      })
    );
  });

  it("a framework table round-trips any penny rates", () => {
    const pence = fc.integer({ min: 0, max: 1_000_000 }).map((p) => (p / 100).toFixed(2));
    fc.assert(
      fc.property(
        fc.array(pence, { minLength: 3, maxLength: 3 }),
        fc.array(pence, { minLength: 3, maxLength: 3 }),
        (attachment, rates) => {
          const original = compileFramework({
            ...phase1.definition,
            attachment,
            results: { ...phase1.definition.results, "crime-asb-education": rates },
          });
          const copy = ok(frameworkFromTable(frameworkToTable(original)));
          for (const year of [1, 2, 3]) {
            expect(copy.attachment[year - 1].equals(original.attachment[year - 1])).toBe(true);
            expect(
              resultRate(copy, "crime-asb-education", year).equals(
                resultRate(original, "crime-asb-education", year)
              )
            ).toBe(true);
          }
        }
      )
    );
  });
});
