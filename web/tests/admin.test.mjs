// The administrator: first login with enrolment, TOTP and recovery-code logins, logout, then the
// administration pages. This file owns the demo user `admin`: it enrols her (once per fresh
// server) and keeps her secret and recovery codes for its later logins. The tests run in order
// and build on (a).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  url, launchBrowser, withPage, visit, waitForPage, chooseLanguage, assertNoProblems, seriousAxeViolations,
} from './support/browser.mjs'
import { loginWithRecoveryCode, submitPassword, useSessionIn } from './support/identity.mjs'
import { freshCode } from './support/totp.mjs'

let browser
const admin = { secret: '', lastStep: -1, recoveryCodes: [] }

before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})



test('(a) admin: first login enrols the authenticator, shows recovery codes once, then logs out', async () => {
  await withPage(browser, async ({ page, problems }) => {
    await page.goto(url('/'))
    await page.waitForURL(url('/login'))
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Pieteikties')
    assert.equal(await page.title(), 'Pieteikties — Atbalsts')
    await submitPassword(page, 'admin')

    const secretText = page.locator('[data-testid="totp-secret"]')
    await secretText.waitFor()
    await waitForPage(page)
    assert.equal(await page.locator('#login-step-title').textContent(), 'Divpakāpju autentifikācijas iestatīšana')
    admin.secret = (await secretText.textContent()).replace(/\s/g, '')
    assert.match(admin.secret, /^[A-Z2-7]{16,}$/, 'the secret is shown in base32 for manual entry')
    const qr = page.getByRole('img', { name: 'QR kods autentifikācijas lietotnes iestatīšanai' })
    assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml;base64,/)
    assert.equal(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), true, 'the QR code is drawn')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the enrolment step')

    // A wrong format is caught while typing, before anything is sent.
    const codeField = page.getByLabel('Autentifikācijas kods')
    await codeField.fill('12a')
    assert.equal(await codeField.getAttribute('aria-invalid'), 'true')
    assert.match(await page.locator('[data-testid="enroll-step"]').textContent(), /Ievadiet 6 ciparus/)

    const { code, step } = await freshCode(admin.secret)
    admin.lastStep = step
    await codeField.fill(code)
    await page.getByRole('button', { name: 'Apstiprināt un turpināt' }).click()

    const codes = page.locator('[data-testid="recovery-codes"] li')
    await codes.first().waitFor()
    assert.equal(await codes.count(), 10)
    admin.recoveryCodes = (await codes.allTextContents()).map((c) => c.trim())
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the recovery codes')
    // Continuing needs the confirmation that the codes were saved.
    await page.getByRole('button', { name: 'Turpināt' }).click()
    assert.match(await page.locator('[data-testid="recovery-codes-step"]').textContent(), /Vispirms apstipriniet/)
    await page.getByLabel('Esmu saglabājis(-usi) atkopšanas kodus').check()
    await page.getByRole('button', { name: 'Turpināt' }).click()

    await page.waitForURL(url('/'))
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Laipni lūdzam sistēmā Atbalsts')
    const menu = page.locator('[data-testid="user-menu"]')
    assert.match(await menu.locator('[data-testid="user-roles"]').textContent(), /Administrators/)
    assert.notEqual((await menu.locator('[data-testid="user-name"]').textContent()).trim(), '')
    assert.equal(await menu.getByRole('link', { name: 'Manas sesijas' }).count(), 1)
    const nav = page.getByRole('navigation', { name: 'Galvenā navigācija' })
    assert.equal(await nav.getByRole('link', { name: 'Lietotāji' }).count(), 1)
    assert.equal(await nav.getByRole('link', { name: 'Komandas' }).count(), 1)
    assert.equal(await nav.getByRole('link', { name: 'Audita žurnāls' }).count(), 0)

    await menu.getByRole('button', { name: 'Iziet' }).click()
    await page.waitForURL(url('/login'))
    await waitForPage(page)
    assert.equal(await page.locator('[data-testid="user-menu"]').count(), 0)
    // Signed out: the home page asks for a login again.
    await page.goto(url('/'))
    await page.waitForURL(url('/login'))
    assertNoProblems(problems, 'enrolment')
  })
})

test('(b) admin: a later login asks for the TOTP code and returns to the page she wanted', async () => {
  assert.ok(admin.secret, 'test (a) enrolled admin')
  await withPage(browser, async ({ page, problems }) => {
    await page.goto(url('/admin/users'))
    await page.waitForURL(url('/login?redirect=/admin/users'))
    await waitForPage(page)
    await submitPassword(page, 'admin')
    const codeField = page.getByLabel('Autentifikācijas kods')
    await codeField.waitFor()
    assert.equal(await page.locator('#login-step-title').textContent(), 'Autentifikācijas kods')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the code step')

    const { code, step } = await freshCode(admin.secret, admin.lastStep) // a code works once
    admin.lastStep = step
    await codeField.fill(code)
    await page.getByRole('button', { name: 'Apstiprināt' }).click()
    await page.waitForURL(url('/admin/users'))
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Lietotāji')
    assertNoProblems(problems, 'TOTP login')
  })
})

test('(b2) admin: a recovery code works instead of the TOTP code, once', async () => {
  await withPage(browser, async ({ page, problems }) => {
    await visit(page, '/login')
    await submitPassword(page, 'admin')
    await page.getByRole('button', { name: 'Izmantot atkopšanas kodu' }).click()
    const field = page.getByLabel('Atkopšanas kods')
    await field.fill(admin.recoveryCodes.shift())
    await page.getByRole('button', { name: 'Apstiprināt' }).click()
    await page.waitForURL(url('/'))
    await waitForPage(page)
    assert.equal(await page.locator('[data-testid="user-menu"]').count(), 1)
    assertNoProblems(problems, 'recovery code login')
  })
})


/** A browser page signed in as admin (a new session, with one of her recovery codes). */
async function asAdmin(body) {
  const client = await loginWithRecoveryCode('admin', admin.recoveryCodes)
  await withPage(browser, async (session) => {
    await useSessionIn(session.context, client)
    await body({ ...session, client })
  })
}

test('(d) admin creates a user, finds her in the list, and disables her after confirming', async () => {
  await asAdmin(async ({ page, problems }) => {
    await visit(page, '/admin/users')
    await page.getByRole('link', { name: 'Jauns lietotājs' }).click()
    await page.waitForURL(url('/admin/users/new'))
    await waitForPage(page)
    await page.getByRole('button', { name: 'Izveidot lietotāju' }).click()
    assert.ok((await page.locator('[aria-invalid="true"]').count()) >= 3, 'required fields are marked')

    const usernameField = page.getByLabel('Lietotājvārds')
    await usernameField.fill('anna') // taken: the server's field problem is shown next to the field
    await page.getByLabel('Vārds, uzvārds').fill('Līga Testa-Ozoliņa')
    await page.getByLabel('Sociālais darbinieks').check()
    await page.locator('[data-testid="team-picker"] input[type="checkbox"]').first().check()
    await page.getByLabel('Sākotnējā parole').fill('Testa-parole-ar-garumu-2026')
    await page.getByRole('button', { name: 'Izveidot lietotāju' }).click()
    await page.locator('[data-testid="form-problem"]').waitFor()
    assert.equal(await usernameField.getAttribute('aria-invalid'), 'true')
    const usernameMessage = page.locator(`#${await usernameField.getAttribute('id')}-message`)
    assert.notEqual((await usernameMessage.textContent()).trim(), '')

    const username = `tests-${Date.now().toString(36)}`
    await usernameField.fill(username)
    assert.equal(await usernameField.getAttribute('aria-invalid'), null, 'the server message goes once the field changes')
    await page.getByLabel('E-pasts').fill(`${username}@example.lv`)
    await page.getByRole('button', { name: 'Izveidot lietotāju' }).click()
    await page.waitForURL(/\/admin\/users\/\d+\?created=1$/)
    await waitForPage(page)
    assert.match(await page.locator('h1').textContent(), /Līga Testa-Ozoliņa/)
    assert.match(await page.locator('#main').textContent(), /Lietotājs izveidots/)

    // Disabling asks first; cancelling changes nothing.
    const status = page.locator('[data-testid="user-status"]')
    assert.equal(await status.textContent(), 'Aktīvs')
    await page.getByRole('button', { name: 'Bloķēt', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Bloķēt lietotāju?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Atcelt' }).click()
    await dialog.waitFor({ state: 'hidden' })
    assert.equal(await status.textContent(), 'Aktīvs')
    await page.getByRole('button', { name: 'Bloķēt', exact: true }).click()
    await dialog.getByRole('button', { name: 'Bloķēt' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForFunction(() => document.querySelector('[data-testid="user-status"]')?.textContent === 'Bloķēts')

    await page.getByRole('link', { name: 'Atpakaļ uz lietotāju sarakstu' }).click()
    await page.waitForURL(url('/admin/users'))
    await waitForPage(page)
    await page.getByLabel('Meklēt lietotāju').fill(username)
    await page.getByRole('button', { name: 'Meklēt', exact: true }).click()
    const rows = page.locator('[data-testid="users-table"] tbody tr')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="users-table"] tbody tr').length === 1)
    await rows.filter({ hasText: username }).waitFor()
    const row = await rows.first().textContent()
    for (const text of ['Līga Testa-Ozoliņa', 'Sociālais darbinieks', 'Bloķēts', 'Nav iestatīta']) assert.ok(row.includes(text), text)
    const expected = (p) => /HTTP 409: .*\/api\/v1\/users$/.test(p) || /status of 409/.test(p) // the taken name
    assertNoProblems(problems.filter((p) => !expected(p)), 'create user')
  })
})

test('(d2) admin adds a team to a department and renames it', async () => {
  await asAdmin(async ({ page, problems }) => {
    await visit(page, '/admin/teams')
    const department = page.locator('[data-testid="department"]').first()
    await department.locator('[data-testid="add-team"]').click()
    const code = `t${Date.now().toString(36)}`
    await department.getByLabel('Kods').fill(code)
    await department.getByLabel('Nosaukums latviski').fill(`Testa komanda ${code}`)
    await department.getByLabel('Nosaukums angliski').fill(`Test team ${code}`)
    await department.getByRole('button', { name: 'Pievienot komandu' }).click()
    const team = department.locator('[data-testid="team"]', { hasText: `Testa komanda ${code}` })
    await team.waitFor()
    await team.getByRole('button', { name: /Pārdēvēt/ }).click()
    const form = department.locator('[data-testid="team-rename-form"]')
    assert.equal(await form.getByLabel('Nosaukums latviski').inputValue(), `Testa komanda ${code}`)
    await form.getByLabel('Nosaukums latviski').fill(`Pārdēvēta komanda ${code}`)
    await form.getByRole('button', { name: 'Saglabāt nosaukumu' }).click()
    await department.locator('[data-testid="team"]', { hasText: `Pārdēvēta komanda ${code}` }).waitFor()
    assertNoProblems(problems, 'teams')
  })
})

for (const locale of ['lv', 'en']) {
  test(`(f) administration pages (${locale}): accessible, no console errors`, async () => {
    await asAdmin(async ({ page, problems, client }) => {
      const { user } = await client.expect('GET', '/api/v1/session')
      await visit(page, '/')
      if (locale !== 'lv') await chooseLanguage(page, locale)
      for (const path of ['/admin/users', '/admin/users/new', `/admin/users/${user.id}`, '/admin/teams', '/sessions']) {
        await visit(page, path)
        assert.notEqual((await page.locator('#main h1').textContent()).trim(), '', path)
        assert.deepEqual(await seriousAxeViolations(page), [], `axe on ${path} (${locale})`)
      }
      // On her own page an administrator cannot change her own roles.
      await visit(page, `/admin/users/${user.id}`)
      assert.equal(await page.locator('[data-testid="roles-locked"]').count(), 1)
      assertNoProblems(problems, `administration (${locale})`)
    })
  })
}
