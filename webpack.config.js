/* eslint-disable no-undef */
// Follows Microsoft's Excel shared-runtime template: one task pane page that also hosts the
// custom functions, functions.json generated from the JSDoc, the manifest copied beside them.
const fs = require("fs");
const os = require("os");
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const devPort = Number(process.env.npm_package_config_dev_server_port || 3000);

/** office-addin-dev-certs writes these; trusting its CA needs admin rights, so read them directly. */
function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const key = path.join(dir, "localhost.key");
  const cert = path.join(dir, "localhost.crt");
  const ca = path.join(dir, "ca.crt");
  if (!fs.existsSync(key) || !fs.existsSync(cert)) {
    console.warn("No development certificate: run `npx office-addin-dev-certs install`. Serving plain HTTPS defaults.");
    return {};
  }
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert), ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}) };
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.ts",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".html"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.json", onlyCompileBundledFiles: true } },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "manifest*.xml", to: "[name][ext]" },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: httpsOptions() },
      port: devPort,
    },
    performance: { hints: false },
  };
};
