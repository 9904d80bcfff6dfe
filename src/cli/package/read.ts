import { CellValue } from "../../workbook/plan-types";
import {
  SheetSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
  isGeneratedSheet,
} from "../../workbook/snapshot";
import {
  REL,
  Relationship,
  isType,
  readRelationships,
  readText,
  relationshipsOf,
  relsPartOf,
} from "./parts";
import { dateStyles, uses1904 } from "./dates1904";
import { readSharedStrings, readSheetCells } from "./sheet-read";
import { ZipArchive } from "./zip-read";
import { XmlNode, attribute, element, elements, parseXml, rootOf } from "./xml";

/** One sheet as the workbook lists it, with where its part is. */
export interface PackageSheet {
  name: string;
  sheetId: number;
  relId: string;
  /** The sheet's part ("xl/worksheets/sheet1.xml"); undefined for a relationship that is missing. */
  part?: string;
  /** Worksheets hold cells; chartsheets, dialog and macro sheets are only listed. */
  worksheet: boolean;
  /** The sheet's own relationships (tables, comments, drawings…). */
  relationships: Relationship[];
  /** Whether the add-in generated it (its marker in column A of the first rows). */
  generated: boolean;
}

export interface PackageTable {
  name: string;
  id: number;
  part: string;
  sheet: string;
}

/** An opened .xlsx: what the plan reads (the snapshot) and where each part is, for the writer. */
export interface XlsxPackage {
  file: string;
  zip: ZipArchive;
  /** The workbook part, almost always "xl/workbook.xml". */
  workbookPart: string;
  workbook: XmlNode[];
  workbookRelationships: Relationship[];
  sheets: PackageSheet[];
  tables: PackageTable[];
  snapshot: WorkbookSnapshot;
}

/** A zip that is not a workbook at all (no workbook part, no sheet): not "damaged". */
export class NotAWorkbook extends Error {}

async function tableOf(zip: ZipArchive, part: string, sheet: string) {
  const text = await readText(zip, part);
  if (text === undefined) return undefined;
  const table = rootOf(parseXml(text));
  const name = attribute(table, "displayName") ?? attribute(table, "name") ?? "";
  const range = attribute(table, "ref") ?? "";
  const snapshot: TableSnapshot = {
    name,
    sheet,
    range,
    // No totalsRowCount means none; no headerRowCount means one header row (Excel's default).
    hasTotalsRow: Number(attribute(table, "totalsRowCount") ?? 0) > 0,
  };
  const listed: PackageTable = { name, id: Number(attribute(table, "id") ?? 0), part, sheet };
  return { snapshot, listed };
}

/** The main part, from the package's own relationships (xl/workbook.xml if they say nothing). */
async function workbookPartOf(zip: ZipArchive): Promise<string> {
  const root = await readRelationships(zip, "");
  const main = root.find((rel) => isType(rel.type, REL.officeDocument) && !rel.external);
  return main?.target ?? "xl/workbook.xml";
}

/**
 * Reads what the tables need: sheet names and order, each worksheet's values and each Excel
 * table (name, range, totals row). Every other part — charts, drawings, pivots, VML, custom
 * XML — is left unread: it is copied as it is.
 */
export async function readPackage(file: string, zip: ZipArchive): Promise<XlsxPackage> {
  const workbookPart = await workbookPartOf(zip);
  const workbookText = await readText(zip, workbookPart);
  if (workbookText === undefined) throw new NotAWorkbook();
  const workbook = parseXml(workbookText);
  const relsText = await readText(zip, relsPartOf(workbookPart));
  const workbookRelationships = relationshipsOf(
    workbookPart,
    relsText === undefined ? undefined : parseXml(relsText)
  );
  const byId = new Map(workbookRelationships.map((rel) => [rel.id, rel]));

  const sharedPart = workbookRelationships.find((rel) => isType(rel.type, REL.sharedStrings));
  const sharedEntry = sharedPart && zip.entry(sharedPart.target);
  const shared = sharedEntry ? await readSharedStrings(await zip.stream(sharedEntry)) : [];

  const stylesRel = workbookRelationships.find((rel) => isType(rel.type, REL.styles));
  const dates1904 = uses1904(workbook)
    ? dateStyles(stylesRel && (await readText(zip, stylesRel.target)))
    : undefined;

  const sheetsNode = element(rootOf(workbook), "sheets");
  const sheets: PackageSheet[] = [];
  const snapshot: WorkbookSnapshot = { sheets: [], tables: [] };
  const tables: PackageTable[] = [];
  for (const node of sheetsNode ? elements(sheetsNode, "sheet") : []) {
    const name = attribute(node, "name") ?? "";
    const relId = attribute(node, "id") ?? "";
    const rel = byId.get(relId);
    const entry = rel && !rel.external ? zip.entry(rel.target) : undefined;
    const worksheet = !!entry && isType(rel?.type, REL.worksheet);
    const relationships = entry ? await readRelationships(zip, rel!.target) : [];
    let cells: CellValue[][] = [];
    if (worksheet) {
      cells = await readSheetCells(await zip.stream(entry!), shared, dates1904);
      const sheet: SheetSnapshot = { name, cells, generated: isGeneratedSheet(cells) };
      snapshot.sheets.push(sheet);
      for (const tableRel of relationships.filter((r) => isType(r.type, REL.table))) {
        const table = await tableOf(zip, tableRel.target, name);
        if (!table) continue;
        snapshot.tables.push(table.snapshot);
        tables.push(table.listed);
      }
    }
    sheets.push({
      name,
      sheetId: Number(attribute(node, "sheetId") ?? 0),
      relId,
      part: entry ? rel!.target : undefined,
      worksheet,
      relationships,
      generated: worksheet && isGeneratedSheet(cells),
    });
  }
  if (snapshot.sheets.length === 0) throw new NotAWorkbook();
  return {
    file,
    zip,
    workbookPart,
    workbook,
    workbookRelationships,
    sheets,
    tables,
    snapshot,
  };
}
