import { execFileSync } from "child_process";
import path from "path";

/**
 * The layer rules of eslint.config.mjs, each shown to fire on code that breaks it (and to stay
 * quiet on the code each layer may write), so a rule cannot vanish from the config unnoticed.
 * ESLint lints each probe as if it were a file at that path; it runs in a child process because
 * the config is an ES module, which jest's CommonJS sandbox cannot load.
 */
const root = path.join(__dirname, "..", "..", "..");

interface Probe {
  file: string;
  code: string;
}

function lint(probes: readonly Probe[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const probes = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(root)} });
      const out = [];
      for (const probe of probes) {
        const [result] = await eslint.lintText(probe.code, { filePath: probe.file });
        out.push(result.messages.map((m) => (m.ruleId ?? "fatal") + ": " + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const input = JSON.stringify(
    probes.map((p) => ({ file: path.join(root, p.file), code: p.code }))
  );
  return JSON.parse(
    execFileSync(process.execPath, ["-e", script, input], { cwd: root, encoding: "utf8" })
  );
}

const cases: [string, Probe, RegExp | null][] = [
  [
    "the engine imports no other layer",
    {
      file: "src/engine/probe.ts",
      code: `import { readInputs } from "../workbook/inputs";\nexport const x = readInputs;\n`,
    },
    /no-restricted-imports: .*src\/engine imports no other layer/,
  ],
  [
    "the engine imports no exceljs",
    {
      file: "src/engine/probe.ts",
      code: `import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n`,
    },
    /no-restricted-imports: .*src\/engine uses decimal\.js and itself only/,
  ],
  [
    "the engine does no I/O",
    { file: "src/engine/probe.ts", code: `import fs from "fs";\nexport const x = fs;\n` },
    /no-restricted-imports: .*decimal\.js and itself only/,
  ],
  [
    "the engine imports React from nowhere",
    { file: "src/engine/probe.ts", code: `import React from "react";\nexport const x = React;\n` },
    /no-restricted-imports/,
  ],
  [
    "the engine may use decimal.js and itself",
    {
      file: "src/engine/probe.ts",
      code: `import DecimalBase from "decimal.js";\nimport { dec } from "./money";\nexport const x = [DecimalBase, dec];\n`,
    },
    null,
  ],
  [
    "the workbook plan imports only the engine",
    {
      file: "src/workbook/probe.ts",
      code: `import { run } from "../cli/main";\nexport const x = run;\n`,
    },
    /no-restricted-imports: .*src\/workbook imports only src\/engine/,
  ],
  [
    "the workbook plan imports no React",
    {
      file: "src/workbook/probe.ts",
      code: `import React from "react";\nexport const x = React;\n`,
    },
    /no-restricted-imports: .*UI code belongs in src\/taskpane/,
  ],
  [
    "the workbook plan may import the engine",
    {
      file: "src/workbook/probe.ts",
      code: `import { dec } from "../engine/money";\nexport const x = dec;\n`,
    },
    null,
  ],
  [
    "exceljs only in the command line: not in the pane",
    {
      file: "src/taskpane/components/Probe.tsx",
      code: `import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n`,
    },
    /no-restricted-imports: .*belong in src\/cli/,
  ],
  [
    "a zip library only in the command line: not in the functions",
    {
      file: "src/functions/probe.ts",
      code: `import JSZip from "jszip";\nexport const x = JSZip;\n`,
    },
    /no-restricted-imports: .*belong in src\/cli/,
  ],
  [
    "the command line may use exceljs",
    {
      file: "src/cli/probe.ts",
      code: `import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n`,
    },
    null,
  ],
  [
    "Office.js globals only in src/taskpane/excel: not in a component",
    {
      file: "src/taskpane/components/Probe.tsx",
      code: `export const x = () => Excel.run(async () => undefined);\n`,
    },
    /no-restricted-globals: .*Office\.js belongs in src\/taskpane\/excel/,
  ],
  [
    "Office.js globals: not in the command line",
    { file: "src/cli/probe.ts", code: `export const x = () => Office.onReady();\n` },
    /no-restricted-globals: Unexpected use of 'Office'/,
  ],
  [
    "Office.js globals: not in the functions",
    {
      file: "src/functions/probe.ts",
      code: `export const x = () => Excel.run(async () => undefined);\n`,
    },
    /no-restricted-globals: Unexpected use of 'Excel'/,
  ],
  [
    "CustomFunctions: not in the workbook plan",
    {
      file: "src/workbook/probe.ts",
      code: `export const x = () => CustomFunctions.associate("X", () => 1);\n`,
    },
    /no-restricted-globals: Unexpected use of 'CustomFunctions'/,
  ],
  [
    "the functions may use CustomFunctions",
    {
      file: "src/functions/probe.ts",
      code: `export const x = () => CustomFunctions.associate("X", () => 1);\n`,
    },
    null,
  ],
  [
    "src/taskpane/excel may use Office.js",
    {
      file: "src/taskpane/excel/probe.ts",
      code: `export const x = () => Excel.run(async () => undefined);\n`,
    },
    null,
  ],
];

describe("the linter holds the layers", () => {
  let results: string[][];
  beforeAll(() => {
    results = lint(cases.map(([, probe]) => probe));
  }, 120000);

  it.each(cases.map((c, i) => [c[0], i] as const))("%s", (_, i) => {
    const [, , expected] = cases[i];
    const messages = results[i].filter((m) => !m.startsWith("prettier/"));
    if (expected === null) expect(messages).toEqual([]);
    else expect(messages.some((m) => expected.test(m))).toBe(true);
  });
});
