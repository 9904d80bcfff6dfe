import * as React from "react";
import { tokens } from "@fluentui/react-components";
import { formatPounds } from "../whatif";

/*
 * A small column chart drawn as SVG by React. No chart library: the smallest that draws stacked
 * and grouped columns with axes adds tens of KB gzip, and the pane must stay under 160 KB gzip;
 * the few shapes needed here are a few dozen lines. Redrawn on every keystroke like any React
 * element. For screen readers the figure has a name and a visually hidden table of its figures.
 */

export interface ChartSeries {
  name: string;
  values: number[];
  /** A colour token, so the chart follows the light and dark themes. */
  colour: string;
}

export interface ColumnChartProps {
  /** The chart's accessible name and visible caption: "Money received by financial year". */
  title: string;
  /** One label per column (or group of columns): "2016/17". */
  categories: string[];
  series: ChartSeries[];
  /** Stacked: the series add up in one column; grouped: a column per series side by side. */
  layout: "stacked" | "grouped";
  testId?: string;
}

/** Colours for up to four series that stay apart in light and dark themes. */
export const SERIES_COLOURS = [
  tokens.colorBrandBackground,
  tokens.colorPaletteMarigoldBorderActive,
  tokens.colorPaletteTealBorderActive,
  tokens.colorPaletteBerryBorderActive,
];

const WIDTH = 320;
const HEIGHT = 150;
const LEFT = 44; // room for "£1.2m"
const BOTTOM = 18; // room for "2016/17"
const TOP = 6;

/** A round axis maximum (1, 2 or 5 × a power of ten) and its step, about four ticks. */
export function niceScale(most: number): { max: number; step: number } {
  if (!(most > 0)) return { max: 1, step: 1 };
  const rough = most / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return { max: Math.ceil(most / step) * step, step };
}

/** £ on the axis, short: £0, £50k, £1.2m. */
export function axisPounds(amount: number): string {
  if (amount >= 1e6) return `£${+(amount / 1e6).toFixed(2)}m`;
  if (amount >= 1e3) return `£${+(amount / 1e3).toFixed(1)}k`;
  return `£${amount}`;
}

const hidden: React.CSSProperties = {
  position: "absolute",
  left: 0,
  top: 0,
  width: 1,
  height: 1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};

export function ColumnChart({ title, categories, series, layout, testId }: ColumnChartProps) {
  const captionId = React.useId();
  const totals = categories.map((_, c) =>
    layout === "stacked"
      ? series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0)
      : Math.max(0, ...series.map((s) => s.values[c] ?? 0))
  );
  const { max, step } = niceScale(Math.max(0, ...totals));
  const plotWidth = WIDTH - LEFT - 4;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (amount: number) => TOP + plotHeight - (amount / max) * plotHeight;
  const band = plotWidth / Math.max(1, categories.length);
  const gap = Math.min(8, band * 0.2);
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
  const textStyle = { fill: tokens.colorNeutralForeground2, fontSize: 9 };

  return (
    <figure className="tf-chart" aria-labelledby={captionId} data-testid={testId}>
      <figcaption id={captionId} className="tf-chart-title">
        {title}
      </figcaption>
      {/* The picture is for the eye; the table below says the same for a screen reader. */}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" aria-hidden="true" focusable="false">
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={LEFT}
              x2={WIDTH - 4}
              y1={y(tick)}
              y2={y(tick)}
              style={{ stroke: tokens.colorNeutralStroke2, strokeWidth: 0.5 }}
            />
            <text x={LEFT - 4} y={y(tick) + 3} textAnchor="end" style={textStyle}>
              {axisPounds(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, c) => {
          const x0 = LEFT + c * band + gap / 2;
          const inner = band - gap;
          let base = 0;
          return (
            <g key={category}>
              {series.map((s, k) => {
                const value = s.values[c] ?? 0;
                if (layout === "stacked") {
                  const rect = (
                    <rect
                      key={s.name}
                      x={x0}
                      width={inner}
                      y={y(base + value)}
                      height={y(base) - y(base + value)}
                      style={{ fill: s.colour }}
                    />
                  );
                  base += value;
                  return rect;
                }
                const w = inner / series.length;
                return (
                  <rect
                    key={s.name}
                    x={x0 + k * w}
                    width={Math.max(1, w - 1)}
                    y={y(value)}
                    height={y(0) - y(value)}
                    style={{ fill: s.colour }}
                  />
                );
              })}
              <text x={x0 + inner / 2} y={HEIGHT - 5} textAnchor="middle" style={textStyle}>
                {category}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="tf-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.name}>
            <span className="tf-swatch" style={{ background: s.colour }} />
            {s.name}
          </li>
        ))}
      </ul>
      {/* Hidden by its box: a table will not shrink to 1 px itself, and would widen the pane. */}
      <div style={hidden}>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Financial year</th>
              {series.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                </th>
              ))}
              {layout === "stacked" && <th scope="col">Total</th>}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, c) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {series.map((s) => (
                  <td key={s.name}>{formatPounds(s.values[c] ?? 0)}</td>
                ))}
                {layout === "stacked" && <td>{formatPounds(totals[c])}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
