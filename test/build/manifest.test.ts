import fs from "fs";
import path from "path";
import { XMLParser } from "fast-xml-parser";

/**
 * The manifest's structure, checked offline (the official validator is an online service):
 * the shared-runtime elements of Microsoft's template, every resid defined, ids unique, URLs on
 * the dev server.
 */
const root = path.join(__dirname, "..", "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  isArray: () => false,
});
const doc = parser.parse(xml);
const app = doc.OfficeApp;
const overrides = app.VersionOverrides;
const host = overrides.Hosts.Host;
const resources = overrides.Resources;

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Every attribute value of a given name anywhere in the document. */
function attributes(node: unknown, name: string, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => attributes(child, name, found));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === `@${name}`) found.push(String(value));
      else attributes(value, name, found);
    }
  }
  return found;
}

const defined = new Map<string, string>();
for (const group of [
  resources.Images.Image,
  resources.Urls.Url,
  resources.ShortStrings.String,
  resources.LongStrings.String,
]) {
  for (const entry of list<Record<string, string>>(group))
    defined.set(entry["@id"], entry["@DefaultValue"]);
}

describe("manifest.xml", () => {
  it("parses as a task pane add-in for Excel with a valid GUID", () => {
    expect(app["@type"]).toBe("TaskPaneApp");
    expect(app.Id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
    );
    expect(app.Hosts.Host["@Name"]).toBe("Workbook");
    expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  const requiredSets = () =>
    new Map(
      list<Record<string, string>>(app.Requirements.Sets.Set).map((set) => [
        set["@Name"],
        set["@MinVersion"],
      ])
    );

  it("requires the shared runtime and keeps one long-lived runtime on the task pane page", () => {
    expect(requiredSets().get("SharedRuntime")).toBe("1.1");
    expect(host.Runtimes.Runtime["@resid"]).toBe("Taskpane.Url");
    expect(host.Runtimes.Runtime["@lifetime"]).toBe("long");
  });

  it("requires ExcelApi 1.7, which the pane's chart series and name formulas need", () => {
    // ChartSeriesCollection.add, ChartSeries.setValues/setXAxisValues and NamedItem.formula are
    // ExcelApi 1.7; everything else the pane calls unguarded is older. Frozen panes (1.7) and
    // page layout (1.9) are asked for at run time (hostSupport) and skipped when missing.
    expect(requiredSets()).toEqual(
      new Map([
        ["SharedRuntime", "1.1"],
        ["ExcelApi", "1.7"],
      ])
    );
    const excel = fs.readFileSync(path.join(root, "src", "taskpane", "excel", "steps.ts"), "utf8");
    expect(excel).toMatch(/\.series\.add\(/);
    expect(excel).toMatch(/setXAxisValues\(/);
    const recover = fs.readFileSync(
      path.join(root, "src", "taskpane", "excel", "recover.ts"),
      "utf8"
    );
    expect(recover).toMatch(/item\.formula = /);
  });

  it("points the custom functions' page and the function file at the task pane page", () => {
    const functions = host.AllFormFactors.ExtensionPoint;
    expect(functions["@type"]).toBe("CustomFunctions");
    expect(functions.Page.SourceLocation["@resid"]).toBe("Taskpane.Url");
    expect(host.DesktopFormFactor.FunctionFile["@resid"]).toBe("Taskpane.Url");
    expect(functions.Script.SourceLocation["@resid"]).toBe("Functions.Script.Url");
    expect(functions.Metadata.SourceLocation["@resid"]).toBe("Functions.Metadata.Url");
    expect(defined.get(functions.Namespace["@resid"])).toBe("TF");
  });

  it("has a ribbon button that opens the task pane", () => {
    const button = host.DesktopFormFactor.ExtensionPoint.OfficeTab.Group.Control;
    expect(button["@type"]).toBe("Button");
    expect(button.Action["@type"]).toBe("ShowTaskpane");
    expect(button.Action.SourceLocation["@resid"]).toBe("Taskpane.Url");
  });

  it("defines every resid it uses, once", () => {
    const used = attributes(overrides, "resid");
    expect(used.length).toBeGreaterThan(10);
    for (const id of used) expect(defined.has(id)).toBe(true);
    const ids = attributes(resources, "id");
    expect(new Set(ids).size).toBe(ids.length);
    const controlIds = attributes(host, "id");
    expect(new Set(controlIds).size).toBe(controlIds.length);
  });

  it("serves everything from the dev server over HTTPS, and the icons exist", () => {
    const port = require(path.join(root, "package.json")).config.dev_server_port;
    const urls = [...xml.matchAll(/(?:DefaultValue="|>)\s*(https?:\/\/[^"<\s]+)/g)].map(
      (m) => m[1]
    );
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith(`https://localhost:${port}`)).toBe(true);
    expect(defined.get("Taskpane.Url")).toBe(`https://localhost:${port}/taskpane.html`);
    expect(defined.get("Functions.Script.Url")).toBe(`https://localhost:${port}/functions.js`);
    expect(defined.get("Functions.Metadata.Url")).toBe(`https://localhost:${port}/functions.json`);
    for (const size of [16, 32, 80]) {
      expect(defined.get(`Icon.${size}x${size}`)).toBe(
        `https://localhost:${port}/assets/icon-${size}.png`
      );
      expect(fs.existsSync(path.join(root, "assets", `icon-${size}.png`))).toBe(true);
    }
  });
});
