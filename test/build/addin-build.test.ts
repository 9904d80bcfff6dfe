import fs from "fs";
import os from "os";
import path from "path";
import { buildAddin } from "../support/build";

/**
 * A real production build, as `npm run build` makes it: what Excel loads is the generated
 * functions.json, so that is what these tests read (never a hand-written copy).
 */
const root = path.join(__dirname, "..", "..");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "tf-build-"));
const { referenceMarkdown, START, END } = require(
  path.join(root, "scripts", "function-reference.js")
);

interface Param {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
}

let metadata: { functions: Fn[] };

const webpack = (...extra: string[]) => buildAddin(out, ...extra);

beforeAll(() => {
  webpack();
  metadata = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8"));
}, 180000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const byId = (id: string) => {
  const fn = metadata.functions.find((f) => f.id === id);
  if (!fn) throw new Error(`${id} is not in functions.json`);
  return fn;
};

describe("npm run build", () => {
  it("writes the bundles, the task pane page, the help page and the manifest", () => {
    for (const file of [
      "functions.js",
      "functions.json",
      "taskpane.js",
      "taskpane.html",
      "help.html",
      "manifest.xml",
      "assets/icon-32.png",
    ]) {
      expect(fs.existsSync(path.join(out, file))).toBe(true);
    }
    const page = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
    expect(page).toMatch(/functions\.js/);
    expect(page).toMatch(/Content-Security-Policy/);
  });

  it("loads one shared copy of the engine and decimal.js before the pane's and the functions' scripts", () => {
    const page = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
    const scripts = [...page.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)]
      .map((m) => m[1])
      .filter((src) => !/^https?:/.test(src));
    expect(scripts).toEqual(["shared.js", "taskpane.js", "functions.js"]);
    const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");
    // decimal.js's own error text, and a message of the engine both pages use.
    const decimal = /\[DecimalError\]/g;
    const engine = /must be a whole number of families/g;
    expect(read("shared.js").match(decimal)?.length).toBe(1);
    expect(read("shared.js").match(engine)?.length).toBeGreaterThan(0);
    for (const own of ["taskpane.js", "functions.js"]) {
      expect(read(own)).not.toMatch(decimal);
      expect(read(own)).not.toMatch(engine);
      // Each entry's script only hands its modules to the one runtime in shared.js, so the two
      // share module instances rather than each starting a runtime of its own.
      expect(read(own)).toMatch(/^(\/\*[^]*?\*\/\s*)?"use strict";\(self\.webpackChunk\w+=/);
    }
  });

  it("leaves what is below the pane's fold, the build and the outside-Excel page out of its first load", () => {
    const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");
    const firstLoad = read("shared.js") + read("taskpane.js");
    // Text each chunk's own component says, and where it must (not) be.
    const below = [
      "Save scenario",
      "Insert sample inputs",
      "Build tables",
      "Write comparison to sheet",
    ];
    for (const text of below) {
      expect(firstLoad).not.toContain(text);
      expect(read("sections.js")).toContain(text);
    }
    expect(firstLoad).not.toContain("works inside Excel");
    expect(read("outside.js")).toContain("works inside Excel");
    // The figures and the common assumptions paint from the first load alone.
    for (const text of ["What we get, and when", "Families a year and success rate"]) {
      expect(read("taskpane.js")).toContain(text);
    }
  });

  it("registers every function of the contract, with the ids and names Excel shows", () => {
    const contract = [
      "TF_ELIGIBLE",
      "TF_ATTACHMENT",
      "TF_RESULTS_PAYMENT",
      "TF_ENVELOPE",
      "TF_PBR_RISK",
      "TF_PBR_FORECAST",
      "TF_TURNED_AROUND",
    ];
    for (const id of contract) expect(byId(id).name).toBe(id.replace(/^TF_/, ""));
    // The function table and the registered functions are the same set.
    const { FUNCTIONS } = require(path.join(root, "src", "functions", "table"));
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(
      FUNCTIONS.map((f: { id: string }) => f.id).sort()
    );
  });

  it("describes every function and every parameter, with a worked example and a help link", () => {
    for (const fn of metadata.functions) {
      expect(fn.description.length).toBeGreaterThan(40);
      expect(fn.description).toMatch(/Example:/);
      expect(fn.helpUrl).toBe(`https://localhost:3000/help.html#${fn.id.toLowerCase()}`);
      for (const p of fn.parameters) {
        expect(p.description && p.description.length).toBeGreaterThan(10);
        expect(["number", "string", "boolean", "any"]).toContain(p.type);
      }
    }
  });

  it("marks optional arguments as in the contract", () => {
    const optional = (id: string) =>
      byId(id)
        .parameters.filter((p) => p.optional)
        .map((p) => p.name);
    expect(optional("TF_ELIGIBLE")).toEqual(["share", "rounding"]);
    expect(optional("TF_ATTACHMENT")).toEqual(["framework", "rounding"]);
    expect(optional("TF_RESULTS_PAYMENT")).toEqual(["framework"]);
    expect(optional("TF_ENVELOPE")).toEqual(["years", "framework", "rounding", "funded"]);
    expect(optional("TF_PBR_FORECAST")).toEqual(["cohort", "method"]);
    expect(optional("TF_TURNED_AROUND")).toEqual([]);
    const { FUNCTIONS } = require(path.join(root, "src", "functions", "table"));
    for (const spec of FUNCTIONS) {
      expect(byId(spec.id).parameters.map((p) => [p.name, !!p.optional])).toEqual(
        spec.params.map((p: { name: string; optional: boolean }) => [p.name, p.optional])
      );
    }
  });

  it("takes ranges as matrices and spills tables", () => {
    const forecast = byId("TF_PBR_FORECAST").parameters;
    expect(forecast[0].dimensionality).toBe("matrix");
    expect(forecast[1].dimensionality).toBe("matrix");
    expect(forecast[2].dimensionality ?? "scalar").toBe("scalar");
    expect(byId("TF_ATTACHMENT").parameters[2].dimensionality).toBe("matrix");
    expect(byId("TF_ENVELOPE").result.dimensionality).toBe("matrix");
    expect(byId("TF_PBR_RISK").result.dimensionality ?? "scalar").toBe("scalar");
    expect(byId("TF_FINANCIAL_YEAR").result.type).toBe("string");
  });

  it("keeps the README's function reference generated from this metadata", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    expect(section).toBe(referenceMarkdown(metadata));
  });

  it("writes a help page with a section per function, without scripts", () => {
    const help = fs.readFileSync(path.join(out, "help.html"), "utf8");
    // The page is minified like the rest of the build, so attribute quotes may be dropped.
    for (const fn of metadata.functions)
      expect(help).toMatch(new RegExp(`id="?${fn.id.toLowerCase()}\\b`));
    expect(help).not.toMatch(/<script/i);
  });

  it("points a production build at the council's own host", () => {
    webpack("--env", "host=https://addins.example.gov.uk/tf/");
    const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    const functions = fs.readFileSync(path.join(out, "functions.json"), "utf8");
    expect(manifest).not.toMatch(/localhost/);
    expect(manifest).toMatch(/<AppDomain>https:\/\/addins\.example\.gov\.uk<\/AppDomain>/);
    expect(manifest).toMatch(/https:\/\/addins\.example\.gov\.uk\/tf\/taskpane\.html/);
    expect(functions).toMatch(/https:\/\/addins\.example\.gov\.uk\/tf\/help\.html#tf_eligible/);
  }, 180000);
});
