// Shared by npm start and npm stop: where Excel can sideload the add-in (Windows, macOS) and
// office-addin-debugging is installed (an optional dependency), its command line; else nothing.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");

/** The office-addin-debugging script to run with node, or undefined when it cannot sideload here. */
function debuggingCli() {
  if (process.platform !== "win32" && process.platform !== "darwin") return undefined;
  try {
    // Its "bin" names the script (./cli.js in v6, lib/cli.js in others): read it, don't guess.
    const manifest = require.resolve("office-addin-debugging/package.json", { paths: [root] });
    const { bin } = JSON.parse(fs.readFileSync(manifest, "utf8"));
    const script = typeof bin === "string" ? bin : bin && bin["office-addin-debugging"];
    return script ? path.join(path.dirname(manifest), script) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs node with args in the project folder; a failure ends this script with its status. */
function runNode(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (result.error) {
    console.error(result.error.message);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

module.exports = { root, debuggingCli, runNode };
