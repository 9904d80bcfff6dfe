import path from "path";
import { WorkbookPlan } from "../../workbook/plan-types";
import { BadFileError } from "../parse-arg";
import { REL, RELATIONSHIPS_NS, isType, readText, relativeTarget, relsPartOf } from "./parts";
import { PackageSheet, XlsxPackage } from "./read";
import { WrittenSheet, writeSheet } from "./sheet-write";
import { MINIMAL_STYLES, StyleBook, insertInOrder } from "./styles";
import { ZipWriter } from "./zip-write";
import {
  XmlNode,
  attribute,
  attributes,
  buildXml,
  childrenOf,
  element,
  elements,
  makeElement,
  parseXml,
  prefixFor,
  prefixOf,
  rootOf,
  tagOf,
  textOf,
} from "./xml";

const CONTENT_TYPES = "[Content_Types].xml";
const TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
};

/** CT_Workbook's order of children, for a definedNames element the workbook did not have. */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

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

/** A sheet name as a formula quotes it: 'Cash envelope'!, Families! */
function mentionsSheet(formula: string, sheet: string): boolean {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`.toLowerCase();
  const text = formula.toLowerCase();
  if (text.includes(quoted)) return true;
  const bare = sheet.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^A-Za-z0-9_.'])${bare}!`).test(text);
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

/** The calculation chain without the removed sheets' cells (each entry names its sheet by id). */
function calcChainWithout(text: string, sheetIds: Set<number>): string | undefined {
  const tree = parseXml(text);
  const root = rootOf(tree);
  let current = 0;
  const kept: XmlNode[] = [];
  for (const node of childrenOf(root)) {
    const tag = tagOf(node);
    if (!tag) continue;
    const i = attribute(node, "i");
    if (i !== undefined) current = Number(i);
    if (sheetIds.has(current)) continue;
    // An entry without i belongs to the sheet of the one before it, which may be gone now.
    attributes(node).i = String(current);
    kept.push(node);
  }
  if (kept.length === 0) return undefined;
  root[tagOf(root)!] = kept;
  return buildXml(tree);
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

  const newSheets: { name: string; part: string }[] = [];
  for (const sheet of plan.sheets) {
    const part = claim((n) => inXl(`worksheets/sheet${n}.xml`));
    const tableParts = sheet.tables.map(() => claim((n) => inXl(`tables/table${n}.xml`)));
    const commentsPart = claim((n) => inXl(`comments${n}.xml`));
    const vmlPart = claim((n) => inXl(`drawings/vmlDrawing${n}.vml`));
    do vmlBlock++;
    while (vmlBlocks.has(vmlBlock));
    const written: WrittenSheet = writeSheet(
      sheet,
      {
        tableIds: sheet.tables.map(() => ++tableId),
        tableTargets: tableParts.map((table) => relativeTarget(part, table)),
        commentsTarget: relativeTarget(part, commentsPart),
        vmlTarget: relativeTarget(part, vmlPart),
        vmlBlock,
      },
      (format, bold) => styles.index(format, bold)
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
    newSheets.push({ name: sheet.name, part });
  }
  if (stylesText === undefined) {
    added.push([stylesPart, buildXml(styles.document)]);
    contentTypes.push([stylesPart, TYPE.styles]);
  } else if (styles.modified) {
    rewritten.set(lower(stylesPart), buildXml(styles.document));
  }

  // The workbook's relationships: the replaced sheets' out, the new sheets' (and styles') in.
  const relsPart = relsPartOf(pkg.workbookPart);
  const relsText = await readText(pkg.zip, relsPart);
  const relsTree = parseXml(
    relsText ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
  );
  const relsRoot = rootOf(relsTree);
  const relsPrefix = prefixOf(tagOf(relsRoot)!);
  const replacedIds = new Set(replaced.map((sheet) => sheet.relId));
  relsRoot[tagOf(relsRoot)!] = childrenOf(relsRoot).filter(
    (node) => !replacedIds.has(attribute(node, "Id") ?? "")
  );
  const usedIds = new Set(elements(relsRoot, "Relationship").map((node) => attribute(node, "Id")));
  const newId = () => {
    let n = 1;
    while (usedIds.has(`rId${n}`)) n++;
    usedIds.add(`rId${n}`);
    return `rId${n}`;
  };
  const addRel = (type: string, part: string) => {
    const id = newId();
    childrenOf(relsRoot).push(
      makeElement(`${relsPrefix}Relationship`, {
        Id: id,
        Type: type,
        Target: relativeTarget(pkg.workbookPart, part),
      })
    );
    return id;
  };
  const sheetRelIds = newSheets.map((sheet) => addRel(REL.worksheet, sheet.part));
  if (stylesText === undefined) addRel(REL.styles, stylesPart);
  rewritten.set(lower(relsPart), buildXml(relsTree));

  // The workbook: sheets, then names.
  const root = rootOf(pkg.workbook);
  const prefix = prefixOf(tagOf(root)!);
  let r = prefixFor(root, RELATIONSHIPS_NS);
  if (!r) {
    // "r" may name another namespace in this document: then a prefix of our own.
    const free = "xmlns:r" in attributes(root) ? "tfr" : "r";
    attributes(root)[`xmlns:${free}`] = RELATIONSHIPS_NS;
    r = `${free}:`;
  }
  const sheetsNode = element(root, "sheets")!;
  const listed = elements(sheetsNode, "sheet");
  const newIndex = new Map<number, number>();
  let kept = 0;
  listed.forEach((node, i) => {
    if (!replacedIds.has(attribute(node, "id") ?? "")) newIndex.set(i, kept++);
  });
  sheetsNode[tagOf(sheetsNode)!] = childrenOf(sheetsNode).filter(
    (node) => !tagOf(node) || !replacedIds.has(attribute(node, "id") ?? "")
  );
  let sheetId = Math.max(0, ...pkg.sheets.map((sheet) => sheet.sheetId));
  newSheets.forEach((sheet, i) =>
    childrenOf(sheetsNode).push(
      makeElement(`${prefix}sheet`, {
        name: sheet.name,
        sheetId: ++sheetId,
        [`${r}id`]: sheetRelIds[i],
      })
    )
  );
  const total = kept + newSheets.length;
  for (const view of elements(element(root, "bookViews") ?? {}, "workbookView")) {
    for (const name of ["activeTab", "firstSheet"]) {
      const at = attribute(view, name);
      if (at === undefined) continue;
      const moved = newIndex.get(Number(at));
      attributes(view)[name] = String(moved !== undefined && moved < total ? moved : 0);
    }
  }
  const planNames = new Set(Object.keys(plan.names).map(lower));
  let names = element(root, "definedNames");
  if (names) {
    names[tagOf(names)!] = childrenOf(names).filter((node) => {
      if (!tagOf(node)) return true;
      const local = attribute(node, "localSheetId");
      if (local !== undefined) {
        const moved = newIndex.get(Number(local));
        if (moved === undefined) return false;
        attributes(node).localSheetId = String(moved);
      } else if (planNames.has(lower(attribute(node, "name") ?? ""))) return false;
      const formula = textOf(node);
      return !replaced.some((sheet) => mentionsSheet(formula, sheet.name));
    });
  }
  if (Object.keys(plan.names).length > 0) {
    if (!names) {
      names = makeElement(`${prefix}definedNames`);
      insertInOrder(root, names, WORKBOOK_ORDER);
    }
    for (const [name, reference] of Object.entries(plan.names)) {
      childrenOf(names).push(makeElement(`${prefix}definedName`, { name }, reference));
    }
  } else if (names && elements(names).length === 0) {
    root[tagOf(root)!] = childrenOf(root).filter((node) => node !== names);
  }
  rewritten.set(lower(pkg.workbookPart), buildXml(pkg.workbook));

  // The calculation chain stays; only the cells of sheets that are gone leave it.
  const calcRel = pkg.workbookRelationships.find((rel) => rel.type.endsWith("/calcChain"));
  const removedIds = new Set(replaced.map((sheet) => sheet.sheetId));
  if (calcRel && removedIds.size > 0) {
    const text = await readText(pkg.zip, calcRel.target);
    if (text !== undefined) {
      const chain = calcChainWithout(text, removedIds);
      if (chain) rewritten.set(lower(calcRel.target), chain);
      else {
        removed.add(lower(calcRel.target));
        relsRoot[tagOf(relsRoot)!] = childrenOf(relsRoot).filter(
          (node) => attribute(node, "Id") !== calcRel.id
        );
        rewritten.set(lower(relsPart), buildXml(relsTree));
      }
    }
  }

  // Content types: one Override per part, the removed ones out.
  const typesText = await readText(pkg.zip, CONTENT_TYPES);
  if (typesText === undefined) throw new Error(`${CONTENT_TYPES} is missing`);
  const types = parseXml(typesText);
  const typesRoot = rootOf(types);
  const typesPrefix = prefixOf(tagOf(typesRoot)!);
  typesRoot[tagOf(typesRoot)!] = childrenOf(typesRoot).filter(
    (node) => !removed.has(lower((attribute(node, "PartName") ?? "").replace(/^\//, "")))
  );
  const hasVml = elements(typesRoot, "Default").some(
    (node) => lower(attribute(node, "Extension") ?? "") === "vml"
  );
  if (needsVmlDefault && !hasVml) {
    const firstOverride = childrenOf(typesRoot).findIndex((node) =>
      tagOf(node)?.endsWith("Override")
    );
    const node = makeElement(`${typesPrefix}Default`, { Extension: "vml", ContentType: TYPE.vml });
    if (firstOverride < 0) childrenOf(typesRoot).push(node);
    else childrenOf(typesRoot).splice(firstOverride, 0, node);
  }
  for (const [part, type] of contentTypes) {
    childrenOf(typesRoot).push(
      makeElement(`${typesPrefix}Override`, { PartName: `/${part}`, ContentType: type })
    );
  }
  rewritten.set(lower(CONTENT_TYPES), buildXml(types));
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
