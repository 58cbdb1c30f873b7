// Does each page's widest table fit, without scrolling sideways, on a laptop screen (1366 px wide)
// and on a printed A4 landscape page (297 mm less the 12 mm margins the page asks for)? Prints
// one JSON object: {file: {screen: {content, shown}, print: {content, shown}}}, in CSS pixels.
//
//   node tests/browser/table_fits.cjs FILE.html...
//
// Modules come from .ci/node_modules (installed by .ci/setup-browser.sh).
"use strict";
const path = require("node:path");

const { launch } = require("./chromium.cjs");
const LAPTOP = 1366;
const A4_LANDSCAPE = Math.floor(((297 - 2 * 12) / 25.4) * 96);

// The table's region scrolls sideways when what it holds is wider than what it shows.
function measure() {
  const region = document.querySelector("table").closest(".scroll") || document.documentElement;
  return { content: region.scrollWidth, shown: region.clientWidth };
}

async function main(files) {
  const browser = await launch();
  const out = {};
  try {
    for (const file of files) {
      const page = await browser.newPage({ viewport: { width: LAPTOP, height: 900 } });
      await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
      const screen = await page.evaluate(measure);
      await page.setViewportSize({ width: A4_LANDSCAPE, height: 700 });
      await page.emulateMedia({ media: "print" });
      out[file] = { screen, print: await page.evaluate(measure) };
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
