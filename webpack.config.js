/* eslint-disable no-undef */
// Follows Microsoft's Excel shared-runtime template: one task pane page that also hosts the
// custom functions, functions.json generated from the JSDoc, the manifest copied beside them.
const fs = require("fs");
const os = require("os");
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { sources, Compilation } = require("webpack");
const { referenceHtml } = require("./scripts/function-reference");

const DEV_HOST = "https://localhost:3000/";

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

/**
 * Emits help.html (the function reference, from the generated functions.json) and, for a
 * production build, points the manifest and the help links at the council's own host.
 */
class AddinPagesPlugin {
  constructor(host) {
    this.host = host;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AddinPagesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AddinPagesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const metadata = compilation.getAsset("functions.json");
          if (metadata) {
            const json = JSON.parse(metadata.source.source().toString());
            compilation.emitAsset("help.html", new sources.RawSource(referenceHtml(json)));
          }
        }
      );
      compilation.hooks.processAssets.tap(
        { name: "AddinPagesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          if (this.host === DEV_HOST) return;
          for (const name of ["manifest.xml", "functions.json"]) {
            const asset = compilation.getAsset(name);
            if (!asset) continue;
            const text = asset.source
              .source()
              .toString()
              .split("<AppDomain>https://localhost:3000</AppDomain>")
              .join(`<AppDomain>${new URL(this.host).origin}</AppDomain>`)
              .split(DEV_HOST)
              .join(this.host);
            compilation.updateAsset(name, new sources.RawSource(text));
          }
        }
      );
    });
  }
}

/** The host the add-in is served from: `--env host=https://…/` for a council's own server. */
function addinHost(env) {
  const host = (env && env.host) || DEV_HOST;
  if (!/^https:\/\/[^\s"<>]+$/.test(host)) {
    throw new Error(`--env host must be an https:// address, not ${host}`);
  }
  return host.endsWith("/") ? host : `${host}/`;
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  const host = addinHost(env);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
    },
    optimization: {
      // The engine (and decimal.js) serve both the pane and the custom functions: one copy, with
      // webpack's one runtime, in shared.js, which taskpane.html loads before either entry's own
      // script, so both use the same module instances. The manifest's shared runtime runs the
      // functions in that page; functions.js is never loaded on its own.
      runtimeChunk: { name: "shared" },
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          shared: { name: "shared", chunks: "initial", minChunks: 2, enforce: true },
        },
      },
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
          { from: "manifest.xml", to: "[name][ext]" },
        ],
      }),
      new AddinPagesPlugin(host),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: httpsOptions() },
      port: devPort,
    },
    performance: { hints: false },
  };
};
