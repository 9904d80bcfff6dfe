import { PackageSheet } from "./read";
import { RELATIONSHIPS_NS } from "./parts";
import { insertInOrder } from "./styles";
import {
  XmlNode,
  attribute,
  attributes,
  childrenOf,
  element,
  elements,
  makeElement,
  prefixFor,
  prefixOf,
  rootOf,
  tagOf,
  textOf,
} from "./xml";

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

const lower = (text: string) => text.toLowerCase();

/** Whether a formula refers to a sheet: 'Cash envelope'!A1, Families!A1 (not MyFamilies!A1). */
export function mentionsSheet(formula: string, sheet: string): boolean {
  const text = lower(formula);
  if (text.includes(lower(`'${sheet.replace(/'/g, "''")}'!`))) return true;
  const bare = lower(sheet).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^a-z0-9_.'])${bare}!`).test(text);
}

/**
 * workbook.xml with the replaced sheets out and the new ones at the end: their sheet ids follow
 * the highest the workbook ever listed, sheet-local names and the views' sheet indexes move
 * with the sheets left, and names are replaced by the plan's (names into a replaced sheet go).
 * A new sheet's own local names (its print area and print titles) get its new index.
 */
export function editWorkbook(
  workbook: XmlNode[],
  replaced: readonly PackageSheet[],
  added: { name: string; relId: string; localNames?: Record<string, string> }[],
  highestSheetId: number,
  names: Record<string, string>
): void {
  const root = rootOf(workbook);
  const prefix = prefixOf(tagOf(root)!);
  let r = prefixFor(root, RELATIONSHIPS_NS);
  if (!r) {
    // "r" may name another namespace in this document: then a prefix of our own.
    const free = "xmlns:r" in attributes(root) ? "tfr" : "r";
    attributes(root)[`xmlns:${free}`] = RELATIONSHIPS_NS;
    r = `${free}:`;
  }
  const replacedIds = new Set(replaced.map((sheet) => sheet.relId));
  const isReplaced = (node: XmlNode) => replacedIds.has(attribute(node, "id") ?? "");

  const sheets = element(root, "sheets")!;
  const newIndex = new Map<number, number>();
  let kept = 0;
  elements(sheets, "sheet").forEach((node, i) => {
    if (!isReplaced(node)) newIndex.set(i, kept++);
  });
  sheets[tagOf(sheets)!] = childrenOf(sheets).filter((node) => !tagOf(node) || !isReplaced(node));
  let sheetId = highestSheetId;
  for (const sheet of added) {
    childrenOf(sheets).push(
      makeElement(`${prefix}sheet`, {
        name: sheet.name,
        sheetId: ++sheetId,
        [`${r}id`]: sheet.relId,
      })
    );
  }

  const total = kept + added.length;
  for (const view of elements(element(root, "bookViews") ?? {}, "workbookView")) {
    for (const name of ["activeTab", "firstSheet"]) {
      const at = attribute(view, name);
      if (at === undefined) continue;
      const moved = newIndex.get(Number(at));
      attributes(view)[name] = String(moved !== undefined && moved < total ? moved : 0);
    }
  }

  const planNames = new Set(Object.keys(names).map(lower));
  let defined = element(root, "definedNames");
  if (defined) {
    defined[tagOf(defined)!] = childrenOf(defined).filter((node) => {
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
  const local = added.flatMap((sheet, i) =>
    Object.entries(sheet.localNames ?? {}).map(([name, reference]) =>
      makeElement(`${prefix}definedName`, { name, localSheetId: kept + i }, reference)
    )
  );
  if (Object.keys(names).length > 0 || local.length > 0) {
    if (!defined) {
      defined = makeElement(`${prefix}definedNames`);
      insertInOrder(root, defined, WORKBOOK_ORDER);
    }
    for (const [name, reference] of Object.entries(names)) {
      childrenOf(defined).push(makeElement(`${prefix}definedName`, { name }, reference));
    }
    childrenOf(defined).push(...local);
  } else if (defined && elements(defined).length === 0) {
    // An empty definedNames element is not allowed.
    root[tagOf(root)!] = childrenOf(root).filter((node) => node !== defined);
  }
}
