// Answer an `implcheck form` page in Debian's headless chromium (driven by playwright-core), as a
// person would, and report what happened. Prints one JSON object.
//
//   node tests/browser/fill_form.cjs SPEC.json
//
// SPEC: {"file": FORM.html, "out": DIR, "context": {"name": ..., "school": ...},
//        "answers": [{"id": ITEM, "value": "yes", "evidence": "...", "by": "keyboard" | "mouse"}],
//        "refused": ITEM,   (an item answered "na" with no reason first: the download must be refused)
//        "pupil_file": PUPIL.html,   (optional: a pupil's page, answered where the browser keeps nothing)
//        "pupil_evidence": JSON}   (what the pupil "writes", as a JSON string: it may hold half a pair)
//
// Three browser contexts: the page as served (its CSP enforced: fill, refuse, reload, download,
// copy, every request and CSP violation recorded); the page with its CSP bypassed, only so that
// axe-core can be injected; and the page with JavaScript turned off (what it says, and a print
// to PDF). Modules come from .ci/node_modules (installed by .ci/setup-browser.sh).
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const { AXE_TAGS, axePath, launch } = require("./chromium.cjs");

function watch(page, url, seen) {
  // Every request the page makes, other than for the file itself, is recorded and refused.
  page.on("request", (request) => {
    if (request.url() !== url) seen.requests.push(request.url());
  });
  page.on("console", (entry) => {
    if (entry.type() === "error") seen.console.push(entry.text());
  });
  page.on("pageerror", (error) => seen.errors.push(String(error)));
}

async function axe(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target) }));
  }, AXE_TAGS);
}

async function state(page, ids) {
  return page.evaluate((items) => {
    const out = { context: {}, answers: {} };
    for (const field of ["name", "school", "initiative", "term"]) out.context[field] = document.getElementById(field).value;
    for (const id of items) {
      const radio = document.querySelector(`input[name="answer-${id}"]:checked`);
      out.answers[id] = { value: radio ? radio.value : "", evidence: document.getElementById(`evidence-${id}`).value };
    }
    return out;
  }, ids);
}

async function choose(page, answer) {
  const radio = page.locator(`input[name="answer-${answer.id}"][value="${answer.value}"]`);
  if (answer.by === "keyboard") {
    // From the field before the question (the last box filled), Tab reaches the group, Space
    // picks its first answer and the arrow keys move along; Tab again is the evidence box.
    await page.keyboard.press("Tab");
    const inGroup = await page.evaluate((name) => document.activeElement.name === name, `answer-${answer.id}`);
    if (!inGroup) return false;
    await page.keyboard.press("Space");
    const values = await page.locator(`input[name="answer-${answer.id}"]`).evaluateAll((all) => all.map((r) => r.value));
    for (let i = 0; i < values.indexOf(answer.value); i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Tab");
    if (answer.evidence) await page.keyboard.insertText(answer.evidence);
  } else {
    await page.locator(`label.choice:has(input[name="answer-${answer.id}"][value="${answer.value}"])`).click();
    if (answer.evidence) await page.locator(`#evidence-${answer.id}`).fill(answer.evidence);
  }
  return radio.isChecked();
}

async function main(specPath) {
  const spec = JSON.parse(fs.readFileSync(specPath, "utf-8"));
  const file = path.resolve(spec.file);
  const url = "file://" + file;
  const ids = spec.answers.map((a) => a.id);
  const out = { requests: [], console: [], errors: [], csp: [] };
  const browser = await launch();
  try {
    // 1. As served: fill, refuse, reload, download, copy.
    const context = await browser.newContext({ viewport: { width: 400, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    let page = await context.newPage();
    watch(page, url, out);
    await page.goto(url, { waitUntil: "load" });
    out.kept_notice = await page.isVisible("#kept");
    await page.focus("#name");
    await page.keyboard.type(spec.context.name);
    for (const field of ["school", "initiative", "term"]) {
      await page.keyboard.press("Tab");
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.insertText(spec.context[field]);
    }
    out.focused_after_tabs = await page.evaluate(() => document.activeElement.id);
    out.chosen = [];
    for (const answer of spec.answers) {
      if (answer.id === spec.refused) {
        await choose(page, { id: answer.id, value: "na", by: "mouse" });
        continue;
      }
      out.chosen.push(await choose(page, answer));
    }
    // The refused download: "doesn't apply" with no reason.
    let downloads = 0;
    page.on("download", () => { downloads += 1; });
    await page.click("#download");
    await page.waitForTimeout(300);
    out.refused = {
      downloads,
      problems: await page.textContent("#problems"),
      error: await page.textContent(`#error-${spec.refused}`),
      invalid: await page.getAttribute(`#evidence-${spec.refused}`, "aria-invalid"),
      focused: await page.evaluate(() => document.activeElement.id),
    };
    // Now give the real answer for the refused item.
    const real = spec.answers.find((a) => a.id === spec.refused);
    await choose(page, { ...real, by: "mouse" });
    out.error_cleared = await page.isHidden(`#error-${spec.refused}`);
    const before = await state(page, ids);
    await page.reload({ waitUntil: "load" });
    out.before_reload = before;
    out.after_reload = await state(page, ids);
    out.progress = await page.textContent("#progress");
    await page.focus("#download"); // the button works from the keyboard
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    out.download_name = download.suggestedFilename();
    out.downloaded = path.join(spec.out, "downloaded.yaml");
    await download.saveAs(out.downloaded);
    out.message = await page.textContent("#message");
    await page.click("#copy");
    await page.waitForTimeout(300);
    out.copied_text = await page.inputValue("#answers-text");
    out.clipboard = await page.evaluate(() => navigator.clipboard.readText());
    out.copy_message = await page.textContent("#message");
    out.csp = await page.evaluate(() => window.__csp);
    await page.screenshot({ path: path.join(spec.out, "phone.png"), fullPage: true });
    await context.close();

    // 2. For axe only (it is injected as a script, which the page's CSP rightly refuses).
    const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1000, height: 1400 } });
    page = await axeContext.newPage();
    await page.goto(url, { waitUntil: "load" });
    out.axe = await axe(page);
    await page.locator(`label.choice:has(input[name="answer-${spec.refused}"][value="na"])`).click();
    await page.click("#download");
    out.axe_with_errors = await axe(page);
    if (spec.pupil_file) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("file://" + path.resolve(spec.pupil_file), { waitUntil: "load" });
      out.axe_pupil_phone = await axe(page);
    }
    await axeContext.close();

    // 3. JavaScript off: what the page says, and the printed questionnaire.
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 1400 } });
    page = await plain.newPage();
    const noScript = { requests: [], console: [], errors: [] };
    watch(page, url, noScript);
    await page.goto(url, { waitUntil: "load" });
    out.no_js = {
      text: await page.innerText("body"),
      send_visible: await page.isVisible("#send"),
      requests: noScript.requests,
    };
    await page.emulateMedia({ media: "print" });
    out.pdf = path.join(spec.out, "form.pdf");
    await page.pdf({ path: out.pdf, preferCSSPageSize: true, printBackground: true });
    out.print_buttons = await page.locator("button").evaluateAll((all) => all.filter((b) => b.offsetParent !== null).length);
    await plain.close();

    // 4. A pupil's page where the browser keeps nothing (a private window, or a file:// page in
    // some browsers): it says so, and a pupil with no name still downloads their answers.
    if (spec.pupil_file) {
      const pupilUrl = "file://" + path.resolve(spec.pupil_file);
      const blocked = await browser.newContext({
        acceptDownloads: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
      });
      await blocked.addInitScript(() => {
        Object.defineProperty(window, "localStorage", {
          get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
        });
      });
      page = await blocked.newPage();
      const seen = { requests: [], console: [], errors: [] };
      watch(page, pupilUrl, seen);
      await page.goto(pupilUrl, { waitUntil: "load" });
      const pupil = {
        kept: await page.isVisible("#kept"),
        not_kept: await page.isVisible("#not-kept"),
        not_kept_text: await page.textContent("#not-kept"),
      };
      await page.tap("#download");
      pupil.nothing_answered = await page.textContent("#problems");
      const first = await page.locator("fieldset.question").first().getAttribute("data-item");
      await page.locator(`label.choice:has(input[name="answer-${first}"][value="yes"])`).tap();
      if (spec.pupil_evidence) {
        // Set as a script would (a lone surrogate cannot be typed), then announced as typing is.
        await page.evaluate(([id, text]) => {
          const box = document.getElementById(`evidence-${id}`);
          box.value = JSON.parse(text);
          box.dispatchEvent(new Event("input", { bubbles: true }));
        }, [first, spec.pupil_evidence]);
      }
      // Every choice is a tap target of at least 44 by 44 CSS pixels.
      pupil.smallest_target = await page.locator("label.choice, button").evaluateAll((all) =>
        all.length ? Math.min(...all.map((el) => Math.min(el.getBoundingClientRect().width, el.getBoundingClientRect().height))) : 0);
      const [download] = await Promise.all([page.waitForEvent("download"), page.tap("#download")]);
      pupil.download_name = download.suggestedFilename();
      pupil.downloaded = path.join(spec.out, "pupil.yaml");
      await download.saveAs(pupil.downloaded);
      await page.screenshot({ path: path.join(spec.out, "pupil.png"), fullPage: true });
      await page.reload({ waitUntil: "load" });
      pupil.checked_after_reload = await page.locator("input[type=radio]:checked").count();
      pupil.requests = seen.requests;
      pupil.errors = seen.errors.concat(seen.console);
      out.pupil = pupil;
      await blocked.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out, null, 1) + "\n");
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(2);
});
