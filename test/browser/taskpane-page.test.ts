import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import { AddressInfo } from "net";
import { Browser, chromium } from "playwright-core";
import ts from "typescript";
import { buildAddin } from "../support/build";

/**
 * The production task pane page in real headless Chromium (Debian's package), outside Office:
 * it must render its plain "works inside Excel" message without console errors, and ask for
 * nothing but its own files and Office.js (served here from @microsoft/office-js, as there is
 * no CDN in tests). A screenshot is kept in test-artifacts/.
 */
const root = path.join(__dirname, "..", "..");
const CHROMIUM = "/usr/bin/chromium";
const required = process.env.CI === "true" || process.env.REQUIRE_CHROMIUM === "1";
const available = fs.existsSync(CHROMIUM);
const run = available || required ? describe : describe.skip;
if (!available && !required)
  console.warn("Chromium is not installed: the browser test is skipped. .ci/run installs it.");

const out = fs.mkdtempSync(path.join(os.tmpdir(), "tf-page-"));
const officeDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
};

let server: http.Server;
let base: string;
let browser: Browser | undefined;

function serve(dir: string): Promise<http.Server> {
  const s = http.createServer((request, response) => {
    const file = path.join(
      dir,
      decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)
    );
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

run("the task pane page in headless Chromium", () => {
  beforeAll(async () => {
    buildAddin(out);
    server = await serve(out);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  }, 240000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    fs.rmSync(out, { recursive: true, force: true });
  });

  it("renders without console errors and asks only for its own files and Office.js", async () => {
    const page = await browser!.newPage({ viewport: { width: 350, height: 700 } });
    const errors: string[] = [];
    const outside: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === base) return route.continue();
      // Office.js (and the files it loads beside itself) from the package, as the CDN would serve it.
      const hosted = /^\/lib\/1\/hosted\/(.+)$/.exec(url.pathname);
      if (url.hostname === "appsforoffice.microsoft.com" && hosted) {
        const file = path.join(officeDist, hosted[1]);
        if (fs.existsSync(file))
          return route.fulfill({ path: file, contentType: "text/javascript" });
      }
      outside.push(url.href);
      return route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
    await page.getByText(/works inside Excel/).waitFor({ timeout: 30000 });
    const screenshots = path.join(root, "test-artifacts");
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({
      path: path.join(screenshots, "taskpane-outside-office.png"),
      fullPage: true,
    });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120000);

  it("inside (a fake) Excel, reads a phase 2 council workbook and shows the totals row it passed over", async () => {
    const page = await browser!.newPage({ viewport: { width: 350, height: 900 } });
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === base) return route.continue();
      if (url.hostname === "appsforoffice.microsoft.com")
        return route.fulfill({ body: fakeOfficeScript(), contentType: "text/javascript" });
      return route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
    await page.getByText(/is a totals row, not a financial year/).waitFor({ timeout: 30000 });
    expect(await page.getByTestId("secured").textContent()).toBe("£527,000");
    const screenshots = path.join(root, "test-artifacts");
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, "taskpane-notice.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 120000);

  it("inside (a fake) Excel, shows a fast-track council's expected clawback and year-2 release", async () => {
    const page = await browser!.newPage({ viewport: { width: 350, height: 900 } });
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === base) return route.continue();
      if (url.hostname === "appsforoffice.microsoft.com")
        return route.fulfill({
          body: fakeOfficeScript(BARNET_BOOK),
          contentType: "text/javascript",
        });
      return route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
    await page.getByTestId("year-two-release").waitFor({ timeout: 30000 });
    // 58 × £700 + 6 × £800 = £45,400 claimed; × 2.1% checked × 10% invalid = £95.34.
    expect(await page.getByTestId("claimed").textContent()).toBe("£45,400");
    expect(await page.getByTestId("clawback").textContent()).toBe("£95.34");
    expect(await page.getByTestId("year-two-release").textContent()).toBe(
      "In full: £705,600 paid in Q1 2013/14"
    );
    const screenshots = path.join(root, "test-artifacts");
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, "taskpane-release.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 120000);

  it("serves the help page with a section for every function", async () => {
    const page = await browser!.newPage();
    await page.goto(`${base}/help.html`);
    expect(await page.locator("section").count()).toBeGreaterThanOrEqual(13);
    await page.close();
  }, 60000);
});

/**
 * Office.js as the page meets it inside Excel, for a picture of the pane at work: the unit
 * tests' fake Excel (compiled for the browser) holding a phase 2 council's workbook with a totals
 * row, and document settings that say phase 2 was picked in the pane.
 */
/** B&NES's phase 2 workbook as kept (the default), or Barnet's fast-track phase 1 one. */
const PHASE2_BOOK = `
  book.addSheet("Families", [
    ["Financial year", "Number of families identified", "Families attached"],
    ["2015-2016", 700, 527],
    ["2016-2017", 0, 0],
    ["Total", 700, 527],
  ]);
  book.addSheet("Claims", [
    ["Date of claim", "Outcome", "No. of families"],
    ["31/03/2016", "Significant and sustained progress", 200],
    ["Mar-16", "Sustained and significant progress", 12],
  ]);
  var store = exports.installFakeOfficeSettings();
  store.set("tf-funding-assumptions", { framework: "phase2" });`;
const BARNET_BOOK = `
  book.addSheet("Families", [
    ["Financial year", "Families nominated", "Families attached"],
    ["2012/13", 705, 294],
    ["2013/14", 0, 294],
  ]);
  book.addSheet("Claims", [
    ["Claim date", "Outcome", "Families"],
    ["31/07/2013", "Education & Crime / Anti-Social Behaviour", 58],
    ["31/10/2013", "Continuous employment", 6],
  ]);
  var store = exports.installFakeOfficeSettings();
  store.set("tf-funding-assumptions", { framework: "phase1-fast-track" });`;

function fakeOfficeScript(workbook = PHASE2_BOOK): string {
  const source = fs.readFileSync(
    path.join(root, "test", "unit", "taskpane", "excel", "fake-excel.ts"),
    "utf8"
  );
  const fake = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return `(function () {
  var exports = {};
  // What the fake needs of node (request sizes) and Office.js gives a page in Excel.
  var Buffer = { byteLength: function (text) { return new TextEncoder().encode(text).length; } };
  window.CustomFunctions = { associate: function () {} };
  ${fake}
  var book = exports.installFakeExcel(new exports.FakeWorkbook());
  ${workbook}
  Office.HostType = { Excel: "Excel" };
  Office.onReady = function (callback) {
    var info = { host: "Excel", platform: "OfficeOnline" };
    if (callback) callback(info);
    return Promise.resolve(info);
  };
})();`;
}
