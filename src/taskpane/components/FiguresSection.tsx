import { Caption1, Subtitle2 } from "@fluentui/react-components";
import { WhatIfFigures } from "../cash-whatif";
import { formatPounds } from "../whatif";
import { ColumnChart, SERIES_COLOURS } from "./ColumnChart";

export interface FiguresSectionProps {
  figures?: WhatIfFigures;
  /** The figures are the last good ones: a field below cannot be read. */
  stale: boolean;
  /** "at 65%" or "at the routes' rates", after "Expected results". */
  rateText: string;
}

/**
 * The answer first: what the plan gets (the headline figures) and when (the money by the
 * financial year it is received), at the top of the pane, visible without scrolling.
 */
export function FiguresSection({ figures, stale, rateText }: FiguresSectionProps) {
  return (
    <section aria-labelledby="figures-heading" className="tf-section" data-testid="figures">
      <Subtitle2 as="h2" id="figures-heading">
        What we get, and when
      </Subtitle2>
      {figures ? (
        <>
          {stale && (
            <Caption1 role="status" data-testid="figures-stale">
              Last figures that could be worked out: put the field marked below right.
            </Caption1>
          )}
          <dl className="tf-headline" aria-live="polite">
            <div>
              <dt>Cash envelope</dt>
              <dd data-testid="envelope">{formatPounds(figures.envelope)}</dd>
            </div>
            <div>
              <dt>Secured (attachment fees)</dt>
              <dd data-testid="secured">{formatPounds(figures.secured)}</dd>
            </div>
            <div>
              <dt>At risk (payment by results)</dt>
              <dd data-testid="at-risk">{formatPounds(figures.atRisk)}</dd>
            </div>
            <div>
              <dt>Expected results {rateText}</dt>
              <dd data-testid="expected">{formatPounds(figures.expectedResults)}</dd>
            </div>
            <div className="tf-headline-total">
              <dt>Total received</dt>
              <dd data-testid="total-received">{formatPounds(figures.totalReceived)}</dd>
            </div>
          </dl>
          {figures.warnings.map((warning) => (
            <Caption1 key={warning} className="tf-warning" data-testid="figures-warning">
              {warning}
            </Caption1>
          ))}
          <ColumnChart
            testId="cash-chart"
            title="Money received by financial year"
            layout="stacked"
            categories={figures.years.map((year) => year.label)}
            series={[
              {
                name: "Attachment fees",
                values: figures.years.map((year) => year.attachment),
                colour: SERIES_COLOURS[0],
              },
              {
                name: "Results (PbR)",
                values: figures.years.map((year) => year.results),
                colour: SERIES_COLOURS[1],
              },
            ]}
          />
        </>
      ) : (
        <Caption1>Type the families attached each year below, or read the workbook.</Caption1>
      )}
    </section>
  );
}
