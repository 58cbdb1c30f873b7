// Open each HTML report in Debian's headless chromium (driven by playwright-core), run axe-core
// in it, note every network request it tries, and optionally print it to an A4 PDF and take a
// screenshot. Prints one JSON object: {file: {violations, requests, pdf, screenshot}}.
// With --layout, each entry also has page_width (the printable A4 width in CSS pixels) and
// overflow: every element that, laid out in print media at that width, runs past the page's
// right edge or holds content wider than itself (a table or a line that would be cut off).
//
//   node tests/browser/check_pages.cjs [--pdf DIR] [--screenshot DIR] [--layout] FILE.html...
//
// Modules come from .ci/node_modules (installed by .ci/setup-browser.sh).
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const { AXE_TAGS, axePath, launch } = require("./chromium.cjs");

// A4 less the report's @page side margins (12 mm each): the width a printed line has.
const PRINTABLE_WIDTH = "186mm";

async function measure(page) {
  await page.emulateMedia({ media: "print" });
  const width = await page.evaluate((printable) => {
    const probe = document.createElement("div");
    probe.style.width = printable;
    document.body.appendChild(probe);
    const found = probe.getBoundingClientRect().width;
    probe.remove();
    return found;
  }, PRINTABLE_WIDTH);
  await page.setViewportSize({ width: Math.floor(width), height: 1400 });
  const overflow = await page.evaluate((limit) => {
    const wide = [];
    const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "");
    if (document.documentElement.scrollWidth > limit + 1) {
      wide.push({ element: "html", right: document.documentElement.scrollWidth, text: "" });
    }
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const inner = el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
      if (box.right > limit + 1 || inner) {
        wide.push({ element: name(el), right: Math.max(box.right, box.left + el.scrollWidth), text: (el.textContent || "").slice(0, 60) });
      }
    }
    return wide;
  }, width);
  return { page_width: width, overflow };
}

async function main(argv) {
  const files = [];
  let pdfDir = null;
  let shotDir = null;
  let layout = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--pdf") pdfDir = argv[++i];
    else if (argv[i] === "--screenshot") shotDir = argv[++i];
    else if (argv[i] === "--layout") layout = true;
    else files.push(path.resolve(argv[i]));
  }
  const browser = await launch();
  const out = {};
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 1400 }, javaScriptEnabled: true });
    for (const file of files) {
      const page = await context.newPage();
      const url = "file://" + file;
      const requests = [];
      await page.route("**/*", (route) => {
        const requested = route.request().url();
        if (requested === url) return route.continue();
        requests.push(requested);
        return route.abort();
      });
      await page.goto(url, { waitUntil: "load" });
      await page.addScriptTag({ path: axePath });
      const results = await page.evaluate(async (tags) => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, {
          runOnly: { type: "tag", values: tags },
          resultTypes: ["violations"],
        });
        return r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
        }));
      }, AXE_TAGS);
      const entry = { violations: results, requests, pdf: null, screenshot: null };
      const base = path.basename(file, ".html");
      if (shotDir) {
        entry.screenshot = path.join(shotDir, base + ".png");
        await page.screenshot({ path: entry.screenshot, fullPage: false });
      }
      if (pdfDir) {
        entry.pdf = path.join(pdfDir, base + ".pdf");
        await page.emulateMedia({ media: "print" });
        await page.pdf({ path: entry.pdf, preferCSSPageSize: true, printBackground: true });
      }
      if (layout) Object.assign(entry, await measure(page));
      out[file] = entry;
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out, null, 1) + "\n");
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(2);
});
