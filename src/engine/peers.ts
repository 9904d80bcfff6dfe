import { FundingError, Result } from "./errors";
import { Decimal, ZERO, sum } from "./money";
import { normaliseName } from "./text";

/*
 * Peer comparison: where a council's share of its cohort turned around stands among other
 * councils' published shares. Pure: the rows come from a Peers table (in the workbook or a file
 * given on the command line) and the council's own figures from its model.
 */

/** One row of a Peers table: a council's published cohort and families turned around. */
export interface PeerRow {
  authority: string;
  /** Families in the cohort (the council's phase 1 allocation, or the families it worked with). */
  cohort: Decimal;
  turnedAround: Decimal;
  region?: string;
  /** The date the figures are as at, an Excel serial date; undefined when the table has none. */
  asAt?: number;
  /** Where the figures were published. */
  source?: string;
}

/** The council's own figures, from its model. */
export interface CouncilFigures {
  /** The council's name (the Assumptions' Authority setting): its own row in a Peers table is left out. */
  authority?: string;
  cohort: Decimal;
  turnedAround: Decimal;
}

/** How the national average was found. */
export type NationalBasis = "national row" | "all councils compared";

export interface PeerComparison {
  councilShare: Decimal;
  /** The peers compared with: every row but the national one and the council's own. */
  peers: PeerRow[];
  /** The national row, when the table has one. */
  national?: PeerRow;
  /** The council's own row in the table, left out in favour of its modelled figures. */
  ownRow?: PeerRow;
  /** 1 = the highest share; peers with the same share as the council do not push it down. */
  rank: number;
  /** The council and its peers: the rank is out of this. */
  of: number;
  /** 1 = the top quarter (the highest shares), 4 = the bottom: ROUNDUP(4 × rank ÷ of). */
  quartile: number;
  /** The mean of the peers' shares: each council counts once, whatever its size. */
  peerAverage: Decimal;
  /**
   * The national row's share; without one, the total turned around ÷ the total cohort of the
   * councils compared (the peers and the council, by its modelled figures).
   */
  nationalAverage: Decimal;
  nationalBasis: NationalBasis;
  /** The council's share minus the peer average (in shares: 0.05 is 5 percentage points). */
  fromPeers: Decimal;
  fromNational: Decimal;
}

/** A row that stands for England as a whole: authority "England", or region "England". */
export function isNational(row: Pick<PeerRow, "authority" | "region">): boolean {
  return (
    normaliseName(row.authority) === "england" || normaliseName(row.region ?? "") === "england"
  );
}

/** A row's share of its cohort turned around. */
export function peerShare(row: Pick<PeerRow, "cohort" | "turnedAround">): Decimal {
  return row.cohort.isZero() ? ZERO : row.turnedAround.div(row.cohort);
}

/** The quartile a rank falls in, out of `of` councils: 1 the top quarter, 4 the bottom. */
export function quartileOf(rank: number, of: number): number {
  return Math.max(1, Math.min(4, Math.ceil((4 * rank) / of)));
}

/**
 * The council's place among its peers. The national average is the national row's share when
 * the table has one (DCLG's England figure is the programme's own total); without one, the total
 * turned around ÷ the total cohort of all the councils compared — the peers and the council —
 * a pooled share, so a large council weighs as many families as it has. A council's own row in
 * the table is left out: its modelled figures stand in for it.
 */
export function comparePeers(
  council: CouncilFigures,
  rows: readonly PeerRow[]
): Result<PeerComparison> {
  if (council.cohort.lte(0))
    return new FundingError("div0", "the council's cohort is 0: no share to compare.");
  const nationals = rows.filter(isNational);
  if (nationals.length > 1)
    return new FundingError(
      "value",
      `the Peers table has ${nationals.length} national rows (${nationals.map((r) => r.authority).join(", ")}): keep one, as at the peers' date.`
    );
  const own = council.authority ? normaliseName(council.authority) : undefined;
  const ownRow = own ? rows.find((r) => normaliseName(r.authority) === own) : undefined;
  const peers = rows.filter((r) => !isNational(r) && r !== ownRow);
  if (peers.length === 0)
    return new FundingError("na", "the Peers table has no councils to compare with.");
  const bad = rows.find((r) => r.cohort.lte(0));
  if (bad) return new FundingError("div0", `${bad.authority}'s cohort is 0: no share to compare.`);

  const councilShare = council.turnedAround.div(council.cohort);
  const shares = peers.map(peerShare);
  const rank = 1 + shares.filter((s) => s.gt(councilShare)).length;
  const of = peers.length + 1;
  const peerAverage = sum(shares).div(peers.length);
  const national = nationals[0];
  const nationalAverage = national
    ? peerShare(national)
    : sum([council.turnedAround, ...peers.map((r) => r.turnedAround)]).div(
        sum([council.cohort, ...peers.map((r) => r.cohort)])
      );
  return {
    councilShare,
    peers,
    national,
    ownRow,
    rank,
    of,
    quartile: quartileOf(rank, of),
    peerAverage,
    nationalAverage,
    nationalBasis: national ? "national row" : "all councils compared",
    fromPeers: councilShare.minus(peerAverage),
    fromNational: councilShare.minus(nationalAverage),
  };
}
