// The auditor: the audit log with filters, and the navigation of her role.
// This file owns the demo user `auditor`: it enrols her once and signs in with her recovery codes.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, withPage, visit, chooseLanguage, assertNoProblems, seriousAxeViolations } from './support/browser.mjs'
import { enrolUser, loginWithRecoveryCode, useSessionIn } from './support/identity.mjs'

let browser
let auditor
before(async () => {
  browser = await launchBrowser()
  auditor = await enrolUser('auditor')
})
after(async () => {
  await browser?.close()
})

async function asAuditor(body) {
  const client = await loginWithRecoveryCode('auditor', auditor.recoveryCodes)
  await withPage(browser, async (session) => {
    await useSessionIn(session.context, client)
    await body(session)
  })
}

const rowCount = (page) => page.locator('[data-testid="audit-table"] tbody tr').count()

test('the audit log lists entries and filters them by user and action', async () => {
  await asAuditor(async ({ page, problems }) => {
    await visit(page, '/')
    const nav = page.getByRole('navigation', { name: 'Galvenā navigācija' })
    assert.equal(await nav.getByRole('link', { name: 'Lietotāji' }).count(), 0)
    await nav.getByRole('link', { name: 'Audita žurnāls' }).click()
    await page.waitForURL(/\/audit$/)
    await page.locator('[data-testid="audit-table"]').waitFor()
    assert.equal(await page.locator('h1').textContent(), 'Audita žurnāls')
    assert.ok((await rowCount(page)) >= 1, 'her own logins are in the log')

    await page.getByLabel('Lietotājs', { exact: true }).fill('auditor')
    // Her sessions here were opened with recovery codes.
    await page.getByLabel('Darbība').selectOption('login_recovery_code')
    const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/audit?') && r.url().includes('action=login_recovery_code'))
    await page.getByRole('button', { name: 'Atlasīt' }).click()
    const response = await filtered
    assert.match(response.url(), /user=auditor/)
    await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0)
    const body = await response.json()
    assert.ok(body.items.length >= 1, 'this session was opened with a recovery code')
    assert.ok(body.items.every((entry) => entry.action === 'login_recovery_code' && entry.username === 'auditor'))
    assert.equal(await rowCount(page), body.items.length)
    assert.match(await page.locator('[data-testid="audit-table"] tbody').textContent(), /Pieteikšanās ar atkopšanas kodu/)

    // An impossible date range is caught before asking the server.
    await page.getByLabel('No datuma').fill('2026-05-10')
    await page.getByLabel('Līdz datumam').fill('2026-05-01')
    await page.getByRole('button', { name: 'Atlasīt' }).click()
    assert.match(await page.locator('[data-testid="audit-filters"]').textContent(), /Beigu datums nevar būt pirms sākuma datuma/)
    assertNoProblems(problems, 'audit')
  })
})

for (const locale of ['lv', 'en']) {
  test(`(f) audit log (${locale}): accessible, no console errors`, async () => {
    await asAuditor(async ({ page, problems }) => {
      await visit(page, '/')
      if (locale !== 'lv') await chooseLanguage(page, locale)
      await visit(page, '/audit')
      assert.equal(await page.locator('h1').textContent(), locale === 'lv' ? 'Audita žurnāls' : 'Audit log')
      assert.deepEqual(await seriousAxeViolations(page), [], `axe on /audit (${locale})`)
      assertNoProblems(problems, `/audit (${locale})`)
    })
  })
}
