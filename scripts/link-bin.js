// npm links a package's bins for its dependants, not for the package itself; linking ours into
// node_modules/.bin makes `npx tf-funding` run this checkout's command line, offline.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const binDir = path.join(root, "node_modules", ".bin");
const link = path.join(binDir, "tf-funding");
const target = path.join("..", "..", "bin", "tf-funding.js");

fs.mkdirSync(binDir, { recursive: true });
try {
  fs.rmSync(link, { force: true });
  fs.symlinkSync(target, link);
} catch {
  // Filesystems without symlinks (some Windows set-ups): a small launcher does the same.
  fs.writeFileSync(
    link,
    `#!/usr/bin/env node\nrequire(${JSON.stringify(path.join(root, "bin", "tf-funding.js"))});\n`,
    { mode: 0o755 }
  );
}
