import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import path from "path";

const root = path.join(__dirname, "..", "..");

export interface CliRun {
  stdout: string;
  stderr: string;
  status: number | null;
}

/**
 * `tf-funding` as a user runs it: bin/tf-funding.js over a fresh compile of the sources, in a child
 * process. Each suite compiles into its own folder under test-artifacts/ (inside the project, so
 * node_modules resolves) rather than lib/: suites run in parallel, and a suite must never run a
 * copy that another one is rewriting, nor a stale lib/ from the last `npm install`.
 *
 * Call `build` in beforeAll and `remove` in afterAll; `file` names a file in the suite's own
 * scratch folder.
 */
export function builtCli(suite: string, timeout = 60000) {
  const folder = path.join(root, "test-artifacts", `${suite}-${process.pid}`);
  const bin = path.join(folder, "bin", "tf-funding.js");
  const files = path.join(folder, "files");
  return {
    /** The built bin/tf-funding.js, for a run with node options of its own. */
    bin,
    files,
    file: (name: string) => path.join(files, name),
    build(): void {
      fs.rmSync(folder, { recursive: true, force: true });
      execFileSync(
        process.execPath,
        [
          path.join(root, "node_modules", "typescript", "bin", "tsc"),
          "-p",
          "tsconfig.cli.json",
          "--outDir",
          path.join(folder, "lib"),
        ],
        { cwd: root, stdio: "pipe" }
      );
      fs.mkdirSync(path.dirname(bin), { recursive: true });
      fs.copyFileSync(path.join(root, "bin", "tf-funding.js"), bin);
      fs.mkdirSync(files, { recursive: true });
    },
    remove(): void {
      fs.rmSync(folder, { recursive: true, force: true });
    },
    tf(...args: string[]): CliRun {
      const result = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout });
      return { stdout: result.stdout, stderr: result.stderr, status: result.status };
    },
  };
}
