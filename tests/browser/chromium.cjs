// What every browser script here shares: Debian's chromium driven by playwright-core (no browser
// download), launched headless with the same flags, and axe-core with the rules the tests hold
// pages to. Modules come from .ci/node_modules (installed by .ci/setup-browser.sh).
"use strict";
const path = require("node:path");
const { createRequire } = require("node:module");

const ciRequire = createRequire(path.join(__dirname, "..", "..", ".ci", "package.json"));
const { chromium } = ciRequire("playwright-core");

const CHROMIUM = process.env.IMPLCHECK_CHROMIUM || "/usr/bin/chromium";
const FLAGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--font-render-hinting=none",
];

// WCAG 2.1 A and AA, and axe's best practice.
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const axePath = ciRequire.resolve("axe-core/axe.min.js");

function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

module.exports = { AXE_TAGS, axePath, launch };
