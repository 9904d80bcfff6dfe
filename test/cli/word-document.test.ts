import fs from "fs";
import path from "path";
import { XMLParser } from "fast-xml-parser";
import { serialFromUtc } from "../../src/engine/dates";
import { assumptionsUsed } from "../../src/workbook/assumptions-used";
import { readInputs } from "../../src/workbook/inputs";
import { snapshotOfPlan } from "../../src/workbook/plan-snapshot";
import { ENVELOPE_SHEET } from "../../src/workbook/plan-envelope";
import { RISK_SHEET } from "../../src/workbook/plan-risk";
import { f, label, v } from "../../src/workbook/cells";
import { GENERATED_NOTE, PlanSheet } from "../../src/workbook/plan-types";
import { samplePlan } from "../../src/workbook/sample";
import { REPORT_SHEETS } from "../../src/cli/report";
import { cellText, valueText } from "../../src/cli/word/cell-text";
import {
  chartData,
  chartSvg,
  planCellValues,
  rangeValues,
  svgToPng,
} from "../../src/cli/word/chart-image";
import { reportDocx } from "../../src/cli/word/document";
import { planFrom } from "../support/plan-from";
import { unzip } from "../support/zip";
import { unescapeXml } from "../support/unzip";

const artifacts = path.join(__dirname, "..", "..", "test-artifacts", "report-docx");
const inputSheets = samplePlan().sheets;
const plan = planFrom(inputSheets);

describe("a plan cell's text in a report", () => {
  it.each([
    [2352000, "money", "£2,352,000"],
    [649340.74, "money", "£649,341"],
    [649340.74, "money-pence", "£649,340.74"],
    [357800, "money-pence", "£357,800.00"],
    [-1234.5, "money", "-£1,235"],
    [0, "money", "£0"],
    [0.3, "percent", "30.0%"],
    [472 / 730, "percent", "64.7%"],
    [0.0965, "percent", "9.7%"],
    [294, "families", "294"],
    [587.5, "families", "588"],
    [587.5, "families-fraction", "587.5"],
    [1234.4, "count", "1,234"],
    [serialFromUtc(2015, 5, 31), "date", "31/05/2015"],
    ["2012/13", "text", "2012/13"],
  ] as const)("%p as %s is %s", (value, format, text) => {
    expect(valueText(value, format)).toBe(text);
  });

  it("never prints TRUE/FALSE, a formula or null", () => {
    expect(valueText(true)).toBe("Yes");
    expect(valueText(false)).toBe("No");
    expect(valueText(null, "money")).toBe("");
    // The cached value is printed, never the formula.
    expect(cellText({ value: 705600, formula: "SUBTOTAL(109,TF_Envelope[X])" }, "money")).toBe(
      "£705,600"
    );
    // A cell's own format wins over its column's.
    expect(cellText({ value: 0.3, format: "percent" }, "money")).toBe("30.0%");
  });
});

describe("a plan chart as a picture", () => {
  const cells = planCellValues(plan);
  const sheet = (name: string) => plan.sheets.find((s) => s.name === name)!;

  it("resolves a chart's ranges against the plan's cached values", () => {
    const chart = sheet(ENVELOPE_SHEET).charts[0];
    const data = chartData(chart, cells);
    expect(data.stacked).toBe(true);
    expect(data.categories).toEqual(["2012/13", "2013/14"]);
    // Barnet's fast-tracked cohort: attachment and the results maximum by year.
    expect(data.series).toEqual([
      { name: "Attachment £", values: [940800, 705600] },
      { name: "Results (PbR) maximum £", values: [235200, 470400] },
    ]);
    expect(rangeValues("'Cash envelope'!$A$5", cells)).toEqual(["2012/13"]);
    expect(() => rangeValues("A5:A6", cells)).toThrow(/sheet-qualified/);
  });

  it("draws each series' columns with a £ axis and a legend, as SVG and PNG", () => {
    fs.mkdirSync(artifacts, { recursive: true });
    for (const [i, chart] of plan.sheets.flatMap((s) => s.charts).entries()) {
      const data = chartData(chart, cells);
      const svg = chartSvg(data);
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg) as {
        svg: { g: { rect?: unknown[] | unknown; text?: { "#text": string }[] }[] };
      };
      const bars = parsed.svg.g[1].rect;
      const count = data.categories.length * data.series.length;
      expect(Array.isArray(bars) ? bars.length : 1).toBe(count);
      const texts = parsed.svg.g.flatMap((g) => (Array.isArray(g.text) ? g.text : []));
      const words = texts.map((t) => String(t["#text"]));
      for (const series of data.series) expect(words).toContain(series.name);
      expect(words).toContain("£0");
      const png = svgToPng(svg);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      fs.writeFileSync(path.join(artifacts, `chart-${i + 1}.png`), png);
    }
  });

  it("labels the stacked columns with each part and the year's total", () => {
    const data = chartData(sheet(ENVELOPE_SHEET).charts[0], cells);
    const svg = chartSvg(data);
    for (const figure of ["£940,800", "£235,200", "£705,600", "£470,400", "£1,176,000"])
      expect(svg).toContain(`>${figure}<`);
  });
});

/** The paragraphs of a document.xml: each one's XML and its text. */
function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map(([p]) => ({
    xml: p,
    text: [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join(""),
  }));
}

/** The sheets the document tests render: the generic writer over two known sheets. */
const SHEETS = [ENVELOPE_SHEET, RISK_SHEET];

it("reports sheets the plan has", () => {
  const names = plan.sheets.map((s) => s.name);
  for (const name of REPORT_SHEETS) expect(names).toContain(name);
});

describe("the Word report of the plan's Cash envelope and PbR risk sheets", () => {
  let xml = "";
  let parts: Record<string, Buffer> = {};
  beforeAll(async () => {
    const { inputs } = readInputs(snapshotOfPlan({ sheets: inputSheets }));
    const docx = await reportDocx({
      plan,
      sheets: SHEETS,
      assumptions: assumptionsUsed(inputs!.assumptions),
      subtitle: "Figures from the sample.",
    });
    parts = unzip(docx);
    xml = parts["word/document.xml"].toString("utf8");
  });

  it("renders the sheets asked for, their tables as Word tables, and the appendix", () => {
    const tables = plan.sheets.filter((s) => SHEETS.includes(s.name)).flatMap((s) => s.tables);
    // Every Excel table, the figure grids (secured and at risk; the year-2 release; the
    // forecast) and the appendix.
    expect(xml.match(/<w:tbl>/g)?.length).toBe(tables.length + 3 + 1);
    const text = paragraphs(xml).map((p) => p.text);
    expect(text).toContain(
      "Total cash envelope £2,352,000, of which £705,600 (30%) depends on payment by results; £1,646,400 is secured as attachment fees."
    );
    for (const figure of ["£2,352,000", "£705,600", "£357,800", "£649,341", "31/05/2015", "55.3%"])
      expect(text).toContain(figure);
    expect(text).toContain("Appendix: basis of figures");
    expect(text).toContain("Eligibility share");
  });

  it("prints cached values only, and no helper line or TRUE/FALSE", () => {
    const text = paragraphs(xml)
      .map((p) => p.text)
      .join("\n");
    expect(text).not.toMatch(/SUBTOTAL|TF_[A-Z]|ROUND\(/);
    expect(text).not.toMatch(/Generated by the Troubled Families|Built from/);
    expect(text).not.toMatch(/\b(TRUE|FALSE)\b/);
  });

  it("right-aligns every £ figure, bolds the totals rows and styles the titles as headings", () => {
    const all = paragraphs(xml);
    const money = all.filter((p) => /^-?£[\d,]+(\.\d\d)?$/.test(p.text));
    expect(money.length).toBeGreaterThan(40);
    for (const p of money) expect(p.xml).toContain('<w:jc w:val="right"/>');
    const totals = [...xml.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/gs)]
      .map(([row]) => row)
      .filter((row) => paragraphs(row)[0]?.text === "Total");
    expect(totals).toHaveLength(3); // the envelope, the PbR risk and the results cash by year
    for (const row of totals) {
      const runs = row.match(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs) ?? [];
      expect(runs.length).toBeGreaterThan(1);
      for (const run of runs) expect(run).toContain("<w:b/>");
    }
    const heading = all.find((p) => p.text.startsWith("Cash envelope: "));
    expect(heading?.xml).toContain('<w:pStyle w:val="Heading1"/>');
  });

  it("fits every table in its page's text width (landscape where a table is wide)", () => {
    const sections = xml.split("</w:sectPr>").slice(0, -1);
    expect(sections.length).toBe(SHEETS.length + 1);
    let checked = 0;
    for (const section of sections) {
      const width = Number(/<w:pgSz w:w="(\d+)"/.exec(section)?.[1]);
      const left = Number(/<w:pgMar[^>]* w:left="(\d+)"/.exec(section)?.[1]);
      const right = Number(/<w:pgMar[^>]* w:right="(\d+)"/.exec(section)?.[1]);
      for (const [grid] of section.matchAll(/<w:tblGrid>.*?<\/w:tblGrid>/gs)) {
        const columns = [...grid.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
        const total = columns.reduce((a, b) => a + b, 0);
        expect(total).toBeLessThanOrEqual(width - left - right);
        checked++;
      }
    }
    expect(checked).toBe(xml.match(/<w:tbl>/g)?.length);
    // The envelope's nine columns and the risk table's eleven need a landscape page.
    expect(sections[0]).toContain('w:orient="landscape"');
    expect(sections[sections.length - 1]).toContain('w:orient="portrait"');
  });

  it("holds both charts as SVG pictures with a PNG for word processors without SVG", () => {
    const media = Object.keys(parts).filter((name) => name.startsWith("word/media/"));
    expect(media.filter((name) => name.endsWith(".svg"))).toHaveLength(2);
    expect(media.filter((name) => name.endsWith(".png"))).toHaveLength(2);
    expect(xml).toContain('descr="Attachment £: 2012/13 £940,800, 2013/14 £705,600;');
  });
});

describe("the Word writer over any plan sheet (as the Report sheet will be)", () => {
  const report: PlanSheet = {
    name: "Report",
    widths: {},
    blocks: [
      {
        topLeft: "A1",
        rows: [[label("Report: Barnet", true)], [label("Built from Families!A4:C6.")]],
      },
      { topLeft: "A3", rows: [[label(GENERATED_NOTE)]] },
      {
        topLeft: "A10",
        rows: [
          [label("Payment by results", true)],
          [
            f(
              `"Claimed to date £"&TEXT(D8,"#,##0.00")`,
              "Claimed to date £357,800.00; forecast to the programme's end £649,340.74.",
              "text"
            ),
          ],
        ],
      },
    ],
    tables: [
      {
        name: "TF_ReportOutcomes",
        topLeft: "A5",
        columns: [
          { header: "Outcome", format: "text", total: { label: "Total" } },
          { header: "Families", format: "families", total: "sum" },
          { header: "Share of cohort", format: "percent" },
          { header: "Claimed £", format: "money-pence", total: "sum" },
        ],
        rows: [
          [v("Crime/ASB and education", "text"), v(472), v(472 / 730), v(357800)],
          [v("Continuous employment", "text"), v(true), v(null), v(0.5)],
        ],
        totals: [
          label("Total", true),
          f("SUBTOTAL(109,X)", 472),
          v(null),
          f("SUM(D6:D7)", 357800.5),
        ],
      },
    ],
    charts: [],
  };
  let xml = "";
  let parts: Record<string, Buffer> = {};
  beforeAll(async () => {
    const docx = await reportDocx({
      // In place of the plan's own Report sheet, this made-up one.
      plan: { ...plan, sheets: [...plan.sheets.filter((s) => s.name !== "Report"), report] },
      sheets: ["Report"],
      assumptions: [],
      subtitle: "A test.",
    });
    parts = unzip(docx);
    xml = parts["word/document.xml"].toString("utf8");
  });

  it("renders titles, sentences and tables by their formats, skipping the helper lines", () => {
    const all = paragraphs(xml);
    const text = all.map((p) => p.text);
    expect(all.find((p) => p.text === "Report: Barnet")?.xml).toContain("Heading1");
    expect(all.find((p) => p.text === "Payment by results")?.xml).toContain("Heading2");
    expect(text).toContain(
      "Claimed to date £357,800.00; forecast to the programme's end £649,340.74."
    );
    for (const cell of ["472", "64.7%", "£357,800.00", "£0.50", "Yes", "£357,800.50"])
      expect(text).toContain(cell);
    expect(text.join("\n")).not.toMatch(/Built from|Generated by|SUBTOTAL|TEXT\(/);
    // The outcomes table, then the appendix (no settings given: a header row alone).
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    const row = all.findIndex((p) => p.text === "Total");
    expect(all[row].xml).toContain("<w:b/>");
    expect(all[row + 3].text).toBe("£357,800.50");
    expect(all[row + 3].xml).toContain("<w:b/>");
    expect(all[row + 3].xml).toContain('<w:jc w:val="right"/>');
    expect(xml).toContain('w:orient="portrait"');
    expect(xml).not.toContain('w:orient="landscape"');
  });

  it("shows the plan's charts when the sheets reported carry none", () => {
    const svgs = Object.keys(parts).filter((name) => /^word\/media\/.*\.svg$/.test(name));
    expect(svgs).toHaveLength(plan.sheets.flatMap((s) => s.charts).length);
  });

  it("refuses a sheet the plan does not have", async () => {
    await expect(
      reportDocx({ plan, sheets: ["Nowhere"], assumptions: [], subtitle: "" })
    ).rejects.toThrow(/no sheet "Nowhere"/);
  });
});
