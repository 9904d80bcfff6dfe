import { XMLBuilder, XMLParser } from "fast-xml-parser";

/**
 * The package's listing parts (workbook, relationships, content types, styles) are read and
 * rewritten as ordered XML trees (fast-xml-parser with preserveOrder): every element, attribute,
 * namespace, comment and extension a tool wrote comes back out in its place; only the elements
 * this writer adds or removes change. Text and attribute values stay as written (entities
 * unexpanded), so unknown content is never re-encoded.
 */
export type XmlNode = Record<string, unknown>;

const OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  commentPropName: "#comment",
  cdataPropName: "#cdata",
  allowBooleanAttributes: true,
  suppressEmptyNode: true,
} as const;

const ATTRIBUTES = ":@";
const TEXT = "#text";

/** Element names begin with a letter or underscore; "#text", "#comment", "?xml" do not. */
const isElementKey = (key: string) => key !== ATTRIBUTES && /^[A-Za-z_]/.test(key);

export function parseXml(text: string): XmlNode[] {
  const tree = new XMLParser(OPTIONS).parse(text) as XmlNode[];
  // A value written in single quotes may hold a double quote, which the builder would not escape.
  walk(tree, (node) => {
    const attributes = node[ATTRIBUTES] as Record<string, string> | undefined;
    for (const [name, value] of Object.entries(attributes ?? {})) {
      if (value.includes('"')) attributes![name] = value.replace(/"/g, "&quot;");
    }
  });
  return tree;
}

export function buildXml(tree: XmlNode[]): string {
  const text = new XMLBuilder(OPTIONS).build(tree) as string;
  // The declaration is kept; a line break after it is what Excel itself writes.
  return text.replace(/^(<\?xml[^>]*\?>)(?!\r?\n)/, "$1\r\n");
}

function walk(nodes: XmlNode[], visit: (node: XmlNode) => void): void {
  for (const node of nodes) {
    visit(node);
    const name = tagOf(node);
    if (name) walk(node[name] as XmlNode[], visit);
  }
}

/** The element name of a node ("x:sheet" keeps its prefix), or undefined for text and comments. */
export function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find(isElementKey);
}

/** A name without its namespace prefix: "x:sheet" → "sheet". */
export const localName = (tag: string) => tag.slice(tag.indexOf(":") + 1);

/** The prefix of an element name with its colon ("x:"), or "" for the default namespace. */
export const prefixOf = (tag: string) => tag.slice(0, tag.indexOf(":") + 1);

export function childrenOf(node: XmlNode): XmlNode[] {
  const name = tagOf(node);
  return name ? (node[name] as XmlNode[]) : [];
}

export function elements(node: XmlNode, local?: string): XmlNode[] {
  return childrenOf(node).filter((child) => {
    const name = tagOf(child);
    return name !== undefined && (local === undefined || localName(name) === local);
  });
}

export function element(node: XmlNode, local: string): XmlNode | undefined {
  return elements(node, local)[0];
}

/** The document element (the first element at the top level). */
export function rootOf(tree: XmlNode[]): XmlNode {
  const root = tree.find((node) => tagOf(node) && !tagOf(node)!.startsWith("?"));
  if (!root) throw new Error("the part has no root element");
  return root;
}

/** Attribute values as written (escaped). */
export function attributes(node: XmlNode): Record<string, string> {
  if (!node[ATTRIBUTES]) node[ATTRIBUTES] = {};
  return node[ATTRIBUTES] as Record<string, string>;
}

/** An attribute's value, unescaped; `local` matches whatever its prefix. */
export function attribute(node: XmlNode, name: string): string | undefined {
  const all = (node[ATTRIBUTES] ?? {}) as Record<string, string>;
  const key = name in all ? name : Object.keys(all).find((key) => localName(key) === name);
  return key === undefined ? undefined : unescapeXml(all[key]);
}

/** The text content of an element (its text children, unescaped). */
export function textOf(node: XmlNode): string {
  return unescapeXml(
    childrenOf(node)
      .map((child) => (typeof child[TEXT] === "string" ? (child[TEXT] as string) : ""))
      .join("")
  );
}

/** A new element; attribute and text values are given unescaped. */
export function makeElement(
  tag: string,
  attrs: Record<string, string | number | undefined> = {},
  children: XmlNode[] | string = []
): XmlNode {
  const node: XmlNode = {
    [tag]: typeof children === "string" ? [{ [TEXT]: escapeXml(children) }] : children,
  };
  const escaped: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) escaped[name] = escapeXml(String(value));
  }
  if (Object.keys(escaped).length > 0) node[ATTRIBUTES] = escaped;
  return node;
}

/** The namespace prefix a document uses for a namespace URI ("r:"), if it declares one. */
export function prefixFor(root: XmlNode, uri: string): string | undefined {
  const declared = Object.entries(attributes(root)).find(
    ([name, value]) => name.startsWith("xmlns:") && unescapeXml(value) === uri
  );
  return declared ? `${declared[0].slice("xmlns:".length)}:` : undefined;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity] ?? whole;
  });
}

/** Escapes text for an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
