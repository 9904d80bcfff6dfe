import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { sampleCommand } from "../../src/cli/sample";
import { tablesCommand } from "../../src/cli/tables";
import { samplePlan } from "../../src/workbook/sample";
import { planFrom } from "../support/plan-from";
import { libreOfficeAvailable, printToPdf } from "../support/libreoffice";

/**
 * The sample's generated workbook as a report author prints it: LibreOffice prints every sheet
 * with the page setup the writers gave it. Each sheet must print one page wide (every page starts
 * at column A, and a sheet's first page reaches its table's last column), and the whole workbook,
 * input sheets included, in at most 12 pages (28 before the print layout). The PDF and a PNG of
 * every page are kept under test-artifacts/print/ to look at.
 */
const required = process.env.CI === "true" || process.env.REQUIRE_LIBREOFFICE === "1";
const run = libreOfficeAvailable() || required ? describe : describe.skip;

const artifacts = path.join(__dirname, "..", "..", "test-artifacts", "print");

interface Word {
  text: string;
  x: number;
  y: number;
  /** The word's right edge. */
  right: number;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
}

/** The words of every page with their positions (poppler's pdftotext -bbox). */
function pagesOf(pdf: string): Page[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  return html
    .split("<page ")
    .slice(1)
    .map((chunk) => {
      const width = Number(/width="([\d.]+)"/.exec(chunk)![1]);
      const height = Number(/height="([\d.]+)"/.exec(chunk)![1]);
      const words = [
        ...chunk.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g
        ),
      ].map((m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
        right: Number(m[3]),
        text: m[4].replace(/&amp;/g, "&"),
      }));
      return { width, height, words };
    });
}

/** The page header and footer print within half an inch of the page's edge (0.3 inch in). */
const MARGIN = 0.5 * 72;

run("the sample's generated workbook in print (LibreOffice)", () => {
  jest.setTimeout(240_000);
  const input = path.join(artifacts, "sample-in.xlsx");
  const output = path.join(artifacts, "sample-out.xlsx");
  const pdf = path.join(artifacts, "sample-out.pdf");
  let pages: Page[];

  beforeAll(async () => {
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    await sampleCommand([input]);
    await tablesCommand([input, "-o", output], false);
    await printToPdf(output, pdf);
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(artifacts, "page")]);
    pages = pagesOf(pdf);
  });

  it("prints the whole workbook, input sheets included, in at most 12 pages", () => {
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(count).toBe(pages.length);
    expect(count).toBeGreaterThanOrEqual(7); // one page at least per sheet
    expect(count).toBeLessThanOrEqual(12);
    expect(fs.readdirSync(artifacts).filter((name) => name.endsWith(".png"))).toHaveLength(count);
  });

  it("prints every sheet one page wide, its title in the page header and the helper lines off", () => {
    const inputs = samplePlan().sheets;
    const generated = planFrom(inputs).sheets;
    const sheets = [...inputs, ...generated];
    const titleOf = (sheet: (typeof sheets)[number]) => String(sheet.blocks[0].rows[0][0].value);
    const header = (page: Page) =>
      page.words
        .filter((word) => word.y < MARGIN)
        .map((word) => word.text)
        .join(" ");
    const body = (page: Page) =>
      page.words.filter((word) => word.y >= MARGIN && word.y < page.height - MARGIN);
    // Each page belongs to the sheet whose title its header shows (the longest that matches).
    const owner = pages.map((page) => {
      const matches = sheets.filter((sheet) => header(page).includes(titleOf(sheet)));
      expect(matches.length).toBeGreaterThan(0);
      return matches.sort((a, b) => titleOf(b).length - titleOf(a).length)[0].name;
    });
    // In workbook order, each sheet's pages together.
    const order = owner.filter((name, i) => name !== owner[i - 1]);
    expect(order).toEqual(sheets.map((sheet) => sheet.name));

    for (const sheet of sheets) {
      const own = pages.filter((_, i) => owner[i] === sheet.name);
      // Every page starts at column A: none is the right-hand half of a wider page.
      for (const page of own) {
        expect(body(page).some((word) => word.x < 0.1 * page.width)).toBe(true);
      }
      // The first page reaches the last column of the sheet's first table.
      const table = sheet.tables[0];
      const last = table.columns[table.columns.length - 1].header;
      const longest = last.split(/\s+/).sort((a, b) => b.length - a.length)[0];
      expect(body(own[0]).map((word) => word.text)).toContain(longest);
      // The helper lines stay off the page; the marker row too.
      const text = own.flatMap((page) => body(page).map((word) => word.text)).join(" ");
      expect(text).not.toContain("Generated by the Troubled Families");
      expect(text).not.toContain("Built from");
      const note = String(sheet.blocks[0].rows[1][0].value);
      expect(text).not.toContain(note.split(" ").slice(0, 4).join(" "));
    }
  });

  it("lines the headers over figures up with them, on the right (the Report's PbR table)", () => {
    const page = pages.find((p) => p.words.some((word) => word.text === "Report:"))!;
    const find = (text: string, y?: number) =>
      page.words.find((word) => word.text === text && (y === undefined || word.y === y))!;
    // The table's header row: "Payment by results | £ | % of maximum".
    const pound = page.words.find(
      (word) => word.text === "£" && page.words.some((w) => w.text === "Payment" && w.y === word.y)
    )!;
    expect(pound).toBeDefined();
    // "£" heads the column of "£705,600.00"; "maximum" ends "% of maximum" over "100.0%".
    expect(Math.abs(pound.right - find("£705,600.00").right)).toBeLessThan(3);
    expect(Math.abs(find("maximum", pound.y).right - find("100.0%").right)).toBeLessThan(3);
    // Labels stay on the left: the header "Payment" starts where the row labels do.
    expect(Math.abs(find("Payment", pound.y).x - find("Claimed").x)).toBeLessThan(3);
  });

  it("shows clean figures: whole families, £ to the pound, outcome labels and no TRUE/FALSE", () => {
    const text = pages.flatMap((page) => page.words.map((word) => word.text)).join(" ");
    expect(text).toContain("£2,352,000"); // Barnet's envelope
    expect(text).toContain("£705,600"); // at risk on results
    // No "294." or "1,294." trailing points (a year ending a sentence, "2013.", is not one).
    expect(text).not.toMatch(/(?<![\d,])\d{1,3}(,\d{3})*\.(\s|$)/);
    expect(text).not.toContain("continuous-employment");
    expect(text).not.toMatch(/\b(TRUE|FALSE)\b/);
    expect(text).toContain("Crime/ASB and education");
  });
});
