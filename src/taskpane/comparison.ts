import { WhatIfFigures, WhatIfSettings } from "./cash-whatif";

/** A what-if saved under a name: the settings to come back to and the figures they gave. */
export interface Scenario {
  name: string;
  framework: string;
  /** The overall success rate used (0-1); per-route settings are in `settings`. */
  successRate: number;
  settings: WhatIfSettings;
  figures: WhatIfFigures;
}

/** A row of the side-by-side comparison: a label, then a value per scenario. */
export interface ComparisonRow {
  label: string;
  values: number[];
}

/**
 * Scenarios side by side: the headline figures, then the £ received in each financial year any
 * of them receives money in (a year one of them does not reach reads £0). The table the pane
 * shows and the sheet it writes are this one table.
 */
export interface Comparison {
  scenarios: string[];
  rows: ComparisonRow[];
  /** The financial years of the received-by-year rows, in order, for the grouped chart. */
  years: { label: string; received: number[] }[];
}

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

export function compareScenarios(scenarios: readonly Scenario[]): Comparison {
  const headline: [string, (f: WhatIfFigures) => number][] = [
    ["Cash envelope £", (f) => f.envelope],
    ["Secured (attachment fees) £", (f) => f.secured],
    ["At risk (payment by results) £", (f) => f.atRisk],
    ["Expected results £", (f) => f.expectedResults],
    ["Total received £", (f) => f.totalReceived],
  ];
  const starts = [
    ...new Set(scenarios.flatMap((s) => s.figures.years.map((y) => y.startYear))),
  ].sort((a, b) => a - b);
  const years = starts.map((start) => {
    const label =
      scenarios.flatMap((s) => s.figures.years).find((y) => y.startYear === start)?.label ?? "";
    return {
      label,
      received: scenarios.map(
        (s) => s.figures.years.find((y) => y.startYear === start)?.received ?? 0
      ),
    };
  });
  return {
    scenarios: scenarios.map((s) => s.name),
    rows: [
      ...headline.map(([label, figure]) => ({
        label,
        values: scenarios.map((s) => figure(s.figures)),
      })),
      ...years.map((year) => ({ label: `Received in ${year.label} £`, values: year.received })),
    ],
    years,
  };
}
