// npm start: on Windows or macOS with Excel, sideload the add-in (as Microsoft's templates do).
// Anywhere else, do the main job headlessly: write the sample inputs, build their funding tables
// into out/, print the headline figures, and say how to use the add-in in Excel.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const command = process.argv[2] === "stop" ? "stop" : "start";

function sideloader() {
  if (process.platform !== "win32" && process.platform !== "darwin") return undefined;
  try {
    return require.resolve("office-addin-debugging/lib/cli.js", { paths: [root] });
  } catch {
    return undefined;
  }
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const cli = sideloader();
if (cli) {
  run([cli, command, "manifest.xml"]);
} else if (command === "stop") {
  console.log("Nothing to stop: the add-in is only sideloaded into Excel on Windows or macOS.");
} else {
  if (!fs.existsSync(path.join(root, "lib", "cli", "main.js"))) {
    run([path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"]);
  }
  const out = path.join(root, "out");
  fs.mkdirSync(out, { recursive: true });
  const bin = path.join(root, "bin", "tf-funding.js");
  const inputs = path.join(out, "sample-inputs.xlsx");
  const tables = path.join(out, "funding-tables.xlsx");
  run([bin, "sample", inputs]);
  run([bin, "tables", inputs, "-o", tables]);
  console.log(`
No Excel on this machine (${process.platform}), so the tables were built headlessly:
  inputs: ${path.relative(process.cwd(), inputs)}
  tables: ${path.relative(process.cwd(), tables)}  (open it in Excel or LibreOffice)

To use the add-in in Excel:
  - Windows or macOS: npx office-addin-dev-certs install, then npm start (it sideloads manifest.xml);
  - Excel on the web: npm run dev-server, then Insert > Add-ins > Upload My Add-in > manifest.xml.`);
}
