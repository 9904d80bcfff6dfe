import { isoFromSerial, utcFromSerial } from "../engine/dates";
import { FundingError, Result, isError } from "../engine/errors";
import { Decimal, sum } from "../engine/money";
import { PeerComparison, comparePeers, peerShare } from "../engine/peers";
import { familiesTurnedAround } from "./turned-around";
import { FundingInputs } from "./inputs";
import { f, label, literal, num, onePlacePercent, v } from "./cells";
import { PeerInput, PeersInput } from "./peers-read";
import { PlanBlock, PlanCell, PlanChart, PlanPeers, PlanTable } from "./plan-types";

/** The Report sheet's peer tables, by name. */
export const PEER_TABLES = { place: "TF_ReportPeerPlace", councils: "TF_ReportPeers" } as const;

/** What the "Among its peers" section is built from. */
export interface PeersFacts {
  comparison: PeerComparison;
  peers: PeersInput;
  /** The council's name on the section: its Authority setting, else "This council". */
  council: string;
  /** The date of the council's latest claim: the date its own share is as at. */
  councilAsAt?: number;
  councilCohort: Decimal;
  councilTurnedAround: Decimal;
}

/** Where the section goes on the Report and the Report's cells it builds on. */
export interface PeersPlace {
  sheet: string;
  /** The first row of the section (its heading). */
  top: number;
  /** The Report's cell of the council's families turned around (the outcomes table's total). */
  turnedAroundCell: string;
}

export interface PeersSection {
  blocks: PlanBlock[];
  tables: PlanTable[];
  charts: PlanChart[];
  summary: PlanPeers;
  /** Labels in column A, for the column's width. */
  labels: string[];
}

const CHART_ROWS = 16;

/**
 * The council among the peers the inputs carry (none: undefined), from its families turned
 * around so far (the claims, as the PbR risk sheet counts them) and its cohort.
 */
export function peersFacts(
  inputs: FundingInputs,
  turnedAround: Decimal,
  cohort: Decimal
): Result<PeersFacts> | undefined {
  const { peers } = inputs;
  if (!peers) return undefined;
  const authority = inputs.assumptions.authority;
  const comparison = comparePeers({ authority, cohort, turnedAround }, peers.rows);
  if (isError(comparison))
    return new FundingError(comparison.kind, `Peers (${peers.source}): ${comparison.message}`);
  const dates = inputs.claims.map((claim) => claim.date);
  return {
    comparison,
    peers,
    council: authority ?? "This council",
    councilAsAt: dates.length > 0 ? Math.max(...dates) : undefined,
    councilCohort: cohort,
    councilTurnedAround: turnedAround,
  };
}

/**
 * The council among its peers straight from the inputs, for the task pane (which shows it
 * before any tables are built): the same figures as the Report's "Among its peers".
 */
export function placeAmongPeers(inputs: FundingInputs): Result<PlanPeers> | undefined {
  if (!inputs.peers) return undefined;
  const turnedAround = familiesTurnedAround(inputs);
  if (isError(turnedAround)) return turnedAround;
  const cohort = sum(inputs.families.map((row) => row.nominated));
  const facts = peersFacts(inputs, turnedAround, cohort);
  return facts && (isError(facts) ? facts : peersSummary(facts));
}

const LONG_DATE = (serial: number) =>
  utcFromSerial(serial).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
const monthOf = (serial: number) => isoFromSerial(serial).slice(0, 7);

/**
 * The note a reader needs when the figures are not from one date: councils turned families
 * around every quarter, so a share from July 2014 and one from August 2015 are not comparable.
 */
export function datesNote(
  council: string,
  councilAsAt: number | undefined,
  rows: readonly PeerInput[]
): string[] | null {
  const undated = rows.filter((r) => r.asAt === undefined).map((r) => r.authority);
  const dated = rows.filter((r) => r.asAt !== undefined) as (PeerInput & { asAt: number })[];
  const months = new Set(dated.map((r) => monthOf(r.asAt)));
  if (councilAsAt !== undefined) months.add(monthOf(councilAsAt));
  if (months.size <= 1 && undated.length === 0) return null;
  const byDate = new Map<number, string[]>();
  for (const r of dated) byDate.set(r.asAt, [...(byDate.get(r.asAt) ?? []), r.authority]);
  // A line per date, short enough to print within the page as the Report's other lines do.
  return [
    "Figures from different dates, not comparable as they stand: councils turned families around every quarter.",
    ...[...byDate]
      .sort(([a], [b]) => a - b)
      .map(([date, names]) => `As at ${LONG_DATE(date)}: ${names.join(", ")}.`),
    ...(undated.length > 0 ? [`No date given: ${undated.join(", ")}.`] : []),
    councilAsAt === undefined
      ? `${council}: no claim yet, so its share is as at today.`
      : `${council}: as at its latest claim, ${LONG_DATE(councilAsAt)}.`,
  ];
}

/**
 * "Among its peers": the council's rank, quartile, share, the peer and national averages and the
 * differences, each a live formula over the councils' table below it (the council's own row
 * points at the Report's families turned around and the cohort; a Peers table's counts, at their
 * cells in the workbook), with a chart of the shares.
 */
export function peersSection(facts: PeersFacts, place: PeersPlace): PeersSection {
  const { comparison: c, council } = facts;
  const national = c.national;
  const note = datesNote(council, facts.councilAsAt, [...c.peers, ...(national ? [national] : [])]);
  const placeTop = place.top + 3;
  const basisRow = placeTop + PLACE_ROWS.length + 2;
  const councilsTop = basisRow + 4 + (note?.length ?? 0);
  const councilRow = councilsTop + 1;
  const firstPeer = councilRow + 1;
  const lastPeer = councilRow + c.peers.length;
  const nationalRow = national ? lastPeer + 1 : undefined;
  const lastRow = nationalRow ?? lastPeer;
  const abs = (column: string, row: number) => `$${column}$${row}`;
  const shares = `${abs("E", firstPeer)}:${abs("E", lastPeer)}`;
  const shareFormula = (r: number) => `IF(C${r}=0,0,D${r}/C${r})`;
  const asAtCell = (serial: number | undefined): PlanCell =>
    serial === undefined ? v(null, "date") : v(serial, "date");

  const councilRowCells: PlanCell[] = [
    v(council, "text", true),
    v(c.ownRow?.region ?? null, "text"),
    f("TF_Cohort", num(facts.councilCohort), "count", true),
    f(place.turnedAroundCell, num(facts.councilTurnedAround), "count", true),
    f(shareFormula(councilRow), c.councilShare.toNumber(), "percent", true),
    asAtCell(facts.councilAsAt),
  ];
  const rowOf = (row: PeerInput, r: number): PlanCell[] => [
    v(row.authority, "text"),
    v(row.region ?? null, "text"),
    row.cohortCell ? f(row.cohortCell, num(row.cohort), "count") : v(num(row.cohort), "count"),
    row.turnedAroundCell
      ? f(row.turnedAroundCell, num(row.turnedAround), "count")
      : v(num(row.turnedAround), "count"),
    f(shareFormula(r), peerShare(row).toNumber(), "percent"),
    asAtCell(row.asAt),
  ];
  const councils: PlanTable = {
    name: PEER_TABLES.councils,
    topLeft: `A${councilsTop}`,
    columns: [
      { header: "Authority", format: "text" },
      { header: "Region", format: "text" },
      { header: "Families in the cohort", format: "count" },
      { header: "Families turned around", format: "count" },
      { header: "Share turned around", format: "percent" },
      { header: "As at", format: "date" },
    ],
    rows: [
      councilRowCells,
      ...c.peers.map((row, i) => rowOf(row, firstPeer + i)),
      ...(national && nationalRow ? [rowOf(national, nationalRow)] : []),
    ],
  };

  const p = (key: PlaceKey) => `B${placeTop + 1 + PLACE_ROWS.indexOf(key)}`;
  const nationalFormula = nationalRow
    ? `E${nationalRow}`
    : `SUM(D${councilRow}:D${lastPeer})/SUM(C${councilRow}:C${lastPeer})`;
  const figures: Record<PlaceKey, [string, number]> = {
    rank: [`1+COUNTIF(${shares},">"&E${councilRow})`, c.rank],
    of: [`ROWS(${shares})+1`, c.of],
    quartile: [`ROUNDUP(4*${p("rank")}/${p("of")},0)`, c.quartile],
    share: [`E${councilRow}`, c.councilShare.toNumber()],
    peerAverage: [`AVERAGE(${shares})`, c.peerAverage.toNumber()],
    nationalAverage: [nationalFormula, c.nationalAverage.toNumber()],
    fromPeers: [`${p("share")}-${p("peerAverage")}`, c.fromPeers.toNumber()],
    fromNational: [`${p("share")}-${p("nationalAverage")}`, c.fromNational.toNumber()],
  };
  const labels: Record<PlaceKey, string> = {
    ...PLACE_LABELS,
    nationalAverage: national
      ? `National average (${national.authority})`
      : "National average (the councils here, pooled)",
  };
  const placeTable: PlanTable = {
    name: PEER_TABLES.place,
    topLeft: `A${placeTop}`,
    columns: [
      { header: "Among its peers", format: "text" },
      // Counts and shares: each cell has its own format; the header sits over figures.
      { header: "Figure", format: "count" },
    ],
    rows: PLACE_ROWS.map((key) => {
      const [formula, value] = figures[key];
      const format = key === "rank" || key === "of" || key === "quartile" ? "count" : "percent";
      return [label(labels[key], key === "rank"), f(formula, value, format, key === "rank")];
    }),
  };

  // The sentence for a committee paper, a formula like the Report's others.
  const quarter = (q: number) => QUARTER_WORDS[q - 1];
  const text =
    `${council} ranks ${c.rank} of ${c.of} among its peers (${quarter(c.quartile)}): ` +
    `${onePlacePercent(c.councilShare.toNumber())} of its cohort turned around, against a peer average of ` +
    `${onePlacePercent(c.peerAverage.toNumber())} and a national average of ${onePlacePercent(c.nationalAverage.toNumber())}.`;
  const formula =
    `${literal(council)}&" ranks "&${p("rank")}&" of "&${p("of")}&" among its peers ("&CHOOSE(${p("quartile")},${QUARTER_WORDS.map(literal).join(",")})&"): "` +
    `&TEXT(${p("share")},"0.0%")&" of its cohort turned around, against a peer average of "&TEXT(${p("peerAverage")},"0.0%")` +
    `&" and a national average of "&TEXT(${p("nationalAverage")},"0.0%")&"."`;
  const basis = [
    "Rank 1 is the highest share turned around; the peer average is each peer's share, averaged.",
    national
      ? `The national average is the ${national.authority} row's share.`
      : "With no England row, the national average pools the councils here: turned around ÷ cohort.",
    `Where each peer's figures were published: the Source column of ${facts.peers.source}.`,
  ];

  const chartTop = lastRow + 2;
  const sheet = `'${place.sheet}'!`;
  const blocks: PlanBlock[] = [
    {
      topLeft: `A${place.top}`,
      rows: [
        [label("Among its peers", true)],
        [{ value: text, formula, format: "general", role: "sentence" }],
      ],
    },
    { topLeft: `A${basisRow}`, rows: [...basis, ...(note ?? [])].map((line) => [label(line)]) },
  ];
  const charts: PlanChart[] = [
    {
      kind: "column-clustered",
      title: "Share of the cohort turned around",
      categories: `${sheet}$A$${councilRow}:$A$${lastRow}`,
      series: [{ name: "Share turned around", values: `${sheet}$E$${councilRow}:$E$${lastRow}` }],
      anchor: `A${chartTop}`,
      to: `F${chartTop + CHART_ROWS - 1}`,
    },
  ];

  return {
    blocks,
    tables: [placeTable, councils],
    charts,
    summary: peersSummary(facts),
    labels: [...Object.values(labels), council, ...c.peers.map((r) => r.authority)],
  };
}

type PlaceKey =
  | "rank"
  | "of"
  | "quartile"
  | "share"
  | "peerAverage"
  | "nationalAverage"
  | "fromPeers"
  | "fromNational";
const PLACE_ROWS: PlaceKey[] = [
  "rank",
  "of",
  "quartile",
  "share",
  "peerAverage",
  "nationalAverage",
  "fromPeers",
  "fromNational",
];
const PLACE_LABELS: Record<PlaceKey, string> = {
  rank: "Rank (1 = highest share)",
  of: "Out of (the council and its peers)",
  quartile: "Quartile (1 = top quarter)",
  share: "Share of the cohort turned around",
  peerAverage: "Peer average",
  nationalAverage: "National average",
  fromPeers: "Difference from the peer average (points)",
  fromNational: "Difference from the national average (points)",
};
const QUARTER_WORDS = ["top quarter", "second quarter", "third quarter", "bottom quarter"];

/** The section's figures for the command line's --json and the task pane. */
export function peersSummary(facts: PeersFacts): PlanPeers {
  const { comparison: c, council } = facts;
  const national = c.national;
  const toIso = (serial: number | undefined) =>
    serial === undefined ? null : isoFromSerial(serial);
  return {
    rank: c.rank,
    of: c.of,
    quartile: c.quartile,
    councilShare: c.councilShare.toNumber(),
    peerAverage: c.peerAverage.toNumber(),
    nationalAverage: c.nationalAverage.toNumber(),
    nationalBasis: c.nationalBasis,
    fromPeers: c.fromPeers.toNumber(),
    fromNational: c.fromNational.toNumber(),
    source: facts.peers.source,
    councils: [
      {
        authority: council,
        share: c.councilShare.toNumber(),
        asAt: toIso(facts.councilAsAt),
        council: true,
      },
      ...c.peers.map((r) => ({
        authority: r.authority,
        share: peerShare(r).toNumber(),
        asAt: toIso(r.asAt),
      })),
      ...(national
        ? [
            {
              authority: national.authority,
              share: peerShare(national).toNumber(),
              asAt: toIso(national.asAt),
              national: true,
            },
          ]
        : []),
    ],
    datesNote: datesLines(facts.council, facts.councilAsAt, [
      ...c.peers,
      ...(national ? [national] : []),
    ]),
  };
}

const datesLines = (...args: Parameters<typeof datesNote>) => datesNote(...args)?.join(" ") ?? null;
