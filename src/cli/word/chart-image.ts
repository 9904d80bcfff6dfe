import { Resvg } from "@resvg/resvg-js";
import { XMLBuilder } from "fast-xml-parser";
import { planCells } from "../../workbook/plan-snapshot";
import { CellValue, PlanChart, WorkbookPlan } from "../../workbook/plan-types";
import { address, parseAddress } from "../../workbook/snapshot";
import { valueText } from "./cell-text";

/*
 * A plan's chart as a picture for a report: its ranges resolved against the plan's cached cell
 * values, drawn as SVG (built with an XML builder) and rasterised to PNG with resvg, for word
 * processors that show no SVG.
 */

/** A chart's figures: one label per category, one value per category in each series. */
export interface ChartData {
  title: string;
  stacked: boolean;
  categories: string[];
  series: { name: string; values: number[] }[];
}

/** The cells of a plan by "Sheet!A1". */
export type PlanCellValues = ReadonlyMap<string, CellValue>;

export function planCellValues(plan: Pick<WorkbookPlan, "sheets">): PlanCellValues {
  return new Map(
    planCells(plan).map(({ sheet, address, cell }) => [`${sheet}!${address}`, cell.value])
  );
}

/** "'Cash envelope'!$A$5:$A$7" → the values of its cells, row by row (a one-column or one-row range). */
export function rangeValues(range: string, cells: PlanCellValues): CellValue[] {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+)(?::(\$?[A-Z]+\$?\d+))?$/.exec(
    range.trim()
  );
  if (!match) throw new Error(`not a sheet-qualified range: ${range}`);
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  const from = parseAddress(match[3]);
  const to = parseAddress(match[4] ?? match[3]);
  if (!from || !to) throw new Error(`not a sheet-qualified range: ${range}`);
  const values: CellValue[] = [];
  for (let row = from.row; row <= to.row; row++) {
    for (let column = from.column; column <= to.column; column++) {
      values.push(cells.get(`${sheet}!${address(row, column)}`) ?? null);
    }
  }
  return values;
}

/** A plan chart's figures from the plan's cached values. */
export function chartData(chart: PlanChart, cells: PlanCellValues): ChartData {
  return {
    title: chart.title,
    stacked: chart.kind === "column-stacked",
    categories: rangeValues(chart.categories, cells).map((value) => valueText(value)),
    series: chart.series.map((series) => ({
      name: series.name,
      values: rangeValues(series.values, cells).map((value) =>
        typeof value === "number" ? value : 0
      ),
    })),
  };
}

// Colours a printed committee paper keeps apart in grey too: dark blue, amber, mid grey-blue.
const COLOURS = ["#1F4E79", "#E69A28", "#7FA7C9", "#6B6B6B", "#B4C7E7"];
/** The text colour that reads on each colour. */
const INK_ON = ["#FFFFFF", "#202020", "#202020", "#FFFFFF", "#202020"];
const FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";
const WIDTH = 760;
const HEIGHT = 400;
const PLOT = { left: 100, right: 20, top: 56, bottom: 96 };

/** A tick step of 1, 2, 2.5 or 5 × 10^n giving about five gridlines. */
function tickStep(span: number): number {
  if (span <= 0) return 1;
  const rough = span / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10;
  return step * power;
}

const WHOLE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const axisMoney = (n: number) => `${n < 0 ? "-" : ""}£${WHOLE.format(Math.abs(n))}`;
/** Whether a label at the bar labels' size fits a width (about 7.6 px a character). */
const fits = (label: string, width: number) => label.length * 7.6 + 6 <= width;

/** A bar's label: "£1.18m", "£358k", "£750". */
function shortMoney(n: number): string {
  const a = Math.abs(n);
  const sign = n < 0 ? "-" : "";
  if (a >= 1e6) return `${sign}£${Number((a / 1e6).toFixed(2))}m`;
  if (a >= 1e4) return `${sign}£${Math.round(a / 1e3)}k`;
  if (a >= 1e3) return `${sign}£${Number((a / 1e3).toFixed(1))}k`;
  return `${sign}£${Math.round(a)}`;
}

type Node = Record<string, unknown>;
const text = (x: number, y: number, content: string, attributes: Node = {}): Node => ({
  "@_x": x.toFixed(1),
  "@_y": y.toFixed(1),
  ...attributes,
  "#text": content,
});
const rect = (x: number, y: number, w: number, h: number, fill: string): Node => ({
  "@_x": x.toFixed(1),
  "@_y": y.toFixed(1),
  "@_width": Math.max(0, w).toFixed(1),
  "@_height": Math.max(0, h).toFixed(1),
  "@_fill": fill,
});

/** The chart as an SVG document: columns (stacked or side by side), £ axis, legend below. */
export function chartSvg(data: ChartData): string {
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const n = data.categories.length;
  // The columns' extent: stacks add up (positives and negatives apart), clusters do not.
  const extents = data.categories.map((_, i) => {
    const values = data.series.map((s) => s.values[i] ?? 0);
    return data.stacked
      ? {
          high: values.filter((v) => v > 0).reduce((a, b) => a + b, 0),
          low: values.filter((v) => v < 0).reduce((a, b) => a + b, 0),
        }
      : { high: Math.max(0, ...values), low: Math.min(0, ...values) };
  });
  const rawHigh = Math.max(0, ...extents.map((e) => e.high));
  const rawLow = Math.min(0, ...extents.map((e) => e.low));
  const step = tickStep(rawHigh - rawLow);
  // Headroom above the tallest column for its figure.
  const high = Math.ceil((rawHigh * 1.08) / step) * step || step;
  const low = Math.floor(rawLow / step) * step;
  const y = (value: number) => PLOT.top + ((high - value) / (high - low)) * plotHeight;

  const gridlines: Node[] = [];
  const axisLabels: Node[] = [];
  for (let tick = low; tick <= high + step / 2; tick += step) {
    gridlines.push({
      "@_x1": PLOT.left,
      "@_x2": WIDTH - PLOT.right,
      "@_y1": y(tick).toFixed(1),
      "@_y2": y(tick).toFixed(1),
      "@_stroke": tick === 0 ? "#404040" : "#D9D9D9",
      "@_stroke-width": tick === 0 ? 1.2 : 1,
    });
    axisLabels.push(text(PLOT.left - 8, y(tick) + 4, axisMoney(tick), { "@_text-anchor": "end" }));
  }

  const band = plotWidth / Math.max(1, n);
  const groupWidth = band * (data.stacked ? 0.62 : 0.74);
  const bars: Node[] = [];
  const barLabels: Node[] = [];
  const insideLabels: Node[] = [];
  const categoryLabels: Node[] = [];
  // The bars' figures in full where every one fits its bar (or stack), else all short ("£358k").
  const barWidth = data.stacked ? band : groupWidth / Math.max(1, data.series.length);
  const shown = data.stacked
    ? extents.map((e) => e.high)
    : data.series.flatMap((series) => series.values);
  const full = shown.every((value) => fits(axisMoney(value), barWidth));
  const figure = (value: number) => (full ? axisMoney(value) : shortMoney(value));
  data.categories.forEach((category, i) => {
    const left = PLOT.left + band * i + (band - groupWidth) / 2;
    categoryLabels.push(
      text(PLOT.left + band * (i + 0.5), PLOT.top + plotHeight + 22, category, {
        "@_text-anchor": "middle",
      })
    );
    if (data.stacked) {
      let up = 0;
      let down = 0;
      data.series.forEach((series, s) => {
        const value = series.values[i] ?? 0;
        const from = value >= 0 ? up : down;
        const to = from + value;
        if (value >= 0) up = to;
        else down = to;
        const colour = s % COLOURS.length;
        const height = Math.abs(y(to) - y(from));
        bars.push(rect(left, y(Math.max(from, to)), groupWidth, height, COLOURS[colour]));
        // Each part's figure inside it, where it has room.
        if (height >= 22 && fits(axisMoney(value), groupWidth)) {
          insideLabels.push(
            text(left + groupWidth / 2, (y(from) + y(to)) / 2 + 5, axisMoney(value), {
              "@_text-anchor": "middle",
              "@_fill": INK_ON[colour],
            })
          );
        }
      });
      barLabels.push(
        text(left + groupWidth / 2, y(up) - 7, figure(up), { "@_text-anchor": "middle" })
      );
    } else {
      const width = groupWidth / Math.max(1, data.series.length);
      data.series.forEach((series, s) => {
        const value = series.values[i] ?? 0;
        const x = left + width * s;
        const top = y(Math.max(0, value));
        bars.push(
          rect(x + 1, top, width - 2, Math.abs(y(value) - y(0)), COLOURS[s % COLOURS.length])
        );
        barLabels.push(
          text(x + width / 2, (value >= 0 ? top : y(0)) - 7, figure(value), {
            "@_text-anchor": "middle",
          })
        );
      });
    }
  });

  // The legend: one swatch and name per series, centred in rows below the category labels.
  const entries = data.series.map((series, s) => ({
    name: series.name,
    colour: COLOURS[s % COLOURS.length],
    width: 22 + series.name.length * 8.2 + 28,
  }));
  const legendRows: (typeof entries)[] = [[]];
  for (const entry of entries) {
    const row = legendRows[legendRows.length - 1];
    const used = row.reduce((a, e) => a + e.width, 0);
    if (row.length > 0 && used + entry.width > WIDTH - 40) legendRows.push([entry]);
    else row.push(entry);
  }
  const swatches: Node[] = [];
  const legendNames: Node[] = [];
  legendRows.forEach((row, r) => {
    const total = row.reduce((a, e) => a + e.width, 0);
    let x = (WIDTH - total) / 2;
    const top = PLOT.top + plotHeight + 52 + r * 24;
    for (const entry of row) {
      swatches.push(rect(x, top - 11, 14, 14, entry.colour));
      legendNames.push(text(x + 20, top + 1, entry.name));
      x += entry.width;
    }
  });

  const svg = {
    svg: {
      "@_xmlns": "http://www.w3.org/2000/svg",
      "@_width": WIDTH,
      "@_height": HEIGHT,
      "@_viewBox": `0 0 ${WIDTH} ${HEIGHT}`,
      "@_font-family": FONT,
      rect: rect(0, 0, WIDTH, HEIGHT, "#FFFFFF"),
      title: { "#text": data.title },
      g: [
        { line: gridlines },
        { rect: bars },
        { "@_font-size": 13, "@_fill": "#404040", text: axisLabels },
        { "@_font-size": 15, "@_fill": "#202020", text: categoryLabels },
        { "@_font-size": 13, "@_fill": "#202020", text: barLabels },
        { "@_font-size": 13, text: insideLabels },
        { rect: swatches },
        { "@_font-size": 14, "@_fill": "#202020", text: legendNames },
        {
          "@_font-size": 18,
          "@_font-weight": "bold",
          "@_fill": "#202020",
          text: text(WIDTH / 2, 28, data.title, { "@_text-anchor": "middle" }),
        },
      ],
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    textNodeName: "#text",
    suppressEmptyNode: true,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(svg) as string}`;
}

/** The SVG as a PNG `scale` times its size (sharp in print), with DejaVu or the system's fonts. */
export function svgToPng(svg: string, scale = 2): Buffer {
  const image = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "#FFFFFF",
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return image.render().asPng();
}

/** The size the chart is drawn at, in pixels (96 to the inch). */
export const CHART_SIZE = { width: WIDTH, height: HEIGHT };
