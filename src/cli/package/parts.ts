import path from "path";
import { ZipArchive } from "./zip-read";
import { XmlNode, attribute, elements, parseXml, rootOf } from "./xml";

/** Relationship types this code follows (transitional; strict ones end the same way). */
export const REL = {
  officeDocument:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};

export const RELATIONSHIPS_NS =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Whether a relationship's type is this kind, whichever of the two OOXML namespaces it uses. */
export const isType = (type: string | undefined, kind: string) =>
  !!type && type.slice(type.lastIndexOf("/")) === kind.slice(kind.lastIndexOf("/"));

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name in the zip ("xl/worksheets/sheet1.xml"); external links as written. */
  target: string;
  external: boolean;
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const dir = path.posix.dirname(part);
  return path.posix.join(dir === "." ? "" : dir, "_rels", `${path.posix.basename(part)}.rels`);
}

/** A relationship target resolved against its source part to a zip entry name. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const dir = path.posix.dirname(sourcePart);
  return path.posix.normalize(path.posix.join(dir === "." ? "" : dir, target));
}

/** A target written relative to the source part, as Excel writes them. */
export function relativeTarget(sourcePart: string, part: string): string {
  return path.posix.relative(path.posix.dirname(sourcePart), part);
}

export async function readText(zip: ZipArchive, part: string): Promise<string | undefined> {
  const entry = zip.entry(part);
  return entry ? (await zip.read(entry)).toString("utf8") : undefined;
}

export function relationshipsOf(sourcePart: string, tree: XmlNode[] | undefined): Relationship[] {
  if (!tree) return [];
  return elements(rootOf(tree), "Relationship").map((node) => {
    const external = attribute(node, "TargetMode") === "External";
    const target = attribute(node, "Target") ?? "";
    return {
      id: attribute(node, "Id") ?? "",
      type: attribute(node, "Type") ?? "",
      target: external ? target : resolveTarget(sourcePart, target),
      external,
    };
  });
}

export async function readRelationships(
  zip: ZipArchive,
  sourcePart: string
): Promise<Relationship[]> {
  const text = await readText(zip, relsPartOf(sourcePart));
  return relationshipsOf(sourcePart, text === undefined ? undefined : parseXml(text));
}
