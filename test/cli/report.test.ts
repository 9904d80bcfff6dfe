import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { REPORT_SHEETS } from "../../src/cli/report";
import { builtCli } from "../support/cli";
import { libreOfficeAvailable } from "../support/libreoffice";
import { unzip } from "../support/zip";
import { unescapeXml } from "../support/unzip";

/**
 * `tf-funding report` as a user runs it: the built bin on the sample workbook, the .docx opened
 * by LibreOffice Writer (--pdf), the PDF's text read back and its pages kept as images under
 * test-artifacts/report-docx/ to look at.
 */
const cli = builtCli("report", 240000);
const { tf, file } = cli;
/** The sample's forecast to the programme's end, £649,340.74, in pence or whole pounds. */
const FORECAST = /£649,(340\.74|341)\b/;
const artifacts = path.join(__dirname, "..", "..", "test-artifacts", "report-docx");

const required = process.env.CI === "true" || process.env.REQUIRE_LIBREOFFICE === "1";
const withLibreOffice = libreOfficeAvailable() || required ? it : it.skip;

beforeAll(() => {
  cli.build();
  expect(tf("sample", file("in.xlsx")).status).toBe(0);
}, 120000);

afterAll(() => cli.remove());

/** The text of every <w:t> in a document part, paragraphs on their own lines. */
const wordText = (xml: string) =>
  xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join(""))
    .join("\n");

describe("tf-funding report", () => {
  withLibreOffice(
    "writes a .docx LibreOffice opens, with the tables, sentences and figures, and its PDF",
    () => {
      const before = fs.readFileSync(file("in.xlsx"));
      const { stdout, stderr, status } = tf(
        "report",
        file("in.xlsx"),
        "-o",
        file("report.docx"),
        "--pdf"
      );
      expect(stderr).toBe("");
      expect(status).toBe(0);
      expect(stdout).toContain(
        "Total cash envelope £2,352,000, of which £705,600 (30%) depends on payment by results"
      );
      expect(stdout).toContain(`written to ${file("report.docx")} and ${file("report.pdf")}`);
      expect(fs.readFileSync(file("in.xlsx")).equals(before)).toBe(true);

      const xml = unzip(fs.readFileSync(file("report.docx")))["word/document.xml"].toString();
      expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(3);
      const docxText = wordText(xml);
      for (const figure of ["£2,352,000", "£705,600", "£357,800"])
        expect(docxText).toContain(figure);
      // The forecast to the programme's end, £649,340.74, in whole pounds where the sheet's
      // format shows whole pounds.
      expect(docxText).toMatch(FORECAST);
      const parts = Object.keys(unzip(fs.readFileSync(file("report.docx"))));
      // Both charts, as SVG pictures with a PNG fallback.
      expect(parts.filter((name) => /^word\/media\/.*\.svg$/.test(name)).length).toBe(2);
      expect(parts.filter((name) => /^word\/media\/.*\.png$/.test(name)).length).toBe(2);

      // The PDF LibreOffice made of the .docx: the tables' headers and figures, the sentence.
      const pdf = file("report.pdf");
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      const flat = text.replace(/\s+/g, " ");
      expect(flat).toContain(
        "Total cash envelope £2,352,000, of which £705,600 (30%) depends on payment by results; £1,646,400 is secured as attachment fees."
      );
      // The envelope's totals row and the basis of figures, each a row of a printed table.
      expect(text).toMatch(/Total\b[^\n]* £1,646,400 +£705,600 [^\n]*£2,352,000/);
      expect(text).toMatch(/Eligibility share +5\/6 +published +DCLG/);
      expect(flat).toContain("£357,800");
      expect(flat).toMatch(FORECAST);
      expect(flat).toContain("Appendix: basis of figures");

      const pages = Number(
        /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]
      );
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(12);
      fs.mkdirSync(artifacts, { recursive: true });
      for (const old of fs.readdirSync(artifacts).filter((f) => f.startsWith("page-")))
        fs.rmSync(path.join(artifacts, old));
      execFileSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(artifacts, "page")]);
      fs.copyFileSync(pdf, path.join(artifacts, "report.pdf"));
      fs.copyFileSync(file("report.docx"), path.join(artifacts, "report.docx"));
      expect(fs.readdirSync(artifacts).filter((f) => /^page-\d+\.png$/.test(f))).toHaveLength(
        pages
      );
    },
    240000
  );

  it("says what to install when --pdf finds no LibreOffice, and still writes the .docx", () => {
    const bin = path.join(cli.files, "..", "bin", "tf-funding.js");
    const result = spawnSync(
      process.execPath,
      [bin, "report", file("in.xlsx"), "-o", file("alone.docx"), "--pdf"],
      { encoding: "utf8", env: { ...process.env, PATH: "/nonexistent", SOFFICE: "" } }
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/alone\.pdf was not written: LibreOffice is not installed/);
    expect(result.stderr).toMatch(/apt-get install libreoffice-writer/);
    expect(fs.existsSync(file("alone.docx"))).toBe(true);
    expect(fs.existsSync(file("alone.pdf"))).toBe(false);
  });

  it("refuses an OUT that is not a .docx (the input among them) and changes nothing", () => {
    const before = fs.readFileSync(file("in.xlsx"));
    const same = tf("report", file("in.xlsx"), "-o", file("in.xlsx"));
    expect(same.status).toBe(2);
    expect(same.stderr).toMatch(/in\.xlsx must end in \.docx: the file written is a Word document/);
    expect(fs.readFileSync(file("in.xlsx")).equals(before)).toBe(true);
    const missing = tf("report", file("in.xlsx"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/usage: tf-funding report IN\.xlsx -o OUT\.docx/);
  });

  it("takes the settings of tables, and --json says what was written", () => {
    const { stdout, status } = tf(
      "report",
      file("in.xlsx"),
      "-o",
      file("funded.docx"),
      "--funded",
      "500",
      "--json"
    );
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      out: file("funded.docx"),
      pdf: null,
      sheets: REPORT_SHEETS,
    });
    const xml = unzip(fs.readFileSync(file("funded.docx")))["word/document.xml"].toString();
    // 500 families funded rather than the sample's 588: a £2,000,000 envelope.
    const text = wordText(xml);
    expect(text).toContain("£2,000,000");
    expect(text).not.toContain("£2,352,000");
    expect(tf("report", "--help").stdout).toMatch(
      /^Usage: tf-funding report IN\.xlsx -o OUT\.docx/
    );
  });
});
