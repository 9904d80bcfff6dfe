import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { XMLParser } from "fast-xml-parser";
import { builtCli } from "../support/cli";
import { convertWithLibreOffice, fieldFixtures, FieldFixtures } from "../support/fixtures";
import { libreOfficeAvailable, recalculate } from "../support/libreoffice";
import { partsNotKept, zipEntries } from "../support/unzip";

/**
 * Issue 13: `tf-funding tables` draws the plan's charts natively (DrawingML drawing and chart
 * parts), so the workbook a council officer opens carries them whatever opens it. The figures
 * are the funding rules' for the sample (Barnet, 705 cohort, 588 funded, phase 1 fast-track):
 * attachment £940,800 in 2012/13 and £705,600 in 2013/14, results maxima £235,200 and
 * £470,400: a £2,352,000 envelope of which £705,600 is at risk.
 */
const cli = builtCli("charts", 120_000);
const { tf, file } = cli;
const haveLibreOffice = libreOfficeAvailable();
const withLibreOffice = haveLibreOffice ? it : it.skip;
const ARTIFACTS = path.join(__dirname, "..", "..", "test-artifacts", "charts");
const PYTHON = "/usr/bin/python3";

const ENVELOPE_TITLE = "Income by financial year: attachment fees and results (PbR)";
const RISK_TITLE = "PbR by year: maximum, claimed and forecast";

let fixtures: FieldFixtures;
const out = () => file("out.xlsx");
const again = () => file("again.xlsx");
const user = () => file("user.xlsx");
const userAgain = () => file("user-again.xlsx");

function run(...args: string[]): void {
  const result = tf(...args);
  if (result.status !== 0) throw new Error(`tf-funding ${args.join(" ")}: ${result.stderr}`);
}

beforeAll(async () => {
  cli.build();
  fixtures = await fieldFixtures();
  run("sample", file("in.xlsx"));
  run("tables", file("in.xlsx"), "-o", out());
  run("tables", out(), "-o", again());
  run("tables", fixtures["phase1-730"], "-o", user());
  run("tables", user(), "-o", userAgain());
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}, 300_000);

afterAll(() => cli.remove());

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => ["c:ser", "c:pt", "Relationship", "Override", "Default"].includes(name),
});
const text = (xlsx: string, part: string) => zipEntries(xlsx).get(part)?.toString("utf8") ?? "";
const partsLike = (xlsx: string, pattern: RegExp) =>
  [...zipEntries(xlsx).keys()].filter((name) => pattern.test(name)).sort();

interface SeriesSeen {
  name: string;
  nameRef?: string;
  categories: string;
  categoryCache: string[];
  values: string;
  cache: number[];
}
interface ChartSeen {
  part: string;
  title: string;
  grouping: string;
  overlap?: string;
  axisFormat: string;
  series: SeriesSeen[];
}

/** What each chart part of a workbook says: title, grouping, series with their caches. */
function chartsOf(xlsx: string): ChartSeen[] {
  const ours = partsLike(xlsx, /^xl\/charts\/chart\d+\.xml$/).filter((part) =>
    text(xlsx, part).includes("<c:chartSpace")
  );
  return ours.map((part) => {
    const space = parser.parse(text(xlsx, part))["c:chartSpace"];
    const chart = space["c:chart"];
    const bars = chart["c:plotArea"]["c:barChart"];
    const points = (cache: { "c:pt"?: { "c:v": unknown }[] }) =>
      (cache["c:pt"] ?? []).map((pt) => pt["c:v"]);
    return {
      part,
      title: chart["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"],
      grouping: bars["c:grouping"].val,
      overlap: bars["c:overlap"]?.val,
      axisFormat: chart["c:plotArea"]["c:valAx"]["c:numFmt"].formatCode,
      series: bars["c:ser"].map((ser: Record<string, Record<string, Record<string, never>>>) => {
        const name = ser["c:tx"]["c:strRef"];
        const cat = ser["c:cat"]["c:strRef"];
        const values = ser["c:val"]["c:numRef"];
        return {
          name: String(points(name["c:strCache"])[0]),
          nameRef: name["c:f"],
          categories: cat["c:f"],
          categoryCache: points(cat["c:strCache"]).map(String),
          values: values["c:f"],
          cache: points(values["c:numCache"]).map(Number),
        };
      }),
    };
  });
}

const byTitle = (xlsx: string, title: string) => {
  const found = chartsOf(xlsx).filter((chart) => chart.title === title);
  expect(found).toHaveLength(1);
  return found[0];
};

describe("the charts tf-funding tables writes", () => {
  it("cash envelope: stacked attachment and results by financial year, the engine's £ cached", () => {
    const chart = byTitle(out(), ENVELOPE_TITLE);
    expect(chart).toMatchObject({ grouping: "stacked", overlap: "100" });
    expect(chart.axisFormat).toMatch(/^"£"#,##0/);
    expect(chart.series).toEqual([
      {
        name: "Attachment £",
        nameRef: "'Cash envelope'!$E$4",
        categories: "'Cash envelope'!$A$5:$A$6",
        categoryCache: ["2012/13", "2013/14"],
        values: "'Cash envelope'!$E$5:$E$6",
        cache: [940_800, 705_600],
      },
      {
        name: "Results (PbR) maximum £",
        nameRef: "'Cash envelope'!$F$4",
        categories: "'Cash envelope'!$A$5:$A$6",
        categoryCache: ["2012/13", "2013/14"],
        values: "'Cash envelope'!$F$5:$F$6",
        cache: [235_200, 470_400],
      },
    ]);
    // The stacks add up to the envelope: £2,352,000, of which £705,600 at risk.
    const [attachment, results] = chart.series.map((s) => s.cache);
    expect(attachment[0] + results[0] + attachment[1] + results[1]).toBe(2_352_000);
    expect(results[0] + results[1]).toBe(705_600);
  });

  it("PbR risk: maximum, claimed and forecast to the end, clustered by year of attachment", () => {
    const chart = byTitle(out(), RISK_TITLE);
    expect(chart.grouping).toBe("clustered");
    expect(chart.overlap).toBeUndefined();
    expect(chart.series.map((s) => [s.name, s.values])).toEqual([
      ["Results maximum £", "'PbR risk'!$D$5:$D$6"],
      ["Claimed to date £", "'PbR risk'!$E$5:$E$6"],
      ["Forecast to end £", "'PbR risk'!$J$5:$J$6"],
    ]);
    expect(chart.series[0].cache).toEqual([235_200, 470_400]);
    for (const s of chart.series) expect(s.categoryCache).toEqual(["2012/13", "2013/14"]);
    // Nothing claimed or forecast beyond the maximum, year by year.
    const [maximum, claimed, forecast] = chart.series.map((s) => s.cache);
    maximum.forEach((max, i) => {
      expect(claimed[i]).toBeLessThanOrEqual(forecast[i]);
      expect(forecast[i]).toBeLessThanOrEqual(max);
    });
  });

  withLibreOffice(
    "caches exactly what LibreOffice computes in the cells the ranges point at",
    async () => {
      const recalculated = await recalculate(out());
      const cells = (reference: string) => {
        const [, sheet, from, to] = /^'(.+)'!\$?([A-Z]+\$?\d+):\$?([A-Z]+\$?\d+)$/.exec(reference)!;
        const [, column, first] = /^([A-Z]+)\$?(\d+)$/.exec(from)!;
        const last = Number(/(\d+)$/.exec(to)![1]);
        const values = [];
        for (let row = Number(first); row <= last; row++)
          values.push(recalculated.value(sheet, `${column}${row}`));
        return values;
      };
      const charts = chartsOf(out());
      expect(charts).toHaveLength(2);
      for (const chart of charts)
        for (const s of chart.series) {
          expect(cells(s.values)).toEqual(s.cache);
          expect(cells(s.categories)).toEqual(s.categoryCache);
        }
    },
    150_000
  );

  it("is a well-formed package: every part typed, every relationship resolved, XML that parses", () => {
    const entries = zipEntries(out());
    const types = parser.parse(text(out(), "[Content_Types].xml"))["Types"];
    const overrides = new Map<string, string>(
      types["Override"].map((o: Record<string, string>) => [o.PartName.slice(1), o.ContentType])
    );
    const defaults = new Set(
      types["Default"].map((d: Record<string, string>) => d.Extension.toLowerCase())
    );
    for (const part of overrides.keys()) expect([part, entries.has(part)]).toEqual([part, true]);
    for (const part of [...entries.keys()].filter((name) => !name.endsWith("/"))) {
      const typed =
        overrides.has(part) || defaults.has(part.slice(part.lastIndexOf(".") + 1).toLowerCase());
      expect([part, typed]).toEqual([part, true]);
    }
    for (const part of partsLike(out(), /^xl\/drawings\/drawing\d+\.xml$/))
      expect(overrides.get(part)).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
    for (const part of partsLike(out(), /^xl\/charts\/chart\d+\.xml$/))
      expect(overrides.get(part)).toBe(
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
      );

    for (const rels of partsLike(out(), /\.rels$/)) {
      const source = rels.replace(/_rels\/([^/]*)\.rels$/, "$1");
      const list = parser.parse(text(out(), rels))["Relationships"]["Relationship"] ?? [];
      for (const rel of list as Record<string, string>[]) {
        if (rel.TargetMode === "External") continue;
        const target = rel.Target.startsWith("/")
          ? rel.Target.slice(1)
          : path.posix.normalize(path.posix.join(path.posix.dirname(source), rel.Target));
        expect([rels, target, entries.has(target)]).toEqual([rels, target, true]);
      }
    }

    const folder = file("parts");
    fs.mkdirSync(folder, { recursive: true });
    const xmlParts = [...entries.keys()].filter((name) => /\.(xml|rels)$/.test(name));
    const written = xmlParts.map((name, i) => {
      const to = path.join(folder, `${i}.xml`);
      fs.writeFileSync(to, entries.get(name)!);
      return to;
    });
    // xmllint exits non-zero, naming the file, if any part is not well-formed XML.
    execFileSync("xmllint", ["--noout", ...written], { stdio: "pipe" });
  });

  it("puts each sheet's <drawing> where CT_Worksheet wants it: after the page setup, before tables", () => {
    const workbook = text(out(), "xl/workbook.xml");
    const rels = text(out(), "xl/_rels/workbook.xml.rels");
    for (const name of ["Cash envelope", "PbR risk"]) {
      const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(workbook)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
      const sheet = text(out(), `xl/${target}`);
      expect(sheet).toMatch(
        /<pageMargins[^>]*\/>(<pageSetup[^>]*\/>)?(<headerFooter.*<\/headerFooter>)?<drawing r:id="rId\d+"\/>(<legacyDrawing[^>]*\/>)?<tableParts/
      );
    }
  });

  it("a rebuild keeps exactly one set of charts", () => {
    expect(partsLike(again(), /^xl\/(charts|drawings)\//)).toEqual(
      partsLike(out(), /^xl\/(charts|drawings)\//)
    );
    expect([...zipEntries(again()).keys()].sort()).toEqual([...zipEntries(out()).keys()].sort());
    expect(
      chartsOf(again())
        .map((c) => c.title)
        .sort()
    ).toEqual([ENVELOPE_TITLE, RISK_TITLE]);
    expect(text(again(), "[Content_Types].xml").match(/drawingml\.chart\+xml/g)).toHaveLength(2);
  });

  it("the user's own chart stays, byte for byte, beside ours — and after a rebuild too", () => {
    expect(partsNotKept(fixtures["phase1-730"], user())).toEqual([]);
    expect(partsNotKept(fixtures["phase1-730"], userAgain())).toEqual([]);
    const titles = (xlsx: string) =>
      partsLike(xlsx, /^xl\/charts\/chart\d+\.xml$/).map((part) =>
        /Families identified and attached/.test(text(xlsx, part))
          ? "user's"
          : chartsOf(xlsx).find((c) => c.part === part)!.title
      );
    expect(titles(user()).sort()).toEqual([ENVELOPE_TITLE, RISK_TITLE, "user's"].sort());
    expect(titles(userAgain()).sort()).toEqual(titles(user()).sort());
    expect(partsLike(userAgain(), /^xl\/(charts|drawings)\//)).toEqual(
      partsLike(user(), /^xl\/(charts|drawings)\//)
    );
  });

  it("openpyxl loads the workbooks with their charts", () => {
    const script = [
      "import json, sys, openpyxl",
      "out = {}",
      "for f in sys.argv[1:]:",
      "    wb = openpyxl.load_workbook(f)",
      "    out[f] = {ws.title: len(ws._charts) for ws in wb.worksheets if ws._charts}",
      "print(json.dumps(out))",
    ].join("\n");
    const seen = JSON.parse(
      execFileSync(PYTHON, ["-c", script, out(), again(), user()], { encoding: "utf8" })
    );
    const ours = { "Cash envelope": 1, "PbR risk": 1 };
    expect(seen[out()]).toEqual(ours);
    expect(seen[again()]).toEqual(ours);
    expect(seen[user()]).toEqual({ ...ours, "TF budget": 1 });
  });

  withLibreOffice(
    "LibreOffice keeps the charts when it saves the workbook again",
    () => {
      const [saved] = convertWithLibreOffice([user()], file("resaved"), "xlsx");
      const refs = partsLike(saved, /^xl\/charts\/chart\d+\.xml$/).map((part) =>
        text(saved, part).replace(/&apos;/g, "'")
      );
      expect(refs).toHaveLength(3);
      expect(refs.some((xml) => xml.includes("'Cash envelope'!$E$5:$E$"))).toBe(true);
      expect(refs.some((xml) => xml.includes("'PbR risk'!$J$5:$J$"))).toBe(true);
      expect(refs.some((xml) => xml.includes("'TF budget'!$C$"))).toBe(true);
    },
    150_000
  );

  withLibreOffice(
    "LibreOffice draws them: titles and £ axis labels in the PDF, pages kept as PNG",
    () => {
      const [pdf] = convertWithLibreOffice([out()], file("pdf"), "pdf");
      const pages = Number(
        /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]
      );
      const pageText = (page: number) =>
        execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], {
          encoding: "utf8",
        }).replace(/\s+/g, " ");
      const found: Record<string, number> = {};
      for (let page = 1; page <= pages; page++) {
        const words = pageText(page);
        // A title too wide for its page's columns is cut: look for its first words.
        if (words.includes("Income by financial year")) found.envelope ??= page;
        if (words.includes("PbR by year")) found.risk ??= page;
      }
      expect(Object.keys(found).sort()).toEqual(["envelope", "risk"]);
      // The value axis in £ (the envelope's stacks reach £1,176,000 a year).
      expect(pageText(found.envelope)).toMatch(/£1,200,000|£1,400,000/);
      for (const [name, page] of Object.entries(found)) {
        const prefix = path.join(ARTIFACTS, name);
        execFileSync("pdftoppm", [
          "-png",
          "-r",
          "60",
          "-f",
          String(page),
          "-l",
          String(page),
          "-singlefile",
          pdf,
          prefix,
        ]);
        expect(fs.statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);
      }
    },
    150_000
  );
});
