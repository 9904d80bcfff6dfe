import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { builtCli } from "../support/cli";
import { libreOfficeAvailable } from "../support/libreoffice";
import { unzip } from "../support/zip";

/**
 * `tf-funding report` as a user runs it: the built bin on the sample workbook, the .docx opened
 * by LibreOffice Writer (--pdf), the PDF's text read back and its pages kept as images under
 * test-artifacts/report-docx/ to look at.
 */
const cli = builtCli("report", 240000);
const { tf, file } = cli;
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
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
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
      for (const figure of ["£2,352,000", "£705,600", "£357,800", "£649,341"])
        expect(docxText).toContain(figure);

      // The PDF LibreOffice made of the .docx: the tables' headers and figures, the sentence.
      const pdf = file("report.pdf");
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      const flat = text.replace(/\s+/g, " ");
      expect(flat).toContain(
        "Total cash envelope £2,352,000, of which £705,600 (30%) depends on payment by results; £1,646,400 is secured as attachment fees."
      );
      // The envelope's totals row, the risk table's totals (claimed, forecast to end) and the
      // basis of figures, each as a row of the printed tables.
      expect(text).toMatch(/Total +588 +588 +0 +£1,646,400 +£705,600 .*£2,352,000/);
      expect(text).toMatch(/Total +588 +£705,600 +£357,800 +390 .*£649,341 +£56,259/);
      expect(text).toMatch(/Eligibility share +5\/6 +published +DCLG/);
      expect(flat).toContain("Appendix: basis of figures");
      // The charts are pictures: their titles are not text in the PDF.
      expect(flat).not.toContain("Central money by year");

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
      file("rate.docx"),
      "--success-rate",
      "50%",
      "--json"
    );
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      out: file("rate.docx"),
      pdf: null,
      sheets: ["Cash envelope", "PbR risk"],
    });
    const xml = unzip(fs.readFileSync(file("rate.docx")))["word/document.xml"].toString();
    // Expected results at 50% of the £705,600 results maximum, no longer the sample's 65%.
    const text = wordText(xml);
    expect(text).toContain("£352,800");
    expect(text).not.toContain("£458,640");
    expect(tf("report", "--help").stdout).toMatch(
      /^Usage: tf-funding report IN\.xlsx -o OUT\.docx/
    );
  });
});
