import { execFileSync } from "child_process";
import { XMLParser } from "fast-xml-parser";
import { chartXml, drawingXml } from "../../../src/cli/package/chart-write";
import { PlanChart, PlanSheet, WorkbookPlan } from "../../../src/workbook/plan-types";

/** The chart and drawing parts for a small hand-made plan, read back with an XML parser. */
const sheet: PlanSheet = {
  name: "Money & more",
  widths: {},
  blocks: [{ topLeft: "A1", rows: [[{ value: "Title", format: "text" }]] }],
  tables: [
    {
      name: "TF_Money",
      topLeft: "A3",
      columns: [
        { header: "Year", format: "text" },
        { header: "Paid £", format: "money" },
        { header: "Count", format: "count" },
      ],
      rows: [
        [
          { value: "2012/13" },
          { value: 1000.5, formula: "2*500.25", format: "money" },
          { value: 3 },
        ],
        [{ value: "2013/14" }, { value: null, formula: "1/0", format: "money" }, { value: 4 }],
      ],
    },
  ],
  charts: [],
};
const plan: WorkbookPlan = { sheets: [sheet], names: {}, summary: {} as WorkbookPlan["summary"] };
const chart = (extra: Partial<PlanChart> = {}): PlanChart => ({
  kind: "column-clustered",
  title: "Paid <by> year & more",
  categories: "'Money & more'!$A$4:$A$5",
  series: [
    { name: "Paid £", values: "'Money & more'!$B$4:$B$5" },
    { name: "Families counted", values: "'Money & more'!$C$4:$C$5" },
  ],
  anchor: "E2",
  to: "J20",
  ...extra,
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => ["c:ser", "c:pt"].includes(name),
});
const bars = (xml: string) =>
  parser.parse(xml)["c:chartSpace"]["c:chart"]["c:plotArea"]["c:barChart"];

describe("the chart part", () => {
  it("is well-formed XML, its title escaped by the builder", () => {
    const xml = chartXml(plan, chart());
    execFileSync("xmllint", ["--noout", "-"], { input: xml });
    expect(xml).toContain("<a:t>Paid &lt;by&gt; year &amp; more</a:t>");
    expect(xml).toContain("<c:f>'Money &amp; more'!$B$4:$B$5</c:f>");
  });

  it("stacks with overlap 100, clusters without it", () => {
    expect(bars(chartXml(plan, chart({ kind: "column-stacked" })))).toMatchObject({
      "c:barDir": { val: "col" },
      "c:grouping": { val: "stacked" },
      "c:overlap": { val: "100" },
    });
    const clustered = bars(chartXml(plan, chart()));
    expect(clustered["c:grouping"]).toEqual({ val: "clustered" });
    expect(clustered["c:overlap"]).toBeUndefined();
  });

  it("names a series by its header cell when the header is its name, else by the name itself", () => {
    const [paid, counted] = bars(chartXml(plan, chart()))["c:ser"];
    expect(paid["c:tx"]["c:strRef"]["c:f"]).toBe("'Money & more'!$B$3");
    expect(counted["c:tx"]).toEqual({ "c:v": "Families counted" });
  });

  it("caches the plan's numbers (none for a blank) with their format, and the years as text", () => {
    const [paid, counted] = bars(chartXml(plan, chart()))["c:ser"];
    const cache = paid["c:val"]["c:numRef"]["c:numCache"];
    expect(cache["c:formatCode"]).toBe('"£"#,##0;[Red]-"£"#,##0');
    expect(cache["c:ptCount"]).toEqual({ val: "2" });
    expect(cache["c:pt"]).toEqual([{ idx: "0", "c:v": 1000.5 }]);
    expect(counted["c:val"]["c:numRef"]["c:numCache"]["c:formatCode"]).toBe("General");
    expect(
      paid["c:cat"]["c:strRef"]["c:strCache"]["c:pt"].map((p: { "c:v": string }) => p["c:v"])
    ).toEqual(["2012/13", "2013/14"]);
  });

  it("caches nothing for a range on a sheet the plan does not write", () => {
    const xml = chartXml(
      plan,
      chart({ series: [{ name: "Theirs", values: "Families!$B$5:$B$6" }] })
    );
    const cache = bars(xml)["c:ser"][0]["c:val"]["c:numRef"]["c:numCache"];
    expect(cache["c:ptCount"]).toEqual({ val: "2" });
    expect(cache["c:pt"]).toBeUndefined();
  });
});

describe("the drawing part", () => {
  it("anchors each chart from its top-left cell to the far corner of its bottom-right cell", () => {
    const xml = drawingXml([chart(), chart({ anchor: "A30", to: "D40" })], ["rId1", "rId2"]);
    execFileSync("xmllint", ["--noout", "-"], { input: xml });
    const anchors = parser.parse(xml)["xdr:wsDr"]["xdr:twoCellAnchor"];
    const corner = (m: Record<string, number>) => [m["xdr:col"], m["xdr:row"]];
    expect(
      anchors.map((a: Record<string, Record<string, number>>) => [
        corner(a["xdr:from"]),
        corner(a["xdr:to"]),
      ])
    ).toEqual([
      [
        [4, 1],
        [10, 20],
      ],
      [
        [0, 29],
        [4, 40],
      ],
    ]);
    expect(xml).toMatch(/<c:chart [^>]*r:id="rId2"\/>/);
  });

  it("refuses a chart whose corners are back to front", () => {
    expect(() => drawingXml([chart({ anchor: "J20", to: "E2" })], ["rId1"])).toThrow(
      /no valid cells/
    );
  });
});
