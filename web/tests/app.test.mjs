// Behaviour of the app frame and pages: language, header, about/status, not-found, errors.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  url, launchBrowser, openPage, visit, waitForPage, chooseLanguage, assertNoProblems,
} from './support/browser.mjs'
import { fakeSession } from './support/identity.mjs'

const MUNICIPALITY = 'Liepājas valstspilsēta'
let browser

before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

/**
 * Runs `body` with a fresh page and closes it afterwards. The pages here are about the app
 * frame, not identity: a stand-in signed-in user is used (see login/admin tests for the real one).
 */
async function withPage(body) {
  const session = await openPage(browser)
  await fakeSession(session.page)
  try {
    await body(session)
  } finally {
    await session.context.close()
  }
}

test('the server sends the app shell with the strict CSP and falls back to it for client routes', async () => {
  for (const path of ['/', '/about', '/no/such/page']) {
    const response = await fetch(url(path))
    assert.equal(response.status, 200, path)
    assert.match(response.headers.get('content-type') ?? '', /text\/html/, path)
    const csp = response.headers.get('content-security-policy') ?? ''
    assert.match(csp, /script-src 'self'/, `${path}: CSP header`)
    assert.doesNotMatch(csp, /unsafe-(eval|inline)/, `${path}: CSP must not allow eval/inline`)
    assert.match(await response.text(), /<div id="app">/, path)
  }
})

test('loads in Latvian by default, even in an English browser', async () => {
  await withPage(async ({ page, problems }) => {
    const municipalityRequest = page.waitForRequest((r) => r.url().endsWith('/api/v1/municipality'))
    await visit(page, '/')
    assert.equal((await municipalityRequest).headers()['accept-language'], 'lv')
    assert.equal(await page.getAttribute('html', 'lang'), 'lv')
    assert.equal(await page.locator('[data-testid="municipality-name"]').textContent(), MUNICIPALITY)
    assert.equal(await page.locator('h1').textContent(), 'Laipni lūdzam sistēmā Atbalsts')
    const nav = page.getByRole('navigation', { name: 'Galvenā navigācija' })
    assert.equal(await nav.getByRole('link', { name: 'Sākums' }).count(), 1)
    assert.equal(await nav.getByRole('link', { name: 'Par sistēmu' }).count(), 1)
    const departments = page.locator('[data-testid="departments"]')
    assert.match(await departments.textContent(), /Sociālās palīdzības daļa/)
    assert.equal(await page.getByRole('group', { name: 'Valoda' }).count(), 1)
    assert.equal(await page.locator('button[data-locale="lv"]').getAttribute('aria-pressed'), 'true')
    assert.match(await page.title(), /^Sākums — Atbalsts$/)
    // The user menu shows who is signed in, with her role.
    const menu = page.locator('[data-testid="user-menu-slot"]')
    assert.match(await menu.textContent(), /Testa Lietotāja\s*Sociālais darbinieks/)
    assertNoProblems(problems, 'home (lv)')
  })
})

test('signed out: the home page asks to log in, the about page does not', async () => {
  const { context, page, problems } = await openPage(browser)
  try {
    await page.goto(url('/'))
    await page.waitForURL(url('/login'))
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Pieteikties')
    assert.equal((await page.locator('[data-testid="user-menu-slot"]').textContent()).trim(), '')
    assert.equal(await page.getByRole('link', { name: 'Pieteikties' }).count(), 1)
    await visit(page, '/about')
    assert.equal(await page.locator('h1').textContent(), 'Par sistēmu')
    assertNoProblems(problems, 'signed out')
  } finally {
    await context.close()
  }
})

test('switches to English and back, remembering the choice across reloads', async () => {
  await withPage(async ({ page, problems }) => {
    await visit(page, '/')
    await chooseLanguage(page, 'en')
    assert.equal(await page.locator('h1').textContent(), 'Welcome to Atbalsts')
    assert.equal(await page.locator('button[data-locale="en"]').getAttribute('aria-pressed'), 'true')
    assert.match(await page.locator('[data-testid="departments"]').textContent(), /Social assistance department/)
    assert.equal(await page.getByRole('link', { name: 'Home', exact: true }).count(), 1)
    assert.equal(await page.locator('[data-testid="municipality-name"]').textContent(), MUNICIPALITY)

    const reloadRequest = page.waitForRequest((r) => r.url().endsWith('/api/v1/municipality'))
    await page.reload()
    await waitForPage(page)
    assert.equal((await reloadRequest).headers()['accept-language'], 'en')
    assert.equal(await page.getAttribute('html', 'lang'), 'en')
    assert.equal(await page.locator('h1').textContent(), 'Welcome to Atbalsts')

    await chooseLanguage(page, 'lv')
    assert.equal(await page.locator('h1').textContent(), 'Laipni lūdzam sistēmā Atbalsts')
    await page.reload()
    await waitForPage(page)
    assert.equal(await page.getAttribute('html', 'lang'), 'lv')
    assert.equal(await page.getByRole('link', { name: 'Sākums' }).count(), 1)
    assertNoProblems(problems, 'language switch')
  })
})

test('the about page shows version, database engine and readiness, and refreshes', async () => {
  const version = await (await fetch(url('/api/v1/version'))).json()
  const readiness = await (await fetch(url('/readyz'))).json()
  assert.equal(readiness.status, 'ready', 'the server under test should be ready')
  await withPage(async ({ page, problems }) => {
    await visit(page, '/')
    await page.getByRole('link', { name: 'Par sistēmu' }).click()
    await page.waitForURL(url('/about'))
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Par sistēmu')
    // Focus moves to the new page's heading after an in-app navigation.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1')
    assert.equal((await page.locator('[data-testid="readiness"]').textContent()).trim(), 'Gatava darbam')
    const table = page.getByRole('table', { name: 'Sistēmas stāvoklis' })
    const text = await table.textContent()
    assert.ok(text.includes(version.version), `version ${version.version} shown`)
    assert.ok(text.includes(readiness.engine), `engine ${readiness.engine} shown`)
    assert.match(text, /Datubāze\s*Darbojas/)

    const refreshed = page.waitForRequest((r) => r.url().endsWith('/readyz'))
    await page.getByRole('button', { name: 'Atjaunot' }).click()
    await refreshed
    await waitForPage(page)
    assert.equal((await page.locator('[data-testid="readiness"]').textContent()).trim(), 'Gatava darbam')

    await chooseLanguage(page, 'en')
    assert.equal((await page.locator('[data-testid="readiness"]').textContent()).trim(), 'Ready')
    assert.equal(await page.getByRole('button', { name: 'Refresh' }).count(), 1)
    assertNoProblems(problems, 'about')
  })
})

test('an unknown route shows the not-found page with a way home', async () => {
  await withPage(async ({ page, problems }) => {
    await visit(page, '/nav/tadas/lapas')
    assert.equal(await page.locator('h1').textContent(), 'Lapa nav atrasta')
    assert.equal(await page.title(), 'Lapa nav atrasta — Atbalsts')
    await chooseLanguage(page, 'en')
    assert.equal(await page.locator('h1').textContent(), 'Page not found')
    await page.getByRole('link', { name: 'Go to the home page' }).click()
    await page.waitForURL(url('/'))
    assert.equal(await page.locator('h1').textContent(), 'Welcome to Atbalsts')
    assertNoProblems(problems, 'not-found')
  })
})

test('the skip link moves focus to the main content', async () => {
  await withPage(async ({ page, problems }) => {
    await visit(page, '/')
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Pāriet uz saturu')
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main')
    assert.equal(await page.getByRole('main').count(), 1)
    assertNoProblems(problems, 'skip link')
  })
})

test('shows the error page when a page cannot be loaded', async () => {
  await withPage(async ({ page }) => {
    await visit(page, '/')
    // Make the about page's code unloadable (as after a broken deployment or lost connection).
    await page.route(/\/assets\/AboutPage-[^/]+\.js$/, (route) => route.abort())
    await page.getByRole('link', { name: 'Par sistēmu' }).click()
    const alert = page.locator('[data-testid="error-page"]')
    await alert.waitFor({ state: 'visible' })
    assert.equal(await alert.getAttribute('role'), 'alert')
    assert.equal(await alert.locator('h1').textContent(), 'Radās kļūda')
    assert.equal(await page.getByRole('button', { name: 'Pārlādēt lapu' }).count(), 1)
    // The header keeps working: going home clears the error.
    await page.getByRole('link', { name: 'Sākums' }).click()
    await page.locator('h1', { hasText: 'Laipni lūdzam sistēmā Atbalsts' }).waitFor()
  })
})
