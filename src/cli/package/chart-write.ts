import { NUMBER_FORMATS, PlanCell, PlanChart, WorkbookPlan } from "../../workbook/plan-types";
import { parseQualifiedRange, planCellsOf } from "../../workbook/plan-ranges";
import { columnLetters, parseAddress } from "../../workbook/snapshot";
import { RELATIONSHIPS_NS } from "./parts";
import { XmlNode, buildXml, makeElement } from "./xml";

/**
 * A plan's charts as native DrawingML parts for the command line's package writer: one drawing
 * part per sheet (xdr:wsDr, a two-cell anchor per chart) and one chart part per chart
 * (c:chartSpace with a bar chart). Every series' name, categories and values point at the cells
 * the plan writes, each with a cache of the plan's values, so viewers that do not recalculate
 * (previews, phones, LibreOffice with recalculation off) draw the same bars Excel does.
 */

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  r: RELATIONSHIPS_NS,
};
export const CHART_REL = `${RELATIONSHIPS_NS}/chart`;
export const DRAWING_REL = `${RELATIONSHIPS_NS}/drawing`;

/** Series colours in order: dark blue, orange, light blue, grey, green (Office's own hues). */
const PALETTE = ["1F4E79", "ED7D31", "5B9BD5", "A5A5A5", "70AD47", "FFC000"];
const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

const DECLARATION: XmlNode = makeElement("?xml", {
  version: "1.0",
  encoding: "UTF-8",
  standalone: "yes",
});
const document = (root: XmlNode) => buildXml([DECLARATION, root]);

const el = (tag: string, attrs: Record<string, string | number> = {}, ...children: XmlNode[]) =>
  makeElement(tag, attrs, children);
const text = (tag: string, value: string) => makeElement(tag, {}, value);
const val = (tag: string, value: string | number) => makeElement(tag, { val: value });

/** Rich text as a title: one paragraph, bold. */
function richText(content: string, size: number): XmlNode {
  return el(
    "c:tx",
    {},
    el(
      "c:rich",
      {},
      el("a:bodyPr"),
      el("a:lstStyle"),
      el(
        "a:p",
        {},
        el("a:pPr", {}, el("a:defRPr", { sz: size, b: 1 })),
        el("a:r", {}, el("a:rPr", { lang: "en-GB", sz: size, b: 1 }), text("a:t", content))
      )
    )
  );
}

const solidFill = (colour: string) => el("a:solidFill", {}, val("a:srgbClr", colour));

const formatCode = (cell: PlanCell | undefined) =>
  NUMBER_FORMATS[cell?.format && cell.format !== "text" ? cell.format : "general"];

/** A numeric range with its cache: the plan's numbers (a blank or text cell has no point). */
function numberReference(tag: string, reference: string, cells: (PlanCell | undefined)[]) {
  const first = cells.find((cell) => typeof cell?.value === "number");
  const points = cells.flatMap((cell, i) =>
    typeof cell?.value === "number" ? [el("c:pt", { idx: i }, text("c:v", String(cell.value)))] : []
  );
  return el(
    tag,
    {},
    el(
      "c:numRef",
      {},
      text("c:f", reference),
      el(
        "c:numCache",
        {},
        text("c:formatCode", formatCode(first)),
        val("c:ptCount", cells.length),
        ...points
      )
    )
  );
}

/** A text range with its cache: the plan's values as Excel shows them. */
function textReference(tag: string, reference: string, cells: (PlanCell | undefined)[]) {
  const points = cells.flatMap((cell, i) =>
    cell && cell.value !== null && cell.value !== ""
      ? [el("c:pt", { idx: i }, text("c:v", String(cell.value)))]
      : []
  );
  return el(
    tag,
    {},
    el(
      "c:strRef",
      {},
      text("c:f", reference),
      el("c:strCache", {}, val("c:ptCount", cells.length), ...points)
    )
  );
}

/**
 * A series' name: the header cell right above its values when that cell holds the name (a table
 * column's header), so renaming the column renames the series; otherwise the name as text.
 */
function seriesName(plan: WorkbookPlan, name: string, values: string): XmlNode {
  const { sheet, first } = parseQualifiedRange(values);
  if (first.row > 1) {
    const quoted = `'${sheet.replace(/'/g, "''")}'!`;
    const above = `${quoted}$${columnLetters(first.column)}$${first.row - 1}`;
    const cell = planCellsOf(plan, above)[0];
    if (cell?.value === name) return textReference("c:tx", above, [cell]);
  }
  return el("c:tx", {}, text("c:v", name));
}

function series(plan: WorkbookPlan, chart: PlanChart, index: number): XmlNode {
  const { name, values } = chart.series[index];
  const categories = planCellsOf(plan, chart.categories);
  const numericCategories =
    categories.length > 0 && categories.every((cell) => typeof cell?.value === "number");
  return el(
    "c:ser",
    {},
    val("c:idx", index),
    val("c:order", index),
    seriesName(plan, name, values),
    el("c:spPr", {}, solidFill(PALETTE[index % PALETTE.length])),
    val("c:invertIfNegative", 0),
    numericCategories
      ? numberReference("c:cat", chart.categories, categories)
      : textReference("c:cat", chart.categories, categories),
    numberReference("c:val", values, planCellsOf(plan, values))
  );
}

/** The chart part: a column chart (stacked or clustered) with £ on the value axis. */
export function chartXml(plan: WorkbookPlan, chart: PlanChart): string {
  const stacked = chart.kind === "column-stacked";
  const firstValue = chart.series
    .flatMap((s) => planCellsOf(plan, s.values))
    .find((cell) => typeof cell?.value === "number");
  const bars = el(
    "c:barChart",
    {},
    val("c:barDir", "col"),
    val("c:grouping", stacked ? "stacked" : "clustered"),
    val("c:varyColors", 0),
    ...chart.series.map((_, i) => series(plan, chart, i)),
    val("c:gapWidth", stacked ? 60 : 100),
    ...(stacked ? [val("c:overlap", 100)] : []),
    val("c:axId", CATEGORY_AXIS),
    val("c:axId", VALUE_AXIS)
  );
  const categoryAxis = el(
    "c:catAx",
    {},
    val("c:axId", CATEGORY_AXIS),
    el("c:scaling", {}, val("c:orientation", "minMax")),
    val("c:delete", 0),
    val("c:axPos", "b"),
    val("c:majorTickMark", "none"),
    val("c:minorTickMark", "none"),
    val("c:tickLblPos", "nextTo"),
    val("c:crossAx", VALUE_AXIS),
    val("c:crosses", "autoZero"),
    val("c:auto", 1),
    val("c:lblAlgn", "ctr"),
    val("c:lblOffset", 100),
    val("c:noMultiLvlLbl", 0)
  );
  const valueAxis = el(
    "c:valAx",
    {},
    val("c:axId", VALUE_AXIS),
    el("c:scaling", {}, val("c:orientation", "minMax")),
    val("c:delete", 0),
    val("c:axPos", "l"),
    el("c:majorGridlines", {}, el("c:spPr", {}, el("a:ln", {}, solidFill("D9D9D9")))),
    el("c:numFmt", { formatCode: formatCode(firstValue), sourceLinked: 0 }),
    val("c:majorTickMark", "out"),
    val("c:minorTickMark", "none"),
    val("c:tickLblPos", "nextTo"),
    val("c:crossAx", CATEGORY_AXIS),
    val("c:crosses", "autoZero"),
    val("c:crossBetween", "between")
  );
  const root = el(
    "c:chartSpace",
    { "xmlns:c": NS.c, "xmlns:a": NS.a, "xmlns:r": NS.r },
    val("c:lang", "en-GB"),
    val("c:roundedCorners", 0),
    el(
      "c:chart",
      {},
      el("c:title", {}, richText(chart.title, 1200), val("c:overlay", 0)),
      val("c:autoTitleDeleted", 0),
      el("c:plotArea", {}, el("c:layout"), bars, categoryAxis, valueAxis),
      el("c:legend", {}, val("c:legendPos", "b"), val("c:overlay", 0)),
      val("c:plotVisOnly", 1),
      val("c:dispBlanksAs", "gap")
    )
  );
  return document(root);
}

/** A cell's corner as a drawing marker: 0-based column and row, no offset. */
function marker(tag: string, row: number, column: number): XmlNode {
  return el(
    tag,
    {},
    text("xdr:col", String(column - 1)),
    text("xdr:colOff", "0"),
    text("xdr:row", String(row - 1)),
    text("xdr:rowOff", "0")
  );
}

/**
 * The sheet's drawing part: each chart anchored from the top-left corner of its anchor cell to
 * the bottom-right corner of its `to` cell (moving and sizing with the cells), each pointing at
 * its chart part through the drawing's relationship of the same index.
 */
export function drawingXml(charts: PlanChart[], relIds: string[]): string {
  const anchors = charts.map((chart, i) => {
    const from = parseAddress(chart.anchor);
    const to = parseAddress(chart.to);
    if (!from || !to || to.row < from.row || to.column < from.column)
      throw new Error(`the chart "${chart.title}" has no valid cells: ${chart.anchor}:${chart.to}`);
    return el(
      "xdr:twoCellAnchor",
      {},
      marker("xdr:from", from.row, from.column),
      marker("xdr:to", to.row + 1, to.column + 1),
      el(
        "xdr:graphicFrame",
        { macro: "" },
        el(
          "xdr:nvGraphicFramePr",
          {},
          el("xdr:cNvPr", { id: i + 2, name: `Chart ${i + 1}`, descr: chart.title }),
          el("xdr:cNvGraphicFramePr")
        ),
        el("xdr:xfrm", {}, el("a:off", { x: 0, y: 0 }), el("a:ext", { cx: 0, cy: 0 })),
        el(
          "a:graphic",
          {},
          el(
            "a:graphicData",
            { uri: NS.c },
            el("c:chart", { "xmlns:c": NS.c, "xmlns:r": NS.r, "r:id": relIds[i] })
          )
        )
      ),
      el("xdr:clientData")
    );
  });
  return document(el("xdr:wsDr", { "xmlns:xdr": NS.xdr, "xmlns:a": NS.a }, ...anchors));
}

/** Relationships from a part to its targets (relative names), as rId1, rId2, …. */
export function relationshipsXml(rels: { type: string; target: string }[]): string {
  return document(
    el(
      "Relationships",
      { xmlns: "http://schemas.openxmlformats.org/package/2006/relationships" },
      ...rels.map(({ type, target }, i) =>
        el("Relationship", { Id: `rId${i + 1}`, Type: type, Target: target })
      )
    )
  );
}
