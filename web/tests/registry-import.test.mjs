// A benefits officer (laura): importing persons from a CSV file (check first, then import, also
// in Windows-1257), and a household made of the imported persons, edited afterwards.
// This file owns the demo user `laura`: it enrols her once and the tests share that session.
// The tests run in order and build on each other.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { url, launchBrowser, visit, waitForPage, assertNoProblems, seriousAxeViolations } from './support/browser.mjs'
import { enrolUser } from './support/identity.mjs'
import { oldCode, withClientPage, wrongCheckDigit } from './support/registry.mjs'

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
