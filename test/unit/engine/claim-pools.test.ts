import fc from "fast-check";
import { fractionalPool, wholePool } from "../../../src/engine/claims";
import { Decimal, Tally, dec, sum, wholeNumber } from "../../../src/engine/money";

// The whole-number pool is the fast path for every envelope but rounding "none"; the Decimal
// pool is the reference. Both must place every claim in the same years.
describe("first in, first out pools", () => {
  const takes = (
    pool: ReturnType<typeof wholePool>,
    claims: number[],
    known: [number, number][]
  ) => {
    for (const [year, families] of known) pool.use(year, dec(families));
    return claims.map((families) =>
      pool.take(dec(families))?.map((p) => `${p.year}:${p.families.toString()}`)
    );
  };

  it("the whole-number pool places claims exactly as the Decimal pool", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(40), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(12), { maxLength: 60 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.nat(20)), { maxLength: 4 }),
        (profile, claims, known) => {
          const attached = profile.map((n) => dec(n));
          expect(takes(wholePool(attached), claims, known)).toEqual(
            takes(fractionalPool(attached), claims, known)
          );
        }
      ),
      { numRuns: 500 }
    );
  });

  it("takes from the earliest year with families left, spanning years", () => {
    const pool = wholePool([dec(3), dec(5)]);
    expect(pool.take(dec(2))?.map((p) => [p.year, p.families.toNumber()])).toEqual([[1, 2]]);
    expect(pool.take(dec(4))?.map((p) => [p.year, p.families.toNumber()])).toEqual([
      [1, 1],
      [2, 3],
    ]);
    expect(pool.take(dec(3))).toBeUndefined();
  });
});

describe("Tally and shared whole numbers", () => {
  it("adds up exactly what adding one by one gives", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 200 }),
        (pence) => {
          const values = pence
            .map((p) => wholeNumber(p % 7))
            .concat(pence.map((p) => new Decimal(p).div(100)));
          const oneByOne = values.reduce((t, v) => t.plus(v), dec(0));
          const tally = new Tally();
          for (const v of values) tally.add(v);
          expect(tally.total().toString()).toBe(oneByOne.toString());
          expect(sum(values).toString()).toBe(oneByOne.toString());
        }
      )
    );
  });

  it("shares one instance per small whole number and never a negative zero", () => {
    expect(wholeNumber(4)).toBe(wholeNumber(4));
    expect(wholeNumber(-0).isNegative()).toBe(false);
    expect(wholeNumber(20000).toNumber()).toBe(20000);
    expect(wholeNumber(2.5).toString()).toBe("2.5");
  });
});
