import * as React from "react";
import { MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import { isError } from "../../engine/errors";
import { FundingInputs } from "../../workbook/inputs";
import { readPeers } from "../../workbook/peers-read";
import { WorkbookSnapshot } from "../../workbook/snapshot";
import { paneProblemText } from "../problem-text";
import { placeAmongPeers } from "../../workbook/plan-peers";
import { PlanPeers } from "../../workbook/plan-types";
import { formatPercent } from "../whatif";

export interface PeersSectionProps {
  /** The workbook as read: its Peers table, if any, is read here (the reader loads with this section). */
  snapshot?: WorkbookSnapshot;
  /** The inputs with the pane's settings applied. */
  inputs?: FundingInputs;
}

const QUARTERS = ["top quarter", "second quarter", "third quarter", "bottom quarter"];
/** A difference in percentage points, signed: "+19.8 points", "−15.9 points". */
const points = (share: number) =>
  `${share > 0 ? "+" : share < 0 ? "−" : ""}${Math.abs(share * 100).toFixed(1)} points`;

/**
 * The council among its peers, when the workbook holds a Peers table: the figures the Report's
 * "Among its peers" shows (rank, quartile, the averages and the differences), worked out by the
 * same function from the same inputs, and a bar chart of the shares.
 */
export function PeersSection({ snapshot, inputs }: PeersSectionProps) {
  const read = React.useMemo(() => (snapshot ? readPeers(snapshot, true) : undefined), [snapshot]);
  const place = React.useMemo(
    () => (inputs && read?.peers ? placeAmongPeers({ ...inputs, peers: read.peers }) : undefined),
    [inputs, read]
  );
  const problems = read?.problems ?? [];
  if (!place && problems.length === 0) return null;
  return (
    <section aria-labelledby="peers-heading" className="tf-section">
      <Subtitle2 as="h2" id="peers-heading">
        Among its peers
      </Subtitle2>
      {problems.length > 0 || !place || isError(place) ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {problems.length > 0
              ? problems.map(paneProblemText).join(" ")
              : place && isError(place) && place.message}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <PeerFigures peers={place} />
      )}
    </section>
  );
}

function PeerFigures({ peers }: { peers: PlanPeers }) {
  const national = peers.councils.find((c) => c.national)?.authority;
  return (
    <>
      <dl className="tf-figures">
        <dt>Rank (1 = highest share turned around)</dt>
        <dd data-testid="peer-rank">
          {peers.rank} of {peers.of}
        </dd>
        <dt>Quartile</dt>
        <dd data-testid="peer-quartile">
          {peers.quartile} ({QUARTERS[peers.quartile - 1]})
        </dd>
        <dt>Share of the cohort turned around</dt>
        <dd data-testid="peer-share">{formatPercent(peers.councilShare)}</dd>
        <dt>Peer average</dt>
        <dd data-testid="peer-average">
          {formatPercent(peers.peerAverage)} ({points(peers.fromPeers)})
        </dd>
        <dt>National average{national ? ` (${national})` : " (the councils here, pooled)"}</dt>
        <dd data-testid="national-average">
          {formatPercent(peers.nationalAverage)} ({points(peers.fromNational)})
        </dd>
      </dl>
      <ShareBars peers={peers} />
      {peers.datesNote && (
        <p className="tf-note" data-testid="peer-dates">
          {peers.datesNote}
        </p>
      )}
      <p className="tf-note">Peers from {peers.source}.</p>
    </>
  );
}

const ROW = 16;
const LABEL = 110;
const WIDTH = 320;

/**
 * Horizontal bars, one per council, the council's own in the brand colour: names read whole in
 * a 350 px pane, where columns would crowd them. SVG by React, like the pane's column chart; a
 * visually hidden list says the same to a screen reader.
 */
function ShareBars({ peers }: { peers: PlanPeers }) {
  const height = peers.councils.length * ROW + 4;
  const bar = (share: number) => Math.max(1, share * (WIDTH - LABEL - 40));
  const textStyle = { fill: tokens.colorNeutralForeground2, fontSize: 9 };
  return (
    <figure className="tf-chart" aria-label="Share of the cohort turned around, by council">
      <figcaption className="tf-chart-title">Share of the cohort turned around</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" aria-hidden="true" focusable="false">
        {peers.councils.map((c, i) => (
          <g key={c.authority} transform={`translate(0 ${i * ROW + 2})`}>
            <text x={LABEL - 4} y={ROW / 2 + 3} textAnchor="end" style={textStyle}>
              {c.authority.length > 22 ? `${c.authority.slice(0, 21)}…` : c.authority}
            </text>
            <rect
              x={LABEL}
              y={2}
              width={bar(c.share)}
              height={ROW - 4}
              style={{
                fill: c.council
                  ? tokens.colorBrandBackground
                  : c.national
                    ? tokens.colorPaletteMarigoldBorderActive
                    : tokens.colorNeutralStroke1,
              }}
            />
            <text x={LABEL + bar(c.share) + 3} y={ROW / 2 + 3} style={textStyle}>
              {formatPercent(c.share)}
            </text>
          </g>
        ))}
      </svg>
      <ul className="tf-visually-hidden" style={{ position: "absolute", left: -10000 }}>
        {peers.councils.map((c) => (
          <li key={c.authority}>
            {c.authority}: {formatPercent(c.share)}
            {c.asAt ? `, as at ${c.asAt}` : ""}
          </li>
        ))}
      </ul>
    </figure>
  );
}
