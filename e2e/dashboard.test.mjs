// The dashboard in a real browser: Debian's headless Chromium driven by playwright-core (no
// browser download). Builds a ledger from the real 2025-02-18 and 2025-02-19 snapshots, stores
// verdicts, starts `receipts serve` on a free loopback port, then searches, opens a claim,
// checks that the figures on the page are the API's, opens the diff, and loads a page with
// JavaScript off. Screenshots go to build/e2e-screenshots/. Run by scripts/e2e.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const binary = process.env.RECEIPTS_BINARY || join(root, 'build/default/receipts');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = join(root, 'build/e2e-screenshots');
const claims = join(root, 'demo/claims');
const records = join(root, 'demo/records');
const PIID = '70CMSD22A00000008';
const KEY = 'contract:7012:70CMSD22A00000008';
const STEP_MS = 15_000; // every wait is bounded

let work, server, base, browser;

// "$8,000,000.00" for 800000000 cents, as the server's FormatUsd writes it.
function usd(cents) {
  const c = BigInt(cents);
  const neg = c < 0n;
  const abs = neg ? -c : c;
  const dollars = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}$${dollars}.${rest}`;
}

// Starts `receipts serve --port 0` and resolves with its base URL once it says where it listens.
function startServer(ledger) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, ['serve', '--ledger', ledger, '--bind', '127.0.0.1', '--port', '0',
      '--records', join(records, '2025-03-13_fpds_awards.csv.gz'),
      join(records, '2025-03-13_fpds_idvs.csv.gz')], { stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RECEIPTS_TOKEN: '' } });
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`serve did not start: ${err}`)); }, STEP_MS);
    child.stderr.on('data', (d) => { err += d; });
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolvePromise({ child, base: `http://${m[1]}` }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited ${code}: ${err}`)); });
  });
}

async function api(path) {
  const res = await fetch(base + path, { signal: AbortSignal.timeout(STEP_MS) });
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return res.json();
}

// The static site's file name of a claim (doc/formats.md, "The static site").
function claimFileStem(key) {
  const safe = Buffer.from(key, 'utf8').subarray(0, 80).toString('latin1').replace(/[^A-Za-z0-9.-]/g, '_');
  return `${safe}-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12)}`;
}

// A page for files on disk or another origin: no route (file:// is not routed), console errors
// still fail the test.
async function plainPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(STEP_MS);
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
  page.on('pageerror', (e) => page.problems.push(String(e)));
  return page;
}

// A page that may only talk to the server, and fails the test on any console error (a CSP
// violation shows up there).
async function newPage(options = {}) {
  const page = await plainPage(options);
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === base) return route.continue();
    page.problems.push(`blocked request to ${url.href}`);
    return route.abort();
  });
  return page;
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'receipts-e2e-'));
  const ledger = join(work, 'ledger.db');
  // A grants and a leases list first, so that the latest snapshot is the contracts of 2025-02-19.
  for (const f of ['grants/2025-10-21_grants_api.csv.gz', 'leases/2025-04-12_leases_api.json.gz',
    '2025-02-18T18-25_contracts_fpds.csv.gz', '2025-02-19T10-50_contracts_fpds.csv.gz']) {
    execFileSync(binary, ['ingest', '--ledger', ledger, '--claims', join(claims, f)], { stdio: 'pipe', timeout: 60_000 });
  }
  execFileSync(binary, ['verify', '--ledger', ledger, '--snapshot', 'latest', '--records',
    join(records, '2025-03-13_fpds_awards.csv.gz'), join(records, '2025-03-13_fpds_idvs.csv.gz')],
  { stdio: 'pipe', timeout: 60_000 });
  ({ child: server, base } = await startServer(ledger));
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: STEP_MS * 2,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

test('overview shows the headline, the charts and the API figures', async () => {
  const page = await newPage();
  await page.goto(base + '/');
  const summary = await api('/api/summary');
  const claimed = page.getByTestId('headline-claimed');
  assert.equal(await claimed.getAttribute('data-cents'), String(summary.claimed_total_cents));
  assert.equal(await claimed.textContent(), usd(summary.claimed_total_cents));
  assert.equal(await page.getByTestId('headline-verified').textContent(), usd(summary.verified_total_cents));
  assert.equal(await page.getByTestId('headline-claims').textContent(), summary.claims.toLocaleString('en-US'));
  for (const id of ['chart-verdicts', 'chart-agencies', 'chart-trend']) {
    assert.ok(await page.getByTestId(id).isVisible(), `${id} visible`);
  }
  await page.screenshot({ path: join(shots, '1-overview.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('search, open the claim, and its figures equal the API', async () => {
  const page = await newPage();
  await page.goto(base + '/');
  await page.getByTestId('search').fill(PIID);
  // A PIID typed into the search box names one claim: the search goes straight to its page.
  await Promise.all([page.waitForURL(/\/claims\/contract/), page.getByTestId('search').press('Enter')]);
  assert.equal(await page.getByTestId('claim-key').textContent(), KEY);
  const detail = await api(`/api/claims/${encodeURIComponent(KEY)}`);
  // The page opens on the claim's life, the $8B first.
  assert.equal(await page.getByTestId('life').textContent(), detail.life);
  assert.match(detail.life, /^First claimed \$8,000,000,000\.00 on 2025-02-18/);
  const check = async (testId, cents) => {
    const el = page.getByTestId(testId);
    assert.equal(await el.getAttribute('data-cents'), cents === null ? '' : String(cents), testId);
    if (cents !== null) assert.equal((await el.textContent()).trim(), usd(cents), testId);
  };
  await check('claimed-savings', detail.claim.claimed_savings_cents);
  await check('claimed-value', detail.claim.claimed_value_cents);
  await check('verified-savings', detail.verdict.verified_savings_cents);
  // The verdict reads in words; its code stays in data-verdict.
  assert.equal(await page.getByTestId('verdict').locator('[data-verdict]').getAttribute('data-verdict'),
    detail.verdict.verdict);
  assert.equal(await page.getByTestId('reason').textContent(), detail.verdict.reason);
  assert.ok(detail.measures, 'the server was given the records');
  await check('measure-deobligated', detail.measures.deobligated_cents);
  await check('measure-ceiling-minus-obligated', detail.measures.ceiling_minus_obligated_cents);
  await check('measure-ceiling-reduced', detail.measures.ceiling_reduced_cents);
  assert.equal(await page.getByTestId('usaspending-link').getAttribute('href'), detail.evidence.usaspending_url);
  const evidence = await page.getByTestId('evidence-link').evaluateAll((as) => as.map((a) => a.href));
  assert.deepEqual(evidence, detail.evidence.records.map((r) => r.fpds_url));
  // One line per action of the award, each linked to its FPDS page.
  assert.ok(detail.record_rows.length > 0, 'the award has record rows');
  assert.equal(await page.getByTestId('record-row').count(), detail.record_rows.length);
  const rowLinks = await page.getByTestId('record-row-link').evaluateAll((as) => as.map((a) => a.href));
  assert.deepEqual(rowLinks, detail.record_rows.map((r) => r.fpds_url));
  assert.equal(await page.getByTestId('version').count(), detail.versions.length);
  assert.equal(detail.versions.length, 2);
  await page.screenshot({ path: join(shots, '3-claim.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the diff 2025-02-18 -> 2025-02-19 shows $8,000,000,000.00 -> $8,000,000.00', async () => {
  const page = await newPage();
  await page.goto(base + '/diff');
  const snapshots = (await api('/api/snapshots')).snapshots;
  const from = snapshots.find((s) => s.as_of.startsWith('2025-02-18'));
  const to = snapshots.find((s) => s.as_of.startsWith('2025-02-19'));
  await page.getByTestId('diff-from').selectOption(String(from.id));
  await page.getByTestId('diff-to').selectOption(String(to.id));
  await Promise.all([page.waitForURL(/\/diff\?from=/), page.getByTestId('diff-submit').click()]);
  assert.equal(await page.getByTestId('diff-changed').textContent(), '1');
  const row = page.locator(`tr[data-key="${KEY}"]`);
  assert.equal(await row.getByTestId('diff-old').textContent(), '$8,000,000,000.00');
  assert.equal(await row.getByTestId('diff-new').textContent(), '$8,000,000.00');
  assert.match(await row.textContent(), /\$8,000,000,000\.00\s*→\s*\$8,000,000\.00/);
  const diff = await api(`/api/diff?from=${from.id}&to=${to.id}`);
  assert.equal(diff.changes[0].old_claimed_savings_cents, 800000000000);
  assert.equal(diff.changes[0].new_claimed_savings_cents, 800000000);
  await page.screenshot({ path: join(shots, '4-diff.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('with JavaScript off the claims table renders, sorts and pages', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(base + '/claims?verdict=overstated');
  const rows = page.locator('[data-testid="claims-table"] tbody tr');
  assert.ok(await rows.count() > 0, 'rows rendered on the server');
  const total = Number((await page.getByTestId('claims-total').textContent()).replaceAll(',', ''));
  assert.ok(total > 0);
  await Promise.all([page.waitForURL(/sort=claimed/), page.locator('th a', { hasText: 'Claimed' }).click()]);
  const cents = await page.locator('[data-testid="claims-table"] tbody tr td.m:nth-of-type(6)')
    .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-cents') || -1)));
  assert.ok(cents.length > 0);
  assert.deepEqual(cents, [...cents].sort((a, b) => b - a), 'sorted by claimed, largest first');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('js')), false);
  await page.screenshot({ path: join(shots, '5-no-javascript.png') });
  await page.context().close();
});

// Follow the money: the claim page links its award's vendor family, whose page shows the API's
// figures, and the leads page filters by rule.
test('a claim links its vendor family; the family and the leads pages show the API figures', async () => {
  const page = await newPage();
  await page.goto(base + `/claims/${encodeURIComponent(KEY)}`);
  const link = page.getByTestId('vendor-link');
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForURL((url) => url.pathname === href);
  const uei = decodeURIComponent(href.split('/').pop());
  const family = await api(`/api/vendors/${uei}`);
  assert.equal(await page.getByTestId('vendor-obligated').getAttribute('data-cents'),
    String(family.obligated_cents));
  assert.equal(await page.getByTestId('vendor-parent').textContent(), family.parent_uei);

  await page.goto(base + '/leads');
  await page.getByTestId('leads-rule').selectOption('W8');
  await page.waitForURL((url) => url.search.includes('rule=W8'));
  const leads = await api('/api/leads?rule=W8');
  assert.equal(await page.getByTestId('leads-total').textContent(), String(leads.total));
  assert.equal(await page.getByTestId('lead').count(), leads.leads.length);
  await page.screenshot({ path: join(shots, '10-leads.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Every page at a phone's width and at a desktop's: nothing wider than the screen (tables
// scroll inside themselves), and axe-core finds no serious or critical violation.
const axeSource = join(root, 'e2e/node_modules/axe-core/axe.min.js');
for (const [width, height] of [[390, 844], [1400, 900]]) {
  test(`at ${width}px no page is wider than the screen and axe finds nothing serious`, async () => {
    // axe is injected as a script the page did not ask for: only for this check is the CSP bypassed.
    const page = await newPage({ viewport: { width, height }, bypassCSP: true });
    const snapshots = (await api('/api/snapshots')).snapshots;
    const paths = ['/', '/claims', `/claims/${encodeURIComponent(KEY)}`,
      `/diff?from=${snapshots[snapshots.length - 2].id}&to=${snapshots[snapshots.length - 1].id}`,
      '/claims?q=support', '/?kind=grants', '/?kind=leases', '/vendors?q=tetra%20tech',
      '/vendors/LMRMKLLL3LG5', '/leads?rule=W8'];
    for (const [i, path] of paths.entries()) {
      await page.goto(base + path);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= width, `${path} at ${width}px is ${wide}px wide`);
      await page.addScriptTag({ path: axeSource });
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
          target: v.nodes[0] && v.nodes[0].target.join(' ') }));
      });
      const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(serious, [], `${path} at ${width}px: ${JSON.stringify(serious)}`);
      await page.screenshot({ path: join(shots, `6-${width}px-${i}.png`), fullPage: width > 400 });
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}


// The static site, opened from disk and from a plain static server: the overview's figures are
// the API's, a PIID typed into the search opens its claim page, and at 390 px nothing is wider
// than the screen.
test('the published static site works from file:// and from a static server', async () => {
  const ledger = join(work, 'ledger.db');
  const site = join(work, 'site');
  execFileSync(binary, ['publish', '--ledger', ledger, '--out', site, '--records',
    join(records, '2025-03-13_fpds_awards.csv.gz'), join(records, '2025-03-13_fpds_idvs.csv.gz')],
  { stdio: 'pipe', timeout: 120_000 });
  const summary = await api('/api/summary');
  const fileBase = pathToFileURL(site).href;
  const journey = async (rootUrl, label) => {
    const page = await plainPage();
    await page.goto(rootUrl + '/index.html');
    assert.equal(await page.getByTestId('headline-claimed').getAttribute('data-cents'),
      String(summary.claimed_total_cents), label);
    await page.getByTestId('search').fill(PIID);
    await Promise.all([page.waitForURL(/\/claims\/contract_7012_70CMSD22A00000008-[0-9a-f]{12}\.html$/),
      page.getByTestId('search').press('Enter')]);
    assert.equal(await page.getByTestId('claim-key').textContent(), KEY, label);
    assert.match(await page.getByTestId('life').textContent(), /^First claimed \$8,000,000,000\.00/);
    assert.ok(await page.getByTestId('record-row').count() > 0, `${label}: record rows`);
    await page.screenshot({ path: join(shots, `7-static-${label}.png`), fullPage: true });
    // A grant and a lease of the site, each on its own page.
    for (const kind of ['grants', 'leases']) {
      const snapshot = (await api('/api/snapshots')).snapshots.filter((x) => x.kind === kind).at(-1);
      const claim = (await api(`/api/claims?snapshot=${snapshot.id}&per_page=1&sort=claimed`)).claims[0];
      await page.goto(`${rootUrl}/claims/${claimFileStem(claim.key)}.html`);
      assert.equal(await page.getByTestId('claim-key').textContent(), claim.key, `${label}: ${kind}`);
    }
    // Words search in the page, by the script.
    await page.goto(rootUrl + '/search.html?q=support');
    await page.getByTestId('search-status').filter({ hasText: 'matching claims' }).waitFor();
    assert.ok(await page.locator('[data-testid="search-results"] tbody tr').count() > 0, label);
    assert.deepEqual(page.problems, [], label);
    await page.context().close();
  };
  await journey(fileBase, 'file');

  const staticServer = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', site],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const port = await new Promise((resolvePromise, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('static server did not start')), STEP_MS);
      staticServer.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/port (\d+)/);
        if (m) { clearTimeout(timer); resolvePromise(m[1]); }
      });
    });
    await journey(`http://127.0.0.1:${port}`, 'http');
  } finally {
    staticServer.kill('SIGKILL');
  }

  const phone = await plainPage({ viewport: { width: 390, height: 844 } });
  const latest = (await api('/api/snapshots')).snapshots.at(-1).id;
  for (const path of ['/index.html', `/lists/${latest}-1.html`, '/diff.html', '/search.html?q=support']) {
    await phone.goto(fileBase + path);
    const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 390, `${path} at 390px is ${wide}px wide`);
  }
  await phone.context().close();
});

// report.html, the file a journalist attaches: the ICE row links its FPDS records (with the
// parent IDV) and its USAspending award page.
test('report.html links the ICE claim to its FPDS records and USAspending', async () => {
  const out = join(work, 'report');
  execFileSync(binary, ['verify', '--claims', join(claims, '2025-02-19T10-50_contracts_fpds.csv.gz'),
    '--records', join(records, '2025-03-13_fpds_awards.csv.gz'), join(records, '2025-03-13_fpds_idvs.csv.gz'),
    '--out', out], { stdio: 'pipe', timeout: 60_000 });
  const page = await plainPage({ viewport: { width: 390, height: 844 } });
  await page.goto(pathToFileURL(join(out, 'report.html')).href);
  const hrefs = await page.locator('a[href*="PIID=70CMSD22A00000008"]').evaluateAll((as) => as.map((a) => a.href));
  assert.ok(hrefs.length > 0, 'an FPDS link for the ICE claim');
  assert.ok(hrefs.every((h) => h.startsWith('https://www.fpds.gov/')), hrefs.join(' '));
  assert.ok(await page.locator('a[href="https://www.usaspending.gov/award/CONT_IDV_70CMSD22A00000008_7012"]').count() > 0);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `report.html at 390px is ${wide}px wide`);
  await page.screenshot({ path: join(shots, '8-report-390px.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// A grant and a lease open from their kind's overview, each on its own claim page.
for (const kind of ['grants', 'leases']) {
  test(`a ${kind.slice(0, -1)} opens from the ${kind} overview`, async () => {
    const page = await newPage();
    await page.goto(`${base}/?kind=${kind}`);
    const snapshots = (await api('/api/snapshots')).snapshots;
    const snapshot = snapshots.filter((s) => s.kind === kind).at(-1);
    assert.ok(snapshot, `a ${kind} snapshot`);
    assert.equal(await page.getByTestId('headline-claimed').getAttribute('data-cents'),
      String(snapshot.claimed_total_cents));
    const list = await api(`/api/claims?snapshot=${snapshot.id}&per_page=1&sort=claimed`);
    const claim = list.claims[0];
    await page.goto(`${base}/claims/${encodeURIComponent(claim.key)}`);
    assert.equal(await page.getByTestId('claim-key').textContent(), claim.key);
    assert.equal(await page.getByTestId('claimed-savings').getAttribute('data-cents'),
      claim.claimed_savings_cents === null ? '' : String(claim.claimed_savings_cents));
    assert.match(await page.getByTestId('life').textContent(), /^First (claimed|listed)/);
    await page.screenshot({ path: join(shots, `9-${kind}.png`), fullPage: true });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}
