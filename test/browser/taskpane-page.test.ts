import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import { AddressInfo } from "net";
import { Browser, chromium } from "playwright-core";
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

  it("serves the help page with a section for every function", async () => {
    const page = await browser!.newPage();
    await page.goto(`${base}/help.html`);
    expect(await page.locator("section").count()).toBeGreaterThanOrEqual(13);
    await page.close();
  }, 60000);
});
