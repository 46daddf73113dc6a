// Login errors that need no account: validation while typing, a wrong password, rate limiting,
// and the login page's accessibility in both languages.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { url, launchBrowser, withPage, visit, chooseLanguage, assertNoProblems, seriousAxeViolations } from './support/browser.mjs'
import { submitPassword } from './support/identity.mjs'

let browser
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

test('(c) a wrong password shows the Latvian error next to the form; short passwords are caught while typing', async () => {
  await withPage(browser, async ({ page }) => {
    await visit(page, '/login')
    const password = page.getByLabel('Parole')
    await password.fill('par-īsu')
    assert.equal(await password.getAttribute('aria-invalid'), 'true')
    assert.match(await page.locator('[data-testid="password-step"]').textContent(), /Parolei jābūt 12–128 rakstzīmes garai/)

    await submitPassword(page, 'nav-tada-lietotaja', 'Nepareiza-parole-2026')
    const alert = page.locator('[data-testid="form-problem"]')
    await alert.waitFor()
    assert.equal(await alert.getAttribute('role'), 'alert')
    assert.match(await alert.textContent(), /Nepareizs lietotājvārds vai parole/)
    assert.equal(page.url(), url('/login'))
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe with the error shown')
  })
})

test('(c2) too many attempts: the wait time from Retry-After is shown', async () => {
  await withPage(browser, async ({ page }) => {
    await page.route('**/api/v1/session', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 429,
            headers: { 'Retry-After': '120' },
            contentType: 'application/problem+json',
            body: JSON.stringify({ type: 'about:blank', title: 'Pārāk daudz mēģinājumu', status: 429, errors: [] }),
          })
        : route.fallback(),
    )
    await visit(page, '/login')
    await submitPassword(page, 'admin', 'Kada-parole-2026')
    const alert = page.locator('[data-testid="form-problem"]')
    await alert.waitFor()
    assert.match(await alert.textContent(), /Mēģiniet vēlreiz pēc 2 min/)
  })
})

for (const locale of ['lv', 'en']) {
  test(`login page (${locale}): accessible, no console errors, no CSP violations`, async () => {
    await withPage(browser, async ({ page, problems }) => {
      await visit(page, '/login')
      if (locale !== 'lv') await chooseLanguage(page, locale)
      await visit(page, '/login')
      assert.equal(await page.locator('#main h1').textContent(), locale === 'lv' ? 'Pieteikties' : 'Log in')
      const labels = locale === 'lv' ? ['Lietotājvārds', 'Parole'] : ['User name', 'Password']
      for (const label of labels) assert.equal(await page.getByLabel(label).count(), 1, label)
      // Sending the empty form marks both fields, in the chosen language.
      await page.getByRole('button', { name: locale === 'lv' ? 'Pieteikties' : 'Log in', exact: true }).click()
      assert.equal(await page.locator('[aria-invalid="true"]').count(), 2)
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'username')
      assert.deepEqual(await seriousAxeViolations(page), [], `axe on /login (${locale})`)
      assertNoProblems(problems, `/login (${locale})`)
    })
  })
}
