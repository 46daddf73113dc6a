// Shared helpers of the browser tests: base URL, Chromium launch, problem collection, axe-core.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'

function baseUrlFromEnv() {
  const value = process.env.ATBALSTS_URL
  if (!value) {
    throw new Error(
      'ATBALSTS_URL is not set. Start the server (atbalsts serve --port 18080 --web web/dist) and run ' +
        'e.g.: ATBALSTS_URL=http://127.0.0.1:18080 npm run test:e2e',
    )
  }
  return value.replace(/\/+$/, '')
}

export const BASE_URL = baseUrlFromEnv()
export const url = (path) => `${BASE_URL}${path}`

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
]

/** Debian's Chromium; Playwright gives every launch a fresh temporary profile (user-data-dir). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  })
}

/** GET /api/v1/session answers 401 when nobody is signed in: that is not a problem. */
const isSignedOutCheck = (requestUrl, status) => status === 401 && new URL(requestUrl).pathname === '/api/v1/session'

/**
 * A new isolated context and page. `problems` collects everything that must not happen on a
 * healthy page: console errors, uncaught exceptions, CSP violations (also the ones Chromium
 * reports only as events), failed requests and HTTP error answers (except the 401 of the
 * session check of a signed-out visitor).
 */
export async function openPage(browser, { browserLocale = 'en-US' } = {}) {
  const context = await browser.newContext({ locale: browserLocale })
  const problems = []
  await context.exposeBinding('__reportCspViolation', (_source, text) => problems.push(`CSP violation: ${text}`))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}:${e.lineNumber}`)
    })
  })
  const page = await context.newPage()
  page.on('console', (message) => {
    const text = message.text()
    const source = message.location()?.url ?? ''
    if (/status of 401/.test(text) && source && isSignedOutCheck(source, 401)) return
    if (message.type() === 'error' || /content.security.policy/i.test(text)) problems.push(`console.${message.type()}: ${text}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  // A request the browser itself cancelled (a navigation, or a stale search the UI aborted) is not
  // a failure; anything else is.
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${reason})`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400 && !isSignedOutCheck(response.url(), response.status())) problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  return { context, page, problems }
}

/** Runs `body` with a fresh context and page of `browser`, closing them afterwards. */
export async function withPage(browser, body, options) {
  const session = await openPage(browser, options)
  try {
    await body(session)
  } finally {
    await session.context.close()
  }
}

/** Waits until the page has a heading and no loading indicator is left. */
export async function waitForPage(page) {
  await page.locator('#main h1').first().waitFor({ state: 'visible' })
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0)
}

/** Goes to a client route and waits for it to settle. */
export async function visit(page, path) {
  const response = await page.goto(url(path), { waitUntil: 'domcontentloaded' })
  assert.equal(response?.status(), 200, `GET ${path} should answer 200`)
  await waitForPage(page)
}

/** Chooses a UI language with the switch in the header and waits until it is applied. */
export async function chooseLanguage(page, locale) {
  await page.locator(`button[data-locale="${locale}"]`).click()
  await page.waitForFunction((l) => document.documentElement.lang === l, locale)
}

export function assertNoProblems(problems, where = 'page') {
  assert.deepEqual(problems, [], `${where}: expected no console errors, CSP violations or failed requests`)
}

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core in the page; returns the violations of impact serious or critical. */
export async function seriousAxeViolations(page) {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/**
 * Routes the requests matching `pattern` so a page's loading and error states can be seen: the
 * first is held until `release()` is called and then answered with a 500 problem; later ones go
 * to `later(route)` (default: on to the server). `calls()` counts the requests routed.
 */
export async function holdFirstThenFail(page, pattern, later = (route) => route.continue()) {
  let release
  const held = new Promise((resolve) => (release = resolve))
  let calls = 0
  await page.route(pattern, async (route) => {
    calls += 1
    if (calls > 1) return later(route)
    await held
    await route.fulfill({
      status: 500,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Iekšēja kļūda', status: 500, detail: 'Datubāze nav pieejama.', errors: [] }),
    })
  })
  return { release, calls: () => calls }
}
