import fs from "fs";
import { unzip } from "./zip";

/** The decompressed entries of an .xlsx (a zip), by part name. */
export function zipEntries(file: string): Map<string, Buffer> {
  return new Map(Object.entries(unzip(fs.readFileSync(file))));
}

/**
 * The parts a copy may rewrite: those that list sheets, names, relationships and content types
 * (and the styles the generated sheets add). Every other part of IN must be in OUT as it was.
 */
export const REWRITABLE_PARTS = [
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "docProps/app.xml",
  "xl/styles.xml",
];

/**
 * Every part of IN that OUT lacks or holds with other bytes (decompressed contents compared, so
 * a different compression level does not count), but for the rewritable parts. Each entry says
 * which: "xl/charts/chart1.xml (missing)" or "xl/worksheets/sheet1.xml (changed)".
 */
export function partsNotKept(
  input: string,
  output: string,
  rewritable = REWRITABLE_PARTS
): string[] {
  const before = zipEntries(input);
  const after = zipEntries(output);
  const lost: string[] = [];
  for (const [name, bytes] of before) {
    if (rewritable.includes(name) || name.endsWith("/")) continue;
    const copy = after.get(name);
    if (copy === undefined) lost.push(`${name} (missing)`);
    else if (!copy.equals(bytes)) lost.push(`${name} (changed)`);
  }
  return lost;
}

export interface CachedFormula {
  sheet: string;
  /** A1 address, e.g. "B7". */
  address: string;
  /** The value cached in the file: a number, text, a boolean or an error such as "#VALUE!". */
  cached: number | string | boolean;
}

/** XML text as written: entities (named and numeric) back to their characters. */
export const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");

const attribute = (attributes: string, name: string) =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];

/**
 * Every formula cell of a workbook that carries a cached value, read from the sheet XML itself
 * rather than through exceljs: a lossless copy keeps parts exceljs cannot load (an openpyxl
 * chart, notes without a legacy drawing), and this check must not depend on them.
 */
export function cachedFormulas(xlsx: string): CachedFormula[] {
  const parts = zipEntries(xlsx);
  const text = (part: string) => parts.get(part)?.toString("utf8") ?? "";
  const targets = new Map(
    [...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b([^>]*)>/g)].map((m) => [
      attribute(m[1], "Id"),
      attribute(m[1], "Target") ?? "",
    ])
  );
  const cells: CachedFormula[] = [];
  for (const sheet of text("xl/workbook.xml").matchAll(/<sheet\b([^>]*)>/g)) {
    const name = unescapeXml(attribute(sheet[1], "name") ?? "");
    const target = targets.get(attribute(sheet[1], "r:id")) ?? "";
    const part = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    for (const cell of text(part).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const content = cell[2] ?? "";
      if (!/<f\b/.test(content)) continue;
      const value = /<v>([\s\S]*?)<\/v>/.exec(content);
      if (!value || value[1] === "") continue; // openpyxl writes <v></v>: no cached value
      const type = attribute(cell[1], "t") ?? "n";
      const raw = unescapeXml(value[1]);
      const cached = type === "n" ? Number(raw) : type === "b" ? raw === "1" : raw;
      cells.push({ sheet: name, address: attribute(cell[1], "r") ?? "", cached });
    }
  }
  return cells;
}
