// Lets a plain Node script require the project's TypeScript directly (the benchmark measures the
// same sources the tests run): each .ts/.tsx file is transpiled to CommonJS on first require.
const fs = require("fs");
const ts = require("typescript");

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  jsx: ts.JsxEmit.ReactJSX,
  esModuleInterop: true,
  isolatedModules: true,
};

for (const extension of [".ts", ".tsx"]) {
  require.extensions[extension] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: options,
      fileName: filename,
    });
    module._compile(outputText, filename);
  };
}
