// A benefits officer (laura): importing persons from a CSV file (check first, then import, also
// in Windows-1257), a household made of the imported persons, edited afterwards, and registering
// a person of another department (Anna Bērziņa, social work) in hers (social assistance).
// This file owns the demo user `laura`: it enrols her once and the tests share that session.
// The tests run in order and build on each other.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { url, launchBrowser, visit, waitForPage, assertNoProblems, seriousAxeViolations } from './support/browser.mjs'
import { enrolUser } from './support/identity.mjs'
import { DEMO, findPersonId, oldCode, withClientPage, wrongCheckDigit } from './support/registry.mjs'

let browser
let laura
before(async () => {
  browser = await launchBrowser()
  laura = await enrolUser('laura')
})
after(async () => {
  await browser?.close()
})

const asLaura = (body) => withClientPage(browser, laura.client, body)
const settle = (page) => page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0)

const mother = { given: 'Ilona', surname: 'Krūmiņa', birth: '1984-03-15', code: oldCode('1984-03-15', 612) }
const son = { given: 'Kārlis', surname: 'Krūmiņš', birth: '2012-06-01', code: oldCode('2012-06-01', 734) }
const HEADER = 'given_names;surname;personal_code;birth_date;phone;postal_code'
const line = (p, code = p.code) => `${p.given};${p.surname};${code};${p.birth};+371 26000000;LV-3401`
const badFile = [HEADER, line(mother), line(son, wrongCheckDigit(son.code)), 'Aina;Testa;;1970-01-01;;LV-3401'].join('\n')
const goodFile = [HEADER, line(mother), line(son)].join('\r\n')

/** Windows-1257 bytes of a text with Latvian letters (the ones used here). */
function windows1257(text) {
  const table = { ā: 0xe2, ē: 0xe7, ī: 0xee, ū: 0xfb, ņ: 0xf2, š: 0xf0, ž: 0xfe, ķ: 0xed, ļ: 0xef, ģ: 0xec, č: 0xe8 }
  return Buffer.from([...text].map((c) => table[c] ?? c.charCodeAt(0)))
}

async function chooseFile(page, buffer) {
  await page.getByLabel('CSV datne').setInputFiles({ name: 'personas.csv', mimeType: 'text/csv', buffer })
}

test('import: the check shows the bad row with its number and column; the import then adds the persons', async () => {
  await asLaura(async ({ page, problems }) => {
    await visit(page, '/')
    const nav = page.getByRole('navigation', { name: 'Galvenā navigācija' })
    assert.equal(await nav.getByRole('link', { name: 'Ārkārtas piekļuves' }).count(), 0, 'not for a benefits officer')
    await nav.getByRole('link', { name: 'Imports' }).click()
    await page.waitForURL(url('/import'))
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Personu imports')

    // Nothing chosen: the form says so before sending anything.
    await page.getByRole('button', { name: 'Pārbaudīt' }).click()
    assert.match(await page.locator('[data-testid="import-form"]').textContent(), /Izvēlieties CSV datni\./)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the import page')

    // The first progress answer is held at 1 of 3 rows, to see the progress bars.
    let polls = 0
    let release
    const held = new Promise((resolve) => (release = resolve))
    await page.route('**/api/v1/imports/*', async (route) => {
      if (route.request().method() !== 'GET') return route.fallback()
      polls += 1
      if (polls === 1) {
        return route.fulfill({ json: { id: 'x', state: 'running', dry_run: true, processed_rows: 1, total_rows: 3 } })
      }
      await held
      return route.fallback()
    })
    await chooseFile(page, Buffer.from(badFile))
    await page.getByRole('button', { name: 'Pārbaudīt' }).click()
    const rowsBar = page.getByRole('progressbar', { name: 'Apstrādātās rindas' })
    await rowsBar.waitFor()
    assert.equal(await rowsBar.getAttribute('value'), '33')
    assert.equal(await page.getByRole('progressbar', { name: 'Augšupielāde' }).getAttribute('value'), '100')
    assert.match(await page.locator('[data-testid="import-progress"]').textContent(), /1 \/ 3/)
    release()

    const summary = page.locator('[data-testid="import-summary"]')
    await summary.waitFor()
    await page.unroute('**/api/v1/imports/*')
    assert.equal((await summary.textContent()).trim(), 'Pārbaudītas rindas: 3; derīgas: 2; kļūdas: 1.')
    const errors = page.locator('[data-testid="import-errors"] tbody tr')
    assert.equal(await errors.count(), 1)
    const cells = (await errors.first().locator('td').allTextContents()).map((c) => c.trim())
    assert.deepEqual(cells.slice(0, 2), ['2', 'personal_code'], 'the second data row, its personal code')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the check result')

    // The import of a file with a bad row writes nothing.
    await page.getByRole('button', { name: 'Importēt' }).click()
    await page.getByText('Nekas netika importēts, jo datnē ir kļūdas (1).').waitFor()

    // The corrected file, saved by a spreadsheet in Windows-1257.
    await chooseFile(page, windows1257(goodFile))
    await page.getByLabel('Kodējums').selectOption('windows-1257')
    await page.getByRole('button', { name: 'Importēt' }).click()
    await page.getByText('Importētas personas: 2.').waitFor()
    assertNoProblems(problems, 'import')
  })
  const found = await laura.client.expect('GET', '/api/v1/persons?q=ilona%20krumina')
  assert.deepEqual(found.items.map((p) => `${p.given_names} ${p.surname} ${p.personal_code}`), [
    `Ilona Krūmiņa ${mother.code}`,
  ])
})

test('a household of the imported persons: members by search, its kind, adding and removing a member', async () => {
  await asLaura(async ({ page, problems }) => {
    await visit(page, '/households')
    await page.getByRole('link', { name: 'Jauna mājsaimniecība' }).click()
    await page.waitForURL(url('/households/new'))
    await waitForPage(page)
    await page.getByLabel('Nosaukums').fill('Krūmiņu ģimene')

    const adder = page.locator('[data-testid="add-member"]')
    async function add(q, name, relationship) {
      await adder.getByRole('searchbox', { name: 'Meklēt personu, ko pievienot' }).fill(q)
      await adder.getByRole('button', { name: `Izvēlēties (${name})` }).click()
      if (relationship) await adder.getByLabel('Radniecība').selectOption({ label: relationship })
      await adder.getByRole('button', { name: 'Pievienot', exact: true }).click()
    }
    await add('ilona krumina', 'Ilona Krūmiņa') // the first member is the reference person
    await add('karlis kruminsh', 'Kārlis Krūmiņš', 'Bērns')
    const members = page.locator('[data-testid="members"]')
    assert.equal(await members.getByLabel('Ilona Krūmiņa: radniecība').inputValue(), 'head')
    assert.equal(await members.getByLabel('Kārlis Krūmiņš: radniecība').inputValue(), 'child')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the new household')
    await page.getByRole('button', { name: 'Izveidot mājsaimniecību' }).click()

    await page.waitForURL(/\/households\/\d+\?created=1$/)
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Krūmiņu ģimene')
    assert.equal(await page.locator('[data-testid="household-kind"]').textContent(), 'Ģimene ar bērniem')
    assert.equal(await members.locator('tbody tr').count(), 2)
    const head = members.locator('tbody tr').filter({ hasText: 'Ilona Krūmiņa' })
    assert.match(await head.textContent(), /Atsauces persona/)
    assert.equal(await head.getByRole('button').count(), 0, 'the reference person cannot be removed')

    await add('peteris ozols', 'Pēteris Ozols', 'Vecvecāks')
    await page.getByText('Pēteris Ozols pievienots(-a) mājsaimniecībai.').waitFor()
    assert.equal(await members.locator('tbody tr').count(), 3)
    await members.getByRole('button', { name: 'Izņemt (Pēteris Ozols)' }).click()
    const dialog = page.getByRole('dialog', { name: 'Izņemt no mājsaimniecības?' })
    await dialog.getByRole('button', { name: 'Izņemt', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('Pēteris Ozols izņemts(-a) no mājsaimniecības.').waitFor()
    assert.equal(await members.locator('tbody tr').count(), 2)
    assert.match(await page.locator('[data-testid="past-members"]').textContent(), /Pēteris Ozols/)
    await settle(page)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the household')

    // The household is listed, with its kind.
    await visit(page, '/households')
    const row = page.locator('[data-testid="households-table"] tbody tr').filter({ hasText: 'Krūmiņu ģimene' })
    assert.match(await row.textContent(), /Ģimene ar bērniem/)
    assertNoProblems(problems, 'household')
  })
})

/** A date `days` from today in Riga, YYYY-MM-DD. */
function rigaDate(days = 0) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date())
  const [y, m, d] = today.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

test('registering a person of another department in hers: checks while typing, a confirmation, the list refreshed', async () => {
  const annaId = await findPersonId(laura.client, 'anna berzina', (p) => p.personal_code === DEMO.anna.code)
  await asLaura(async ({ page, problems }) => {
    await visit(page, `/persons/${annaId}`)
    const registrations = page.locator('[data-testid="registrations"] tbody tr')
    assert.equal(await registrations.count(), 1)
    assert.match(await registrations.first().textContent(), /Sociālā darba daļa/)

    const form = page.locator('[data-testid="register-form"]')
    const team = form.getByLabel('Komanda un daļa')
    assert.equal(await team.inputValue(), String(laura.user.teams[0].id), 'her only team is chosen')
    assert.deepEqual((await team.locator('option').allTextContents()).map((o) => o.trim()), [
      'Pabalstu speciālisti (Sociālās palīdzības daļa)',
    ])
    const channel = form.getByLabel('Vēršanās veids')
    assert.ok((await channel.locator('option').allTextContents()).map((o) => o.trim()).includes('Pa tālruni'))
    await channel.selectOption({ label: 'Pa tālruni' })

    const date = form.getByLabel('Pirmreizējās reģistrācijas datums')
    assert.equal(await date.inputValue(), rigaDate(), 'today by default')
    await date.fill(rigaDate(1))
    assert.equal(await date.getAttribute('aria-invalid'), 'true', 'marked while typing')
    assert.match(await form.textContent(), /Datums nevar būt nākotnē\./)
    await date.fill('1989-12-31')
    assert.match(await form.textContent(), /Datums nevar būt pirms 1990\. gada\./)
    await date.fill('')
    assert.match(await form.textContent(), /Šis lauks ir obligāts\./)
    await form.getByRole('button', { name: 'Reģistrēt daļā' }).click()
    assert.equal(await page.getByRole('dialog').count(), 0, 'nothing is asked with a wrong date')
    await date.fill(rigaDate(-3))
    assert.equal(await date.getAttribute('aria-invalid'), null)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the registration form')

    // The first answer is a conflict: the dialog shows it and stays open; then it is sent again.
    let conflict = true
    await page.route('**/api/v1/persons/*/registrations', (route) =>
      conflict
        ? route.fulfill({
            status: 409,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'about:blank', title: 'Konflikts', status: 409, detail: 'Persona šajā daļā jau ir reģistrēta.', errors: [],
            }),
          })
        : route.fallback(),
    )
    await form.getByRole('button', { name: 'Reģistrēt daļā' }).click()
    const dialog = page.getByRole('dialog', { name: 'Reģistrēt personu daļā?' })
    await dialog.waitFor()
    assert.match(
      await dialog.locator('h2 + p').textContent(),
      /^Persona “Anna Bērziņa” tiks reģistrēta daļā “Sociālās palīdzības daļa” \(komanda “Pabalstu speciālisti”\), datums: .+, vēršanās veids: Pa tālruni\.$/,
    )
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe with the confirmation open')
    await dialog.getByRole('button', { name: 'Reģistrēt', exact: true }).click()
    await dialog.getByText('Persona šajā daļā jau ir reģistrēta.').waitFor()
    conflict = false
    await dialog.getByRole('button', { name: 'Reģistrēt', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('Persona reģistrēta daļā “Sociālās palīdzības daļa”.').waitFor()

    assert.equal(await registrations.count(), 2)
    const added = registrations.filter({ hasText: 'Sociālās palīdzības daļa' })
    assert.match(await added.textContent(), /Pabalstu speciālisti.*Pa tālruni/)
    assert.equal(await form.count(), 0, 'no department of hers is left to register in')
    await settle(page)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe after registering')
    assertNoProblems(problems.filter((p) => !/409/.test(p)), 'registration')
  })
  const anna = await laura.client.expect('GET', `/api/v1/persons/${annaId}`)
  const assistance = anna.registrations.find((r) => r.department.code === 'assistance')
  assert.deepEqual([assistance?.channel, assistance?.first_registered_on], ['phone', rigaDate(-3)])
  assert.equal(anna.access, 'change', 'registered in her department, the record is hers to change')
  const again = await laura.client.request('POST', `/api/v1/persons/${annaId}/registrations`, {
    team_id: laura.user.teams[0].id, channel: 'visit', first_registered_on: rigaDate(),
  })
  assert.equal(again.status, 409, 'only once per department')
})
