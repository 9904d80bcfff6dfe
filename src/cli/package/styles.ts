import { NUMBER_FORMATS, NumberFormat } from "../../workbook/plan-types";
import {
  XmlNode,
  attribute,
  attributes,
  childrenOf,
  element,
  elements,
  localName,
  makeElement,
  parseXml,
  prefixOf,
  rootOf,
  tagOf,
} from "./xml";

/** Built-in number formats Excel knows by id (ECMA-376 §18.8.30): no numFmt element needed. */
const BUILT_IN: Record<string, number> = { General: 0, "#,##0": 3, "@": 49 };
/** Ids below this are Excel's own; a workbook's custom formats start here. */
const FIRST_CUSTOM = 164;

/** The order CT_Stylesheet puts its children in: a new one goes into its place. */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/** Puts a child element of `parent` in the place its schema order gives it. */
export function insertInOrder(parent: XmlNode, child: XmlNode, order: readonly string[]): void {
  const children = childrenOf(parent);
  const rank = order.indexOf(localName(tagOf(child)!));
  const after = children.findIndex((node) => {
    const tag = tagOf(node);
    return tag !== undefined && order.indexOf(localName(tag)) > rank;
  });
  if (after < 0) children.push(child);
  else children.splice(after, 0, child);
}

/**
 * The workbook's styles with the generated cells' formats appended: number formats, one bold
 * font and a cell format (xf) per format and weight in use. Nothing already there moves, so
 * every style index the user's sheets hold still means what it meant.
 */
export class StyleBook {
  private readonly tree: XmlNode[];
  private readonly root: XmlNode;
  private readonly prefix: string;
  private readonly xfs = new Map<string, number>();
  private readonly formatIds = new Map<string, number>();
  private boldFont?: number;
  private changed = false;

  constructor(text: string) {
    this.tree = parseXml(text);
    this.root = rootOf(this.tree);
    this.prefix = prefixOf(tagOf(this.root)!);
  }

  private section(name: string): XmlNode {
    let node = element(this.root, name);
    if (!node) {
      node = makeElement(this.prefix + name, { count: 0 });
      insertInOrder(this.root, node, STYLESHEET_ORDER);
    }
    return node;
  }

  private append(section: XmlNode, child: XmlNode): number {
    const children = childrenOf(section);
    const index = elements(section).length;
    children.push(child);
    attributes(section).count = String(index + 1);
    this.changed = true;
    return index;
  }

  private numFmtId(format: NumberFormat): number {
    const code = NUMBER_FORMATS[format];
    if (code in BUILT_IN) return BUILT_IN[code];
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const numFmts = this.section("numFmts");
    const existing = elements(numFmts, "numFmt");
    const same = existing.find((node) => attribute(node, "formatCode") === code);
    const id = same
      ? Number(attribute(same, "numFmtId"))
      : Math.max(FIRST_CUSTOM - 1, ...existing.map((node) => Number(attribute(node, "numFmtId")))) +
        1;
    if (!same) {
      this.append(numFmts, makeElement(`${this.prefix}numFmt`, { numFmtId: id, formatCode: code }));
    }
    this.formatIds.set(code, id);
    return id;
  }

  /** The bold twin of the workbook's default font (font 0), so bold cells match the rest. */
  private boldFontId(): number {
    if (this.boldFont !== undefined) return this.boldFont;
    const fonts = this.section("fonts");
    const base = elements(fonts, "font")[0];
    const font: XmlNode = base
      ? (JSON.parse(JSON.stringify(base)) as XmlNode)
      : makeElement(`${this.prefix}font`, {}, [
          makeElement(`${this.prefix}sz`, { val: 11 }),
          makeElement(`${this.prefix}name`, { val: "Calibri" }),
        ]);
    const children = childrenOf(font).filter((node) => localName(tagOf(node) ?? "") !== "b");
    font[tagOf(font)!] = [makeElement(`${this.prefix}b`), ...children];
    this.boldFont = this.append(fonts, font);
    return this.boldFont;
  }

  /**
   * The cell format index (the `s` of a cell) for a number format, weight, wrapping and right
   * alignment; 0 is the default.
   */
  index(
    format: NumberFormat | undefined,
    bold: boolean | undefined,
    wrap?: boolean,
    right?: boolean
  ): number {
    const numFmt = format && format !== "general" ? format : undefined;
    if (!numFmt && !bold && !wrap && !right) return 0;
    const key = `${numFmt ?? ""}|${bold ? "b" : ""}|${wrap ? "w" : ""}|${right ? "r" : ""}`;
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const numFmtId = numFmt ? this.numFmtId(numFmt) : 0;
    const fontId = bold ? this.boldFontId() : 0;
    const xf = makeElement(
      `${this.prefix}xf`,
      {
        numFmtId,
        fontId,
        fillId: 0,
        borderId: 0,
        xfId: 0,
        applyNumberFormat: numFmt ? 1 : undefined,
        applyFont: bold ? 1 : undefined,
        applyAlignment: wrap || right ? 1 : undefined,
      },
      wrap || right
        ? [
            makeElement(`${this.prefix}alignment`, {
              horizontal: right ? "right" : undefined,
              wrapText: wrap ? 1 : undefined,
            }),
          ]
        : []
    );
    const index = this.append(this.section("cellXfs"), xf);
    this.xfs.set(key, index);
    return index;
  }

  /** Whether anything was appended (if not, styles.xml is copied as it was). */
  get modified(): boolean {
    return this.changed;
  }

  /** The styles part as a tree, for the writer to serialise. */
  get document(): XmlNode[] {
    return this.tree;
  }
}
