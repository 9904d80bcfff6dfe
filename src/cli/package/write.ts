import path from "path";
import { WorkbookPlan } from "../../workbook/plan-types";
import { BadFileError } from "../parse-arg";
import {
  CONTENT_TYPES,
  TYPE,
  calcChainWithout,
  editContentTypes,
  editRelationships,
} from "./listing";
import { CHART_REL, chartXml, drawingXml, relationshipsXml } from "./chart-write";
import {
  REL,
  Relationship,
  isType,
  readRelationships,
  readText,
  relativeTarget,
  relsPartOf,
} from "./parts";
import { PackageSheet, XlsxPackage } from "./read";
import { WrittenSheet, printNames, writeSheet } from "./sheet-write";
import { MINIMAL_STYLES, StyleBook } from "./styles";
import { editWorkbook } from "./workbook-xml";
import { buildXml } from "./xml";
import { ZipWriter } from "./zip-write";

/** Everything OUT holds besides IN's entries: rewritten listing parts and the new parts. */
export interface PackageEdit {
  /** Entries of IN left out (lower-case names): the replaced generated sheets' parts. */
  removed: Set<string>;
  /** Entries of IN whose content is replaced, by lower-case name. */
  rewritten: Map<string, string>;
  /** New entries, in order. */
  added: [string, string][];
}

const lower = (name: string) => name.toLowerCase();

/** Sheet names ignore case in Excel: "pbr risk" is the sheet "PbR risk". */
function replacedSheets(pkg: XlsxPackage, plan: WorkbookPlan): PackageSheet[] {
  const replaced: PackageSheet[] = [];
  for (const sheet of plan.sheets) {
    const existing = pkg.sheets.find((other) => lower(other.name) === lower(sheet.name));
    if (!existing) continue;
    if (!existing.generated) {
      throw new BadFileError(
        `the workbook already has a sheet called "${existing.name}" that this add-in did not make: rename it and build again.`
      );
    }
    replaced.push(existing);
  }
  return replaced;
}

/** The o:idmap blocks the workbook's VML drawings already use (each block is 1024 shape ids). */
async function vmlBlocksInUse(pkg: XlsxPackage, removed: Set<string>): Promise<Set<number>> {
  const blocks = new Set<number>();
  for (const entry of pkg.zip.entries) {
    if (!/\.vml$/i.test(entry.fileName) || removed.has(lower(entry.fileName))) continue;
    const text = (await pkg.zip.read(entry)).toString("utf8");
    for (const match of text.matchAll(/idmap[^>]*data="([\d,\s]+)"/g)) {
      for (const n of match[1].split(",")) blocks.add(Number(n));
    }
  }
  return blocks;
}

/**
 * The parts a replaced sheet's drawing owns, to leave out with it: the drawing, its charts, and
 * what each chart part owns in turn (Excel's chart style and colour parts, a chart's own
 * shapes), with their relationships parts. Pictures a drawing shows may be shared: they stay.
 */
async function drawingParts(pkg: XlsxPackage, rel: Relationship): Promise<string[]> {
  const owned = [rel.target, relsPartOf(rel.target)];
  for (const chart of await readRelationships(pkg.zip, rel.target)) {
    if (chart.external || !isType(chart.type, REL.chart)) continue;
    owned.push(chart.target, relsPartOf(chart.target));
    for (const part of await readRelationships(pkg.zip, chart.target))
      if (!part.external && !/\/image$|\/hyperlink$/.test(part.type)) owned.push(part.target);
  }
  return owned;
}

/**
 * Works out OUT: the parts of the generated sheets this plan replaces are left out, the listing
 * parts (workbook, its relationships, content types) and styles are rewritten with a real XML
 * parser, and the plan's sheets are added. Nothing is written yet: a user's sheet in the way
 * stops it here, before any file exists.
 */
export async function editPackage(pkg: XlsxPackage, plan: WorkbookPlan): Promise<PackageEdit> {
  const replaced = replacedSheets(pkg, plan);
  const removed = new Set<string>();
  for (const sheet of replaced) {
    if (!sheet.part) continue;
    removed.add(lower(sheet.part));
    removed.add(lower(relsPartOf(sheet.part)));
    for (const rel of sheet.relationships) {
      const owned = [REL.table, REL.comments, REL.vmlDrawing].some((kind) =>
        isType(rel.type, kind)
      );
      if (owned && !rel.external) removed.add(lower(rel.target));
      if (isType(rel.type, REL.drawing) && !rel.external)
        for (const part of await drawingParts(pkg, rel)) removed.add(lower(part));
    }
  }
  const gone = new Set(replaced.map((sheet) => sheet.name));
  const keptTables = pkg.tables.filter((table) => !gone.has(table.sheet));
  for (const table of plan.sheets.flatMap((sheet) => sheet.tables)) {
    const clash = keptTables.find((other) => lower(other.name) === lower(table.name));
    if (clash) {
      throw new BadFileError(
        `the workbook already has a table called "${clash.name}" (on ${clash.sheet}) that this add-in did not make: rename it and build again.`
      );
    }
  }

  const taken = new Set(
    pkg.zip.entries.map((entry) => lower(entry.fileName)).filter((name) => !removed.has(name))
  );
  const claim = (pattern: (n: number) => string) => {
    for (let n = 1; ; n++) {
      if (!taken.has(lower(pattern(n)))) {
        taken.add(lower(pattern(n)));
        return pattern(n);
      }
    }
  };
  const xl = path.posix.dirname(pkg.workbookPart);
  const inXl = (name: string) => (xl === "." ? name : `${xl}/${name}`);
  let tableId = Math.max(0, ...keptTables.map((table) => table.id));
  const vmlBlocks = await vmlBlocksInUse(pkg, removed);
  let vmlBlock = 0;

  const rewritten = new Map<string, string>();
  const added: [string, string][] = [];
  const contentTypes: [string, string][] = [];
  let needsVmlDefault = false;

  // Styles: the workbook's own, or a minimal one if it has none.
  const stylesRel = pkg.workbookRelationships.find((rel) => isType(rel.type, REL.styles));
  const stylesText = stylesRel ? await readText(pkg.zip, stylesRel.target) : undefined;
  const styles = new StyleBook(stylesText ?? MINIMAL_STYLES);
  const stylesPart =
    stylesText !== undefined
      ? stylesRel!.target
      : claim((n) => inXl(n === 1 ? "styles.xml" : `styles${n}.xml`));

  const newSheets: { name: string; part: string; localNames: Record<string, string> }[] = [];
  for (const sheet of plan.sheets) {
    const part = claim((n) => inXl(`worksheets/sheet${n}.xml`));
    const tableParts = sheet.tables.map(() => claim((n) => inXl(`tables/table${n}.xml`)));
    const commentsPart = claim((n) => inXl(`comments${n}.xml`));
    const vmlPart = claim((n) => inXl(`drawings/vmlDrawing${n}.vml`));
    do vmlBlock++;
    while (vmlBlocks.has(vmlBlock));
    // Charts: one drawing part for the sheet, one chart part per chart, never a name in use.
    const drawingPart =
      sheet.charts.length > 0 ? claim((n) => inXl(`drawings/drawing${n}.xml`)) : undefined;
    if (drawingPart) {
      const chartParts = sheet.charts.map(() => claim((n) => inXl(`charts/chart${n}.xml`)));
      added.push([
        drawingPart,
        drawingXml(
          sheet.charts,
          chartParts.map((_, i) => `rId${i + 1}`)
        ),
      ]);
      added.push([
        relsPartOf(drawingPart),
        relationshipsXml(
          chartParts.map((chart) => ({
            type: CHART_REL,
            target: relativeTarget(drawingPart, chart),
          }))
        ),
      ]);
      contentTypes.push([drawingPart, TYPE.drawing]);
      sheet.charts.forEach((chart, i) => {
        added.push([chartParts[i], chartXml(plan, chart)]);
        contentTypes.push([chartParts[i], TYPE.chart]);
      });
    }
    const written: WrittenSheet = writeSheet(
      sheet,
      {
        tableIds: sheet.tables.map(() => ++tableId),
        tableTargets: tableParts.map((table) => relativeTarget(part, table)),
        commentsTarget: relativeTarget(part, commentsPart),
        vmlTarget: relativeTarget(part, vmlPart),
        vmlBlock,
        drawingTarget: drawingPart && relativeTarget(part, drawingPart),
      },
      (format, bold, wrap, right) => styles.index(format, bold, wrap, right)
    );
    added.push([part, written.sheet]);
    contentTypes.push([part, TYPE.worksheet]);
    if (written.rels) added.push([relsPartOf(part), written.rels]);
    written.tables.forEach((xml, i) => {
      added.push([tableParts[i], xml]);
      contentTypes.push([tableParts[i], TYPE.table]);
    });
    if (written.comments && written.vml) {
      added.push([commentsPart, written.comments], [vmlPart, written.vml]);
      contentTypes.push([commentsPart, TYPE.comments]);
      needsVmlDefault = true;
    } else {
      taken.delete(lower(commentsPart));
      taken.delete(lower(vmlPart));
    }
    newSheets.push({ name: sheet.name, part, localNames: printNames(sheet) });
  }
  if (stylesText === undefined) {
    added.push([stylesPart, buildXml(styles.document)]);
    contentTypes.push([stylesPart, TYPE.styles]);
  } else if (styles.modified) {
    rewritten.set(lower(stylesPart), buildXml(styles.document));
  }

  // The calculation chain stays; only the cells of sheets that are gone leave it.
  const removedRels = new Set(replaced.map((sheet) => sheet.relId));
  const calcRel = pkg.workbookRelationships.find((rel) => rel.type.endsWith("/calcChain"));
  const calcText =
    calcRel && replaced.length > 0 ? await readText(pkg.zip, calcRel.target) : undefined;
  if (calcRel && calcText !== undefined) {
    const chain = calcChainWithout(calcText, new Set(replaced.map((sheet) => sheet.sheetId)));
    if (chain !== undefined) rewritten.set(lower(calcRel.target), chain);
    else {
      removed.add(lower(calcRel.target));
      removedRels.add(calcRel.id);
    }
  }

  // The workbook's relationships: the replaced sheets' out, the new sheets' (and styles') in.
  const relsPart = relsPartOf(pkg.workbookPart);
  const rels = editRelationships(await readText(pkg.zip, relsPart), pkg.workbookPart, removedRels, [
    ...newSheets.map((sheet) => ({ type: REL.worksheet, part: sheet.part })),
    ...(stylesText === undefined ? [{ type: REL.styles, part: stylesPart }] : []),
  ]);
  rewritten.set(lower(relsPart), rels.xml);

  editWorkbook(
    pkg.workbook,
    replaced,
    newSheets.map((sheet, i) => ({
      name: sheet.name,
      relId: rels.ids[i],
      localNames: sheet.localNames,
    })),
    Math.max(0, ...pkg.sheets.map((sheet) => sheet.sheetId)),
    plan.names
  );
  rewritten.set(lower(pkg.workbookPart), buildXml(pkg.workbook));

  const typesText = await readText(pkg.zip, CONTENT_TYPES);
  if (typesText === undefined) throw new Error(`${CONTENT_TYPES} is missing`);
  rewritten.set(
    lower(CONTENT_TYPES),
    editContentTypes(typesText, removed, contentTypes, needsVmlDefault)
  );
  return { removed, rewritten, added };
}

/** Writes OUT: IN's entries in IN's order, unchanged but for the edit, then the new parts. */
export async function writeEdited(
  pkg: XlsxPackage,
  edit: PackageEdit,
  file: string
): Promise<void> {
  const zip = new ZipWriter(file);
  try {
    for (const entry of pkg.zip.entries) {
      const name = lower(entry.fileName);
      if (edit.removed.has(name)) continue;
      const content = edit.rewritten.get(name);
      if (content !== undefined) zip.add(entry.fileName, content);
      else await zip.copy(entry, await pkg.zip.raw(entry));
    }
    for (const [name, content] of edit.added) zip.add(name, content);
    zip.finish();
  } finally {
    zip.close();
  }
}
