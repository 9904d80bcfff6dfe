import type yauzl from "yauzl";
import { WorkbookPlan } from "../workbook/plan-types";
import { CONTENT_TYPES } from "./package/listing";
import { MAIN_NS, RELATIONSHIPS_NS } from "./package/parts";
import { XlsxPackage } from "./package/read";
import { editPackage, writeEdited } from "./package/write";
import { ZipArchive } from "./package/zip-read";
import { parseXml } from "./package/xml";

/**
 * A new workbook holding only a plan's sheets, written by the same package writer `tables` uses
 * (sheets, tables, styles, notes, native charts): the writer adds a plan to a package, so it is
 * given an empty one — a workbook with no sheets yet, whose listing parts it rewrites — held in
 * memory rather than read from a file.
 */

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

const EMPTY: Record<string, string> = {
  [CONTENT_TYPES]:
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    "</Types>",
  "xl/workbook.xml":
    `${DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>',
  "xl/_rels/workbook.xml.rels": `${DECLARATION}<Relationships xmlns="${PACKAGE_RELS}"/>`,
};

/** The package's own relationships: which part is the workbook. Never read by the writer. */
const ROOT_RELS =
  `${DECLARATION}<Relationships xmlns="${PACKAGE_RELS}">` +
  `<Relationship Id="rId1" Type="${RELATIONSHIPS_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  "</Relationships>";

/** The empty workbook's parts as an opened archive: every one is rewritten, none copied. */
function emptyArchive(): ZipArchive {
  const entries = Object.keys(EMPTY).map((fileName) => ({ fileName }) as yauzl.Entry);
  const never = (): never => {
    throw new Error("the empty workbook's parts are all rewritten, never copied");
  };
  return {
    entries,
    entry: (name) => entries.find((entry) => entry.fileName.toLowerCase() === name.toLowerCase()),
    read: async (entry) => Buffer.from(EMPTY[entry.fileName], "utf8"),
    stream: async () => never(),
    raw: async () => never(),
    close: () => undefined,
  };
}

/** Writes a new .xlsx at `file` holding the plan's sheets, names and charts. */
export async function writeNewWorkbook(plan: WorkbookPlan, file: string): Promise<void> {
  const pkg: XlsxPackage = {
    file,
    zip: emptyArchive(),
    workbookPart: "xl/workbook.xml",
    workbook: parseXml(EMPTY["xl/workbook.xml"]),
    workbookRelationships: [],
    sheets: [],
    tables: [],
    snapshot: { sheets: [], tables: [] },
  };
  const edit = await editPackage(pkg, plan);
  edit.added.unshift(["_rels/.rels", ROOT_RELS]);
  await writeEdited(pkg, edit, file);
}
