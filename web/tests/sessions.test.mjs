// A social worker: her sessions page (ending another session after confirming), no access to
// the administration, and a session that ends elsewhere sending her to the login page.
// This file owns the demo user `anna`: it enrols her once and signs in with her recovery codes.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  url, launchBrowser, withPage, visit, waitForPage, chooseLanguage, assertNoProblems, seriousAxeViolations,
} from './support/browser.mjs'
import { enrolUser, loginWithRecoveryCode, useSessionIn } from './support/identity.mjs'

let browser
let anna
before(async () => {
  browser = await launchBrowser()
  anna = await enrolUser('anna') // anna.client is her first session
})
after(async () => {
  await browser?.close()
})

async function asAnna(body) {
  const client = await loginWithRecoveryCode('anna', anna.recoveryCodes)
  await withPage(browser, async (session) => {
    await useSessionIn(session.context, client)
    await body({ ...session, client })
  })
}

test('my sessions: the current one is marked; another one ends after confirming', async () => {
  await asAnna(async ({ page, problems }) => {
    await visit(page, '/')
    const menu = page.locator('[data-testid="user-menu"]')
    assert.match(await menu.locator('[data-testid="user-roles"]').textContent(), /Sociālais darbinieks/)
    await menu.getByRole('link', { name: 'Manas sesijas' }).click()
    await page.waitForURL(url('/sessions'))
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Manas sesijas')
    const rows = page.locator('[data-testid="sessions-table"] tbody tr')
    const before = await rows.count()
    assert.ok(before >= 2, 'the enrolment session and this one')
    assert.equal(await page.locator('[data-testid="current-session"]').count(), 1)
    assert.equal((await page.locator('[data-testid="current-session"]').textContent()).trim(), 'Šī sesija')

    const other = rows.filter({ hasNot: page.locator('[data-testid="current-session"]') }).first()
    await other.getByRole('button', { name: /Beigt sesiju/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Beigt sesiju?' })
    await dialog.waitFor()
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe with the dialog open')
    await dialog.getByRole('button', { name: 'Beigt sesiju' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="sessions-table"] tbody tr').length === n - 1, before)
    assertNoProblems(problems, 'sessions')
  })
  // The other session was the one of her enrolment: it no longer works.
  assert.equal((await anna.client.request('GET', '/api/v1/sessions')).status, 401)
})

test('(e) a social worker sees no administration and gets "no access" for its pages', async () => {
  await asAnna(async ({ page, problems }) => {
    await visit(page, '/')
    const nav = page.getByRole('navigation', { name: 'Galvenā navigācija' })
    assert.equal(await nav.getByRole('link', { name: 'Lietotāji' }).count(), 0)
    assert.equal(await nav.getByRole('link', { name: 'Komandas' }).count(), 0)
    assert.equal(await nav.getByRole('link', { name: 'Audita žurnāls' }).count(), 0)
    for (const path of ['/admin/users', '/admin/users/new', '/admin/teams', '/audit']) {
      await visit(page, path)
      assert.equal(await page.locator('[data-testid="forbidden"] h1').textContent(), 'Nav piekļuves', path)
    }
    assert.equal(await page.title(), 'Nav piekļuves — Atbalsts')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the no-access page')
    assertNoProblems(problems, 'no access')
  })
})

for (const locale of ['lv', 'en']) {
  test(`(f) my sessions (${locale}): accessible, no console errors`, async () => {
    await asAnna(async ({ page, problems }) => {
      await visit(page, '/')
      if (locale !== 'lv') await chooseLanguage(page, locale)
      await visit(page, '/sessions')
      assert.equal(await page.locator('h1').textContent(), locale === 'lv' ? 'Manas sesijas' : 'My sessions')
      assert.deepEqual(await seriousAxeViolations(page), [], `axe on /sessions (${locale})`)
      assertNoProblems(problems, `/sessions (${locale})`)
    })
  })
}

test('a session ended elsewhere sends the user to the login page, and back after logging in', async () => {
  await asAnna(async ({ page, client }) => {
    await visit(page, '/')
    await client.expect('DELETE', '/api/v1/session', undefined, 204) // e.g. ended on another device
    await page.getByRole('link', { name: 'Manas sesijas' }).click()
    await page.waitForURL(url('/login?redirect=/sessions'))
    await waitForPage(page)
    assert.equal(await page.locator('[data-testid="user-menu"]').count(), 0)
  })
})

test('logging out ends the session on the server', async () => {
  await asAnna(async ({ page, client, problems }) => {
    await visit(page, '/sessions')
    await page.getByRole('button', { name: 'Iziet' }).click()
    await page.waitForURL(url('/login'))
    assert.equal((await client.request('GET', '/api/v1/sessions')).status, 401)
    assertNoProblems(problems, 'logout')
  })
})
