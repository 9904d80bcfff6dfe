// npm stop: stop sideloading the add-in where npm start sideloaded it (Windows or macOS with
// office-addin-debugging); anywhere else npm start ran headlessly and left nothing running.
const { debuggingCli, runNode } = require("./sideload");

const cli = debuggingCli();
if (cli) {
  runNode([cli, "stop", "manifest.xml"]);
} else {
  console.log(
    `Nothing to stop: npm start built the tables headlessly on ${process.platform} and left nothing running.`
  );
}
