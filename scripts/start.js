// npm start: on Windows or macOS with office-addin-debugging, sideload the add-in into Excel (as
// Microsoft's templates do). Anywhere else, do the main job headlessly: write the sample inputs,
// build their funding tables into out/, print the headline figures, say how to use the add-in.
const fs = require("fs");
const path = require("path");
const { root, debuggingCli, runNode } = require("./sideload");

/** Whether lib/ is missing or older than a source file it is compiled from. */
function cliIsStale() {
  const built = path.join(root, "lib", "cli", "main.js");
  if (!fs.existsSync(built)) return true;
  const since = fs.statSync(built).mtimeMs;
  const newer = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return newer(file);
      return entry.name.endsWith(".ts") && fs.statSync(file).mtimeMs > since;
    });
  return ["cli", "workbook", "engine", "functions"].some((dir) =>
    newer(path.join(root, "src", dir))
  );
}

const cli = debuggingCli();
if (cli) {
  runNode([cli, "start", "manifest.xml"]);
} else {
  if (cliIsStale()) {
    console.log("Building the command line (npm run build:cli)…");
    runNode([
      path.join(root, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      "tsconfig.cli.json",
    ]);
  }
  const out = path.join(root, "out");
  fs.mkdirSync(out, { recursive: true });
  const bin = path.join(root, "bin", "tf-funding.js");
  const inputs = path.join(out, "sample-inputs.xlsx");
  const tables = path.join(out, "funding-tables.xlsx");
  // out/ is this script's own: its sample is rewritten on every run.
  runNode([bin, "sample", inputs, "--force"]);
  runNode([bin, "tables", inputs, "-o", tables]);
  const why =
    process.platform === "win32" || process.platform === "darwin"
      ? "office-addin-debugging is not installed"
      : `Excel does not run on ${process.platform}`;
  console.log(`
Built headlessly (${why}):
  inputs: ${path.relative(process.cwd(), inputs)}
  tables: ${path.relative(process.cwd(), tables)}  (open it in Excel or LibreOffice)

To use the add-in in Excel:
  - Windows or macOS: npm run dev-server, then npm start in another terminal (it sideloads
    manifest.xml into Excel; npx office-addin-dev-certs install once for the https certificate);
  - Excel on the web: npm run dev-server, then in Excel Insert > Add-ins > Upload My Add-in and
    choose manifest.xml.`);
}
