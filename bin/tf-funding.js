#!/usr/bin/env node
// The command line is compiled to lib/ by `npm run build:cli` (run by `npm install` via prepare).
const path = require("path");
let cli;
try {
  cli = require(path.join(__dirname, "..", "lib", "cli", "main.js"));
} catch (failure) {
  process.stderr.write("tf-funding: the command line is not built yet: run `npm run build:cli`.\n");
  process.exit(2);
}
cli
  .run(process.argv.slice(2), (line) => process.stderr.write(`${line}\n`))
  .then((output) => {
    process.stdout.write(output.stdout);
    process.stderr.write(output.stderr);
    process.exitCode = output.status;
  });
