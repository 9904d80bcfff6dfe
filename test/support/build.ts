import { execFileSync } from "child_process";
import path from "path";

const root = path.join(__dirname, "..", "..");

/** A production build (`npm run build`) into `out`, as the tests that read a real build need it. */
export function buildAddin(out: string, ...extra: string[]): void {
  execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules", "webpack", "bin", "webpack.js"),
      "--mode",
      "production",
      "--output-path",
      out,
      ...extra,
    ],
    { cwd: root, stdio: "pipe" }
  );
}
