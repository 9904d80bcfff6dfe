import fc from "fast-check";
import { isError } from "../../../src/engine/errors";
import { dec } from "../../../src/engine/money";
import {
  PeerComparison,
  PeerRow,
  comparePeers,
  isNational,
  peerShare,
  quartileOf,
} from "../../../src/engine/peers";

const row = (
  authority: string,
  cohort: number,
  turnedAround: number,
  region?: string
): PeerRow => ({
  authority,
  cohort: dec(cohort),
  turnedAround: dec(turnedAround),
  region,
});

const compared = (result: ReturnType<typeof comparePeers>): PeerComparison => {
  if (isError(result)) throw new Error(result.message);
  return result;
};

/** A council of 1 to 3,000 families and some share of them turned around. */
const councilArb = fc
  .integer({ min: 1, max: 3000 })
  .chain((cohort) =>
    fc.record({ cohort: fc.constant(cohort), turnedAround: fc.integer({ min: 0, max: cohort }) })
  );
const peersArb = fc.array(councilArb, { minLength: 1, maxLength: 40 });
const rowsOf = (peers: { cohort: number; turnedAround: number }[]) =>
  peers.map((p, i) => row(`Peer ${i + 1}`, p.cohort, p.turnedAround));
const councilOf = (c: { cohort: number; turnedAround: number }) => ({
  authority: "Council",
  cohort: dec(c.cohort),
  turnedAround: dec(c.turnedAround),
});

describe("comparePeers: the published figures", () => {
  // Rotherham's 472 of 730 (64.7%, its September 2014 paper) among the councils DCLG named on
  // 9 July 2014: Wakefield 925 of 930, Leicestershire 772 of 810, Bristol 1,158 of 1,355; and
  // England's 52,833 of 117,910.
  const table = [
    row("Wakefield", 930, 925),
    row("Leicestershire", 810, 772),
    row("Bristol", 1355, 1158),
    row("England", 117910, 52833),
  ];
  const place = compared(
    comparePeers({ authority: "Rotherham", cohort: dec(730), turnedAround: dec(472) }, table)
  );

  it("ranks Rotherham last of four, in the bottom quarter", () => {
    expect(place.rank).toBe(4);
    expect(place.of).toBe(4);
    expect(place.quartile).toBe(4);
    expect(place.peers.map((p) => p.authority)).toEqual(["Wakefield", "Leicestershire", "Bristol"]);
  });

  it("takes the peer average as the mean of the peers' shares", () => {
    // (925/930 + 772/810 + 1158/1355) / 3 = 0.93417…
    expect(place.peerAverage.toFixed(6)).toBe(
      dec(925).div(930).plus(dec(772).div(810)).plus(dec(1158).div(1355)).div(3).toFixed(6)
    );
    expect(place.peerAverage.toFixed(4)).toBe("0.9341");
    expect(place.councilShare.toFixed(4)).toBe("0.6466");
    expect(place.fromPeers.toFixed(4)).toBe("-0.2875");
  });

  it("takes the national average from the England row", () => {
    expect(place.nationalBasis).toBe("national row");
    expect(place.national?.authority).toBe("England");
    expect(place.nationalAverage.toFixed(4)).toBe("0.4481"); // 52,833 / 117,910
    expect(place.fromNational.toFixed(4)).toBe("0.1985");
  });

  it("without a national row, takes the total of the councils compared", () => {
    const without = compared(
      comparePeers({ cohort: dec(730), turnedAround: dec(472) }, table.slice(0, 3))
    );
    expect(without.nationalBasis).toBe("all councils compared");
    // (472 + 925 + 772 + 1158) / (730 + 930 + 810 + 1355) = 3327 / 3825
    expect(without.nationalAverage.toFixed(6)).toBe(dec(3327).div(3825).toFixed(6));
    expect(without.nationalAverage.toFixed(4)).toBe("0.8698");
  });

  it("leaves the council's own row out in favour of its modelled figures", () => {
    const withOwn = compared(
      comparePeers({ authority: "ROTHERHAM", cohort: dec(730), turnedAround: dec(500) }, [
        row("Rotherham", 730, 472),
        ...table,
      ])
    );
    expect(withOwn.ownRow?.authority).toBe("Rotherham");
    expect(withOwn.peers).toHaveLength(3);
    expect(withOwn.councilShare.toFixed(4)).toBe("0.6849");
  });

  it("marks a national row by its authority or its region", () => {
    expect(isNational(row("England", 1, 1))).toBe(true);
    expect(isNational(row("All councils", 1, 1, "England"))).toBe(true);
    expect(isNational(row("Rotherham", 1, 1, "Yorkshire and the Humber"))).toBe(false);
  });

  it("refuses two national rows, no peers, and a cohort of 0", () => {
    const council = { cohort: dec(10), turnedAround: dec(5) };
    const two = comparePeers(council, [row("England", 10, 5), row("x", 10, 5, "England")]);
    expect(isError(two) && two.message).toMatch(/2 national rows/);
    const none = comparePeers(council, [row("England", 10, 5)]);
    expect(isError(none) && none.message).toMatch(/no councils to compare/);
    const zero = comparePeers(council, [row("Nowhere", 0, 0)]);
    expect(isError(zero) && zero.message).toMatch(/Nowhere's cohort is 0/);
    const own = comparePeers({ cohort: dec(0), turnedAround: dec(0) }, [row("a", 1, 1)]);
    expect(isError(own) && own.message).toMatch(/council's cohort is 0/);
  });
});

describe("comparePeers: properties", () => {
  it("ranks within 1..n+1, one more than the peers above", () => {
    fc.assert(
      fc.property(councilArb, peersArb, (council, peers) => {
        const place = compared(comparePeers(councilOf(council), rowsOf(peers)));
        const share = dec(council.turnedAround).div(council.cohort);
        const above = peers.filter((p) => dec(p.turnedAround).div(p.cohort).gt(share)).length;
        expect(place.rank).toBeGreaterThanOrEqual(1);
        expect(place.rank).toBeLessThanOrEqual(peers.length + 1);
        expect(place.rank).toBe(above + 1);
        expect(place.of).toBe(peers.length + 1);
      })
    );
  });

  it("gives a quartile that follows the rank", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (of) => {
        const quartiles = Array.from({ length: of }, (_, i) => quartileOf(i + 1, of));
        // Never falling as the rank falls, within 1..4, the top rank in the top quarter and
        // the last rank in the bottom quarter (of four or more).
        quartiles.forEach((q, i) => {
          expect(q).toBeGreaterThanOrEqual(1);
          expect(q).toBeLessThanOrEqual(4);
          if (i > 0) expect(q).toBeGreaterThanOrEqual(quartiles[i - 1]);
        });
        expect(quartiles[0]).toBe(of >= 4 ? 1 : quartileOf(1, of));
        if (of >= 4) expect(quartiles[of - 1]).toBe(4);
        // About a quarter in each: no quarter holds more than its share rounded up.
        for (const q of [1, 2, 3, 4])
          expect(quartiles.filter((x) => x === q).length).toBeLessThanOrEqual(Math.ceil(of / 4));
      })
    );
  });

  it("gives differences whose sign says above or below the averages", () => {
    fc.assert(
      fc.property(councilArb, peersArb, (council, peers) => {
        const place = compared(comparePeers(councilOf(council), rowsOf(peers)));
        expect(place.fromPeers.isPositive() && !place.fromPeers.isZero()).toBe(
          place.councilShare.gt(place.peerAverage)
        );
        expect(place.fromNational.isNegative() && !place.fromNational.isZero()).toBe(
          place.councilShare.lt(place.nationalAverage)
        );
        // Above every peer: first, and above their average; below every peer: last, below it.
        const shares = place.peers.map(peerShare);
        if (shares.every((s) => s.lt(place.councilShare))) {
          expect(place.rank).toBe(1);
          expect(place.fromPeers.gt(0)).toBe(true);
        }
        if (shares.every((s) => s.gt(place.councilShare))) {
          expect(place.rank).toBe(place.of);
          expect(place.fromPeers.lt(0)).toBe(true);
        }
        // Without a national row the national average lies among the councils' own shares.
        const all = [...shares, place.councilShare];
        const min = all.reduce((a, b) => (a.lt(b) ? a : b));
        const max = all.reduce((a, b) => (a.gt(b) ? a : b));
        expect(place.nationalAverage.gte(min) && place.nationalAverage.lte(max)).toBe(true);
      })
    );
  });

  it("moves the council down one place for each better peer added", () => {
    fc.assert(
      fc.property(councilArb, peersArb, (council, peers) => {
        const before = compared(comparePeers(councilOf(council), rowsOf(peers)));
        const share = dec(council.turnedAround).div(council.cohort);
        if (share.gte(1)) return; // nobody can be above 100%
        const better = row("Better", 1000, 1000);
        const after = compared(comparePeers(councilOf(council), [...rowsOf(peers), better]));
        expect(after.rank).toBe(before.rank + 1);
        expect(after.of).toBe(before.of + 1);
      })
    );
  });
});
