// The administrator: first login with enrolment, TOTP and recovery-code logins, logout, then the
// administration pages (users, teams, social-assistance settings). This file owns the demo user
// `admin`: it enrols her (once per fresh server) and keeps her secret and recovery codes for its
// later logins. The tests run in order and build on (a).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  url, launchBrowser, withPage, visit, waitForPage, chooseLanguage, assertNoProblems, seriousAxeViolations,
} from './support/browser.mjs'
import { loginWithRecoveryCode, saveEnrolment, submitPassword, useSessionIn } from './support/identity.mjs'
import { freshCode } from './support/totp.mjs'
import { norm } from './support/assistance.mjs'

let browser
const admin = { secret: '', lastStep: -1, recoveryCodes: [] }

before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  // Later files (housing, mentors) sign `admin` in with this enrolment and the codes left.
  if (admin.secret) saveEnrolment('admin', { secret: admin.secret, step: admin.lastStep, recoveryCodes: admin.recoveryCodes })
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

test('(d3) admin makes a partner user, finding her institution in the register by name', async () => {
  await asAdmin(async ({ page, problems }) => {
    await visit(page, '/admin/users/new')
    await waitForPage(page)
    const username = `partner-${Date.now().toString(36)}`
    await page.getByLabel('Lietotājvārds').fill(username)
    await page.getByLabel('Vārds, uzvārds').fill('Dace Bāriņtiesas-Testa')
    await page.getByLabel('Partneris').check()
    await page.getByLabel('Sākotnējā parole').fill('Testa-parole-ar-garumu-2026')
    // Without an institution the server's rule is said next to the picker.
    const picker = page.getByTestId('partner-picker')
    await page.getByRole('button', { name: 'Izveidot lietotāju' }).click()
    await picker.locator('[aria-invalid="true"]').waitFor()
    assert.match(await picker.textContent(), /iestād/i)
    await picker.getByLabel(/^Partneriestāde/).fill('bāriņ')
    await picker.getByRole('button', { name: 'Izvēlēties: Liepājas bāriņtiesa' }).click()
    const chosen = picker.getByTestId('partner-chosen')
    assert.match(await chosen.textContent(), /Liepājas bāriņtiesa \(bāriņtiesa\)/i)
    await page.getByRole('button', { name: 'Izveidot lietotāju' }).click()
    await page.waitForURL(/\/admin\/users\/\d+\?created=1$/)
    await waitForPage(page)
    // The saved institution is read back by its id on the user's page.
    await page.getByTestId('partner-chosen').filter({ hasText: 'Liepājas bāriņtiesa' }).waitFor()
    // Choosing another one opens the search again.
    await page.getByRole('button', { name: 'Izvēlēties citu' }).click()
    await page.getByTestId('partner-picker').getByLabel(/^Partneriestāde/).waitFor()
    const refused = (p) => /HTTP 422: .*\/api\/v1\/users$/.test(p) || /status of 422/.test(p) // no institution yet
    assertNoProblems(problems.filter((p) => !refused(p)), 'partner user')
  })
})

test('(d4) admin changes an institution of the register; a change made meanwhile is not overwritten', async () => {
  await asAdmin(async ({ page, problems, client }) => {
    const found = await client.expect('GET', `/api/v1/partners?q=${encodeURIComponent('Liepājas 5.')}`)
    const school = found.items[0]
    await visit(page, `/partners/${school.id}`)
    await waitForPage(page)
    const form = page.getByTestId('partner-form')
    await form.getByLabel(/^Adrese/).fill('Ausekļa iela 10, Liepāja')
    // Meanwhile someone else changes the same institution.
    await client.expect('PATCH', `/api/v1/partners/${school.id}`, { version: school.version, phone: '+371 63400001' })
    await form.getByRole('button', { name: 'Saglabāt', exact: true }).click()
    const problem = form.getByTestId('form-problem')
    await problem.waitFor()
    assert.match(await problem.textContent(), /pa to laiku mainīja kāds cits/)
    // Opened again: the other change is there, and this one can now be saved over it.
    await page.reload()
    await waitForPage(page)
    assert.equal(await form.getByLabel(/^Tālrunis/).first().inputValue(), '+371 63400001')
    await form.getByLabel(/^Adrese/).fill('Ausekļa iela 10, Liepāja')
    await form.getByRole('button', { name: 'Saglabāt', exact: true }).click()
    await form.getByRole('status').filter({ hasText: /saglabāt/i }).waitFor()
    const after = await client.expect('GET', `/api/v1/partners/${school.id}`)
    assert.equal(after.address, 'Ausekļa iela 10, Liepāja')
    assert.equal(after.phone, '+371 63400001')
    assert.equal(after.version, school.version + 2)
    const stale = (p) => /HTTP 409: .*\/api\/v1\/partners\/\d+$/.test(p) || /status of 409/.test(p)
    assertNoProblems(problems.filter((p) => !stale(p)), 'partner change')
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

test('(e) admin: social assistance settings — a threshold row from 2031, its start date again, a low-income threshold', async () => {
  await asAdmin(async ({ page, problems }) => {
    await visit(page, '/')
    await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Palīdzības iestatījumi' }).click()
    await page.waitForURL(url('/admin/assistance'))
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Sociālās palīdzības iestatījumi')
    const rows = page.locator('[data-testid="national-table"] tbody tr')
    const cells = async (row) => (await row.locator('td').allTextContents()).map(norm)
    assert.deepEqual(
      (await cells(rows.filter({ hasText: 'spēkā' }))).slice(1),
      ['187,00 €', '131,00 €', '425,00 €', '298,00 €', '680,00 €', '476,00 €'],
      'the 2026 row is in force',
    )

    // A national row: checked while typing (1st of a month, the order of the values), confirmed, listed.
    const national = page.locator('[data-testid="national-form"]')
    const from = national.getByLabel('Spēkā no')
    const field = (form, label) => form.getByLabel(label, { exact: true })
    const fillRow = async (values) => {
      for (const [label, value] of Object.entries(values)) await field(national, label).fill(value)
    }
    await from.fill('2031-01-15')
    assert.equal(await from.getAttribute('aria-invalid'), 'true')
    assert.match(norm(await national.textContent()), /Sākuma datumam jābūt mēneša pirmajai dienai\./)
    await from.fill('2031-01-01')
    assert.equal(await from.getAttribute('aria-invalid'), null)
    const row2031 = {
      'GMI līmenis pirmajai personai': '200',
      'GMI līmenis katrai nākamajai personai': '140,5',
      'Trūcīgas mājsaimniecības slieksnis pirmajai personai': '150',
    }
    await fillRow(row2031)
    const needy = field(national, 'Trūcīgas mājsaimniecības slieksnis pirmajai personai')
    assert.equal(await needy.getAttribute('aria-invalid'), 'true')
    assert.match(norm(await national.textContent()), /Nedrīkst būt mazāks par GMI līmeni \(200,00 €\)\./)
    Object.assign(row2031, {
      'Trūcīgas mājsaimniecības slieksnis pirmajai personai': '450',
      'Trūcīgas mājsaimniecības slieksnis katrai nākamajai personai': '320',
      'Maznodrošinātas mājsaimniecības sliekšņa augstākā robeža pirmajai personai': '720.00',
      'Maznodrošinātas mājsaimniecības sliekšņa augstākā robeža katrai nākamajai personai': '500',
    })
    await fillRow(row2031)
    assert.equal(await national.locator('[aria-invalid="true"]').count(), 0)
    await national.getByRole('button', { name: 'Pievienot rindu' }).click()
    const dialog = page.getByRole('dialog', { name: 'Pievienot valsts sliekšņus?' })
    await dialog.waitFor()
    assert.match(norm(await dialog.textContent()), /GMI līmenis 200,00 € \/ 140,50 €/)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the confirmation')
    await dialog.getByRole('button', { name: 'Saglabāt' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await national.getByRole('status').filter({ hasText: /Valsts sliekšņi no .*2031.* pievienoti\./ }).waitFor()
    const added = rows.filter({ hasText: 'plānots' })
    await added.waitFor()
    const addedCells = await cells(added)
    assert.match(addedCells[0], /2031.*plānots$/)
    assert.deepEqual(addedCells.slice(1), ['200,00 €', '140,50 €', '450,00 €', '320,00 €', '720,00 €', '500,00 €'])
    assert.equal(await from.inputValue(), '', 'the form is empty again')

    // The same start date again: the server's 409, shown above the form and on the date.
    await from.fill('2031-01-01')
    await fillRow(row2031)
    await national.getByRole('button', { name: 'Pievienot rindu' }).click()
    await dialog.getByRole('button', { name: 'Saglabāt' }).click()
    const conflict = national.locator('[data-testid="form-problem"]')
    await conflict.waitFor()
    assert.match(norm(await conflict.textContent()), /No šī datuma jau ir ieraksts\. Izvēlieties citu sākuma datumu\./)
    assert.equal(await from.getAttribute('aria-invalid'), 'true')
    assert.match(norm(await page.locator(`#${await from.getAttribute('id')}-message`).textContent()), /2031-01-01/)
    assert.equal(await rows.filter({ hasText: 'plānots' }).count(), 1, 'nothing was added')

    // The low-income threshold must lie between the needy threshold and the maximum of the row in force.
    const lowIncome = page.locator('[data-testid="low-income-form"]')
    await lowIncome.getByLabel('Spēkā no').fill('2031-01-01')
    const first = field(lowIncome, 'Slieksnis pirmajai personai')
    await first.fill('1000')
    assert.equal(await first.getAttribute('aria-invalid'), 'true')
    const lowText = norm(await lowIncome.textContent())
    assert.match(lowText, /Atļauts no 450,00 € līdz 720,00 €\./)
    assert.match(lowText, /Jābūt no 450,00 € līdz 720,00 € \(valsts sliekšņi no .*2031.*\)\./)
    await field(lowIncome, 'Slieksnis katrai nākamajai personai').fill('400')
    await lowIncome.getByRole('button', { name: 'Saglabāt slieksni' }).click()
    assert.equal(await page.getByRole('dialog').count(), 0, 'nothing is asked while a value is out of bounds')
    await first.fill('600')
    await lowIncome.getByRole('button', { name: 'Saglabāt slieksni' }).click()
    await page.getByRole('dialog', { name: 'Noteikt maznodrošinātas mājsaimniecības slieksni?' }).getByRole('button', { name: 'Saglabāt' }).click()
    await lowIncome.getByRole('status').filter({ hasText: /saglabāts/ }).waitFor()
    const lowRow = await cells(page.locator('[data-testid="low-income-table"] tbody tr').first())
    assert.match(lowRow[0], /2031.*plānots$/)
    assert.deepEqual(lowRow.slice(1), ['600,00 €', '400,00 €'])
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the settings page')
    const expected = (p) => /HTTP 409: .*\/api\/v1\/assistance\/thresholds$/.test(p) || /status of 409/.test(p)
    assertNoProblems(problems.filter((p) => !expected(p)), 'assistance settings')
  })
})

for (const locale of ['lv', 'en']) {
  test(`(f) administration pages (${locale}): accessible, no console errors`, async () => {
    await asAdmin(async ({ page, problems, client }) => {
      const { user } = await client.expect('GET', '/api/v1/session')
      await visit(page, '/')
      if (locale !== 'lv') await chooseLanguage(page, locale)
      for (const path of ['/admin/users', '/admin/users/new', `/admin/users/${user.id}`, '/admin/teams', '/admin/assistance', '/sessions']) {
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
