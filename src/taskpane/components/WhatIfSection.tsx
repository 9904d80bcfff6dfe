import { Field, Input, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import { PlanRelease } from "../../workbook/plan-types";
import { Headline, formatFamilies, formatPence, formatPercent, formatPounds } from "../whatif";

/** "£705,600 paid in Q1 2013/14; …": each part of the year-2 release with when it is paid. */
const releaseParts = (release: PlanRelease): string =>
  release.parts
    .map(
      ([when, amount]) => `${formatPounds(amount)} ${when.charAt(0).toLowerCase()}${when.slice(1)}`
    )
    .join("; ");

export interface WhatIfSectionProps {
  headline?: Headline;
  cost: string;
  onCost: (cost: string) => void;
}

/**
 * The workbook's own figures beside the what-if: families funded, claimed to date, clawback,
 * break-even and the year-2 release, recomputed by the engine as the assumptions change.
 */
export function WhatIfSection({ headline, cost, onCost }: WhatIfSectionProps) {
  return (
    <section aria-labelledby="whatif-heading" className="tf-section">
      <Subtitle2 as="h2" id="whatif-heading">
        From the workbook&rsquo;s tables
      </Subtitle2>
      {headline ? (
        <dl className="tf-figures" aria-live="polite">
          {headline.attached !== null && (
            <>
              <dt>Families attached</dt>
              <dd data-testid="attached">{formatFamilies(headline.attached)}</dd>
            </>
          )}
          <dt>Families funded</dt>
          <dd data-testid="funded">{formatFamilies(headline.funded)}</dd>
          {headline.beyondFunded > 0 && (
            <>
              <dt>Beyond the funded number (earn no fees or results)</dt>
              <dd data-testid="beyond-funded">{formatFamilies(headline.beyondFunded)}</dd>
            </>
          )}
          <dt>Results claimed to date</dt>
          <dd data-testid="claimed">{formatPounds(headline.claimed)}</dd>
          <dt>Expected clawback after spot checks</dt>
          <dd data-testid="clawback">{formatPence(headline.expectedClawback)}</dd>
          {headline.breakEven !== undefined && (
            <>
              <dt>Break-even success rate</dt>
              <dd data-testid="break-even">
                {headline.breakEven === null ? "not reachable" : formatPercent(headline.breakEven)}
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p>Read the workbook&rsquo;s inputs to see the figures.</p>
      )}
      {headline?.yearTwoRelease && (
        <p data-testid="year-two-release-line">
          <strong>Year-2 attachment release</strong> (
          {formatFamilies(headline.yearTwoRelease.workedWith)} of a year-1 commitment of{" "}
          {formatFamilies(headline.yearTwoRelease.commitment)},{" "}
          {formatPercent(headline.yearTwoRelease.share)}):{" "}
          <span data-testid="year-two-release">
            {headline.yearTwoRelease.band}: {releaseParts(headline.yearTwoRelease)}
          </span>
        </p>
      )}
      {headline?.warnings.map((warning) => (
        <MessageBar key={warning} intent="warning" role="status" data-testid="whatif-warning">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}
      <Field label="Cost central money should cover (£), for the break-even rate">
        <Input type="number" min={0} value={cost} onChange={(_, d) => onCost(d.value)} />
      </Field>
    </section>
  );
}
