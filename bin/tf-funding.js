#!/usr/bin/env node
// The command line is compiled to lib/ by `npm run build:cli` (run by `npm install` via prepare).
const path = require("path");
const main = path.join(__dirname, "..", "lib", "cli", "main.js");
let cli;
try {
  cli = require(main);
} catch (failure) {
  // Only a missing lib/ means "not built"; anything else (a missing dependency) is said as is.
  const notBuilt = failure.code === "MODULE_NOT_FOUND" && String(failure.message).includes(main);
  process.stderr.write(
    notBuilt
      ? "tf-funding: the command line is not built yet: run `npm run build:cli`.\n"
      : `tf-funding: the command line cannot start: ${failure.message.split("\n")[0]}\n`
  );
  process.exit(2);
}
// Progress lines go to stderr: always on long inputs, and on any input when a person watches.
const progress = {
  line: (text) => process.stderr.write(`${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
};
cli.run(process.argv.slice(2), progress).then((output) => {
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  process.exitCode = output.status;
});
