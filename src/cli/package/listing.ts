import { relativeTarget } from "./parts";
import {
  XmlNode,
  attribute,
  attributes,
  buildXml,
  childrenOf,
  elements,
  localName,
  makeElement,
  parseXml,
  prefixOf,
  rootOf,
  tagOf,
} from "./xml";

/**
 * The package's two listings, rewritten through the XML tree so that everything else in them
 * stays: the workbook's relationships and [Content_Types].xml.
 */

export const CONTENT_TYPES = "[Content_Types].xml";
export const TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

const EMPTY_RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

const keep = (parent: XmlNode, test: (node: XmlNode) => boolean) => {
  parent[tagOf(parent)!] = childrenOf(parent).filter((node) => !tagOf(node) || test(node));
};

/**
 * The workbook's relationships without those to removed parts (by Id), with one for each new
 * part: their new Ids in the order given (rIdN, never one already used).
 */
export function editRelationships(
  text: string | undefined,
  sourcePart: string,
  removedIds: ReadonlySet<string>,
  additions: { type: string; part: string }[]
): { xml: string; ids: string[] } {
  const tree = parseXml(text ?? EMPTY_RELATIONSHIPS);
  const root = rootOf(tree);
  keep(root, (node) => !removedIds.has(attribute(node, "Id") ?? ""));
  const used = new Set(elements(root, "Relationship").map((node) => attribute(node, "Id")));
  const ids = additions.map(({ type, part }) => {
    let n = 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    used.add(id);
    childrenOf(root).push(
      makeElement(`${prefixOf(tagOf(root)!)}Relationship`, {
        Id: id,
        Type: type,
        Target: relativeTarget(sourcePart, part),
      })
    );
    return id;
  });
  return { xml: buildXml(tree), ids };
}

/**
 * The content types without the removed parts' overrides, with one for each new part, and the
 * default for .vml drawings if notes need it and the package has none.
 */
export function editContentTypes(
  text: string,
  removed: ReadonlySet<string>,
  overrides: [string, string][],
  needsVml: boolean
): string {
  const tree = parseXml(text);
  const root = rootOf(tree);
  const prefix = prefixOf(tagOf(root)!);
  keep(root, (node) => {
    const part = (attribute(node, "PartName") ?? "").replace(/^\//, "").toLowerCase();
    return !removed.has(part);
  });
  const hasVml = elements(root, "Default").some(
    (node) => (attribute(node, "Extension") ?? "").toLowerCase() === "vml"
  );
  if (needsVml && !hasVml) {
    // Defaults come before overrides, as Excel writes them.
    const at = childrenOf(root).findIndex((node) => tagOf(node)?.endsWith("Override"));
    const node = makeElement(`${prefix}Default`, { Extension: "vml", ContentType: TYPE.vml });
    childrenOf(root).splice(at < 0 ? childrenOf(root).length : at, 0, node);
  }
  for (const [part, type] of overrides) {
    childrenOf(root).push(
      makeElement(`${prefix}Override`, { PartName: `/${part}`, ContentType: type })
    );
  }
  return buildXml(tree);
}

/** The calculation chain without the removed sheets' cells (each entry names its sheet by id). */
export function calcChainWithout(text: string, sheetIds: ReadonlySet<number>): string | undefined {
  const tree = parseXml(text);
  const root = rootOf(tree);
  let current = 0;
  keep(root, (node) => {
    if (localName(tagOf(node)!) !== "c") return true;
    const i = attribute(node, "i");
    if (i !== undefined) current = Number(i);
    // An entry without i belongs to the sheet of the one before it, which may be gone now.
    attributes(node).i = String(current);
    return !sheetIds.has(current);
  });
  return elements(root, "c").length === 0 ? undefined : buildXml(tree);
}
