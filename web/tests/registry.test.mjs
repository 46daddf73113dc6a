// The client registry as a supervisor (ilze, families team): search as you type, the person
// page, creating persons with checks while typing, duplicates, merge and split, break-glass.
// This file owns the demo user `ilze`: it enrols her once; the tests share that session (and
// break-glass gets a session of its own, opened with a recovery code). The tests run in order.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  url, launchBrowser, visit, waitForPage, chooseLanguage, assertNoProblems, seriousAxeViolations,
} from './support/browser.mjs'
import { enrolUser, loginWithRecoveryCode } from './support/identity.mjs'
import { DEMO, findPersonId, oldCode, withClientPage, wrongCheckDigit } from './support/registry.mjs'

let browser
let ilze
before(async () => {
  browser = await launchBrowser()
  ilze = await enrolUser('ilze')
})
after(async () => {
  await browser?.close()
})

const asIlze = (body, options) => withClientPage(browser, ilze.client, body, options)
const settle = (page) => page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0)
const invalid = async (field) => (await field.getAttribute('aria-invalid')) === 'true'

/** Records the search requests (their `q`) the page makes from now on. */
function watchSearches(page) {
  const queries = []
  page.on('request', (request) => {
    const address = new URL(request.url())
    if (address.pathname === '/api/v1/persons') queries.push(address.searchParams.get('q'))
  })
  return queries
}

/** Records the changing requests (method and path) the page makes from now on. */
function watchWrites(page) {
  const writes = []
  page.on('request', (request) => {
    if (request.method() !== 'GET') writes.push(`${request.method()} ${new URL(request.url()).pathname}`)
  })
  return writes
}

test('search as you type finds a person typed without diacritics; her page shows the record', async () => {
  await asIlze(async ({ page, problems }) => {
    await visit(page, '/')
    await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Personas' }).click()
    await page.waitForURL(url('/persons'))
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Personu meklēšana')
    assert.equal(await page.title(), 'Personu meklēšana — Atbalsts')

    const queries = watchSearches(page)
    await page.getByLabel('Meklēt personu').pressSequentially('anna berzina', { delay: 40 })
    const results = page.locator('[data-testid="person-results"]')
    const link = results.getByRole('link', { name: 'Anna Bērziņa' })
    await link.waitFor()
    await settle(page)
    assert.deepEqual(queries, ['anna berzina'], 'one request, once the typing paused')
    assert.match(await results.textContent(), new RegExp(DEMO.anna.code))
    assert.match(page.url(), /\?q=anna\+berzina$/, 'the query stays in the address')
    const exportLink = page.getByRole('link', { name: 'XLSX' })
    assert.equal(await exportLink.getAttribute('href'), '/api/v1/persons/export?q=anna+berzina&format=xlsx')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the search results')

    await link.click()
    await page.waitForURL(/\/persons\/\d+$/)
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Anna Bērziņa')
    assert.match(await page.locator('[data-testid="fact-code"]').textContent(), new RegExp(DEMO.anna.code))
    assert.match(await page.locator('[data-testid="sensitive"]').textContent(), /Sensitīvi dati/)
    assert.match(await page.locator('[data-testid="person-cases"]').textContent(), /Lietu vēl nav/)
    assert.equal(await page.locator('[data-testid="person-households"]').getByRole('link', { name: 'Bērziņu ģimene' }).count(), 1)
    assert.equal(await page.locator('[data-testid="who-looked"]').count(), 1, 'a supervisor sees who looked')
    assert.equal(await page.locator('[data-testid="edit-person"]').count(), 1)
    assert.equal(await page.locator('[data-testid="register-form"]').count(), 0, 'registered in the department of her team already')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the person page')

    // Nothing found: the empty state.
    await visit(page, '/persons?q=zzqqxx')
    await page.getByText('Nekas nav atrasts').waitFor()
    assertNoProblems(problems, 'search and person page')
  })
})

test('a new person: a wrong check digit is refused while typing, the birth date comes from the code', async () => {
  await asIlze(async ({ page, problems }) => {
    await visit(page, '/persons')
    await page.getByRole('link', { name: 'Jauna persona' }).click()
    await page.waitForURL(url('/persons/new'))
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Jauna persona')

    const form = page.locator('[data-testid="person-form"]')
    await page.getByLabel('Vārds (vārdi)').fill('Laima')
    await page.getByLabel('Uzvārds').fill('Priedīte-Testa')
    const code = page.getByLabel('Personas kods')
    const rightCode = oldCode('1985-04-12', 777)
    await code.fill(wrongCheckDigit(rightCode))
    assert.ok(await invalid(code), 'marked while typing, before saving')
    assert.match(await form.textContent(), /Personas koda kontrolcipars nav pareizs\./)
    await code.fill('320000') // too short
    assert.match(await form.textContent(), /Personas kodam jābūt 11 cipariem/)
    await code.fill(rightCode.replace('-', '')) // the hyphen is optional
    assert.equal(await invalid(code), false)
    assert.equal(await page.getByLabel('Dzimšanas datums').inputValue(), '1985-04-12')

    const email = page.getByLabel('E-pasts')
    await email.fill('laima@')
    assert.match(await form.textContent(), /Ievadiet derīgu e-pasta adresi\./)
    await email.fill('laima@example.lv')
    const postal = page.getByLabel('Pasta indekss')
    await postal.fill('3401')
    assert.ok(await invalid(postal))
    assert.match(await form.textContent(), /Pasta indeksam jābūt formā LV-1234\./)
    await postal.fill('LV-3401')
    await page.getByLabel('Tālrunis').fill('+371 2612')
    assert.match(await form.textContent(), /Tālruņa numuram jābūt 8–15 cipariem/)
    await page.getByLabel('Tālrunis').fill('+371 26120000')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the form')

    await page.getByRole('button', { name: 'Reģistrēt personu' }).click()
    await page.waitForURL(/\/persons\/\d+\?created=1$/)
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Laima Priedīte-Testa')
    assert.equal((await page.locator('[data-testid="person-notice"]').textContent()).trim(), 'Persona reģistrēta.')
    assert.match(await page.locator('[data-testid="fact-code"]').textContent(), new RegExp(rightCode))
    assertNoProblems(problems, 'new person')
  })
})

test('editing a person: a new surname asks for the reason and keeps the old one in the history', async () => {
  const id = await findPersonId(ilze.client, 'laima priedite')
  await asIlze(async ({ page, problems }) => {
    await visit(page, `/persons/${id}`)
    await page.getByRole('link', { name: 'Labot datus' }).click()
    await page.waitForURL(url(`/persons/${id}/edit`))
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Labot: Laima Priedīte-Testa')
    assert.equal(await page.getByLabel('Vārda vai uzvārda maiņas iemesls').count(), 0, 'asked only when the name changes')
    await page.getByLabel('Uzvārds').fill('Kalēja')
    await page.getByLabel('Vārda vai uzvārda maiņas iemesls').selectOption('marriage')
    await page.getByLabel('Invaliditāte').fill('II grupa')
    await page.getByRole('button', { name: 'Saglabāt' }).click()
    await page.waitForURL(url(`/persons/${id}?saved=1`))
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Laima Kalēja')
    const history = page.locator('[data-testid="person-history"]')
    assert.match(await history.textContent(), /Laima Priedīte-Testa/)
    assert.match(await history.textContent(), /Laulība/)
    assert.match(await page.locator('[data-testid="sensitive"]').textContent(), /II grupa/)
    assertNoProblems(problems, 'edit')
  })
})

test('duplicates: a similar person needs a confirmation; the same personal code blocks', async () => {
  await asIlze(async ({ page, problems }) => {
    await visit(page, '/persons/new')
    const writes = watchWrites(page)
    await page.getByLabel('Vārds (vārdi)').fill('Anna')
    await page.getByLabel('Uzvārds').fill('Berzina')
    await page.getByLabel('Dzimšanas datums').fill(DEMO.anna.birth)
    const similar = page.locator('[data-testid="duplicates-similar"]')
    await similar.waitFor()
    assert.match(await similar.textContent(), /Anna Bērziņa/)
    assert.match(await similar.textContent(), /līdzīgs vārds un tas pats dzimšanas datums/)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe with the duplicate warning')

    await page.getByRole('button', { name: 'Reģistrēt personu' }).click()
    await similar.getByText('Vispirms apstipriniet, ka tā ir cita persona').waitFor()
    assert.deepEqual(writes.filter((w) => w === 'POST /api/v1/persons'), [], 'not sent without the confirmation')
    await page.getByLabel('Tā ir cita persona — izveidot tomēr').check()
    const created = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/persons')
    await page.getByRole('button', { name: 'Reģistrēt personu' }).click()
    assert.equal((await created).postDataJSON().confirm_duplicates, true)
    await page.waitForURL(/\/persons\/\d+\?created=1$/)
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Anna Berzina')

    // The same personal code as the registered Anna: blocked, nothing is sent.
    await visit(page, '/persons/new')
    writes.length = 0
    await page.getByLabel('Vārds (vārdi)').fill('Anna')
    await page.getByLabel('Uzvārds').fill('Bērziņa')
    await page.getByLabel('Personas kods').fill(DEMO.anna.code)
    const blocking = page.locator('[data-testid="duplicates-blocking"]')
    await blocking.waitFor()
    assert.match(await blocking.textContent(), /Persona ar šo personas kodu jau ir reģistrēta/)
    assert.equal(await page.locator('[data-testid="duplicates"] input[type="checkbox"]').count(), 0, 'no way around it')
    await page.getByRole('button', { name: 'Reģistrēt personu' }).click()
    await settle(page)
    assert.equal(page.url(), url('/persons/new'))
    assert.deepEqual(writes.filter((w) => w === 'POST /api/v1/persons'), [])
    assertNoProblems(problems, 'duplicates')
  })
})

test('a supervisor merges the duplicate into the person, sees it in the history, and splits it again', async () => {
  const annaId = await findPersonId(ilze.client, 'anna berzina', (p) => p.personal_code === DEMO.anna.code)
  const inScope = async () =>
    (await ilze.client.expect('GET', '/api/v1/persons?q=anna%20berzina')).items.filter((p) => p.in_scope).length
  assert.equal(await inScope(), 2, 'the duplicate of the previous test is found')
  await asIlze(async ({ page, problems }) => {
    await visit(page, `/persons/${annaId}`)
    const panel = page.locator('[data-testid="merge-panel"]')
    await panel.getByRole('searchbox', { name: 'Meklēt dublikātu' }).fill('anna berzina')
    await panel.getByRole('button', { name: /^Apvienot \(Anna Berzina\)$/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Apvienot personas?' })
    await dialog.waitFor()
    const reason = dialog.getByLabel('Pamatojums')
    await reason.fill('abc')
    assert.ok(await invalid(reason), 'too short a reason is marked while typing')
    assert.match(await dialog.textContent(), /Pamatojumam jābūt vismaz 5 rakstzīmes garam\./)
    await reason.fill('Tā pati persona, ievadīta otrreiz bez garumzīmēm')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe with the merge dialog open')
    await dialog.getByRole('button', { name: 'Apvienot', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('Personas apvienotas.').waitFor()
    const merges = page.locator('[data-testid="merges"]')
    assert.match(await merges.textContent(), /Anna Berzina/)
    assert.equal(await inScope(), 1, 'the duplicate is hidden from the search')

    await merges.getByRole('button', { name: /^Atdalīt/ }).click()
    const splitDialog = page.getByRole('dialog', { name: 'Atdalīt dublikātu?' })
    await splitDialog.getByLabel('Pamatojums').fill('Apvienots kļūdas pēc, tās ir divas personas')
    await splitDialog.getByRole('button', { name: 'Atdalīt', exact: true }).click()
    await splitDialog.waitFor({ state: 'hidden' })
    await page.getByText('Dublikāts atdalīts.').waitFor()
    assert.equal(await merges.getByRole('button', { name: /^Atdalīt/ }).count(), 0, 'a split merge cannot be split again')
    assert.match(await merges.textContent(), /Anna Berzina/, 'the merge stays in the history')
    assert.equal(await inScope(), 2, 'the duplicate is back')
    assertNoProblems(problems, 'merge and split')
  })
})

test('an out-of-scope person opens by break-glass with a reason and appears on the break-glass list', async () => {
  const client = await loginWithRecoveryCode('ilze', ilze.recoveryCodes) // break-glass lasts for one session
  await withClientPage(browser, client, async ({ page, problems }) => {
    await visit(page, '/persons')
    await page.getByLabel('Meklēt personu').fill('peteris ozols')
    const results = page.locator('[data-testid="person-results"]')
    await results.waitFor()
    await settle(page)
    const row = results.locator('tbody tr').filter({ hasText: 'Pēteris Ozols' })
    assert.match(await row.textContent(), /Ieraksts ir daļā: Sociālās palīdzības daļa/)
    assert.match(await row.textContent(), /1958/)
    assert.doesNotMatch(await row.textContent(), new RegExp(DEMO.peteris.code), 'only name, birth year and department')
    assert.equal(await row.getByRole('link').count(), 0)

    const writes = watchWrites(page)
    await row.getByRole('button', { name: /^Atvērt ārkārtas piekļuvē \(Pēteris Ozols\)$/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Atvērt ārkārtas piekļuvē?' })
    await dialog.waitFor()
    const reason = dialog.getByLabel('Pamatojums')
    await reason.fill('Zvans')
    assert.ok(await invalid(reason))
    assert.match(await dialog.textContent(), /Pamatojumam jābūt vismaz 10 rakstzīmes garam\./)
    await dialog.getByRole('button', { name: 'Atvērt ierakstu' }).click()
    assert.deepEqual(writes, [], 'a short reason is not sent')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe with the break-glass dialog')
    await reason.fill('Klients zvanīja, steidzami jāpārbauda dati')
    assert.equal(await invalid(reason), false)
    await dialog.getByRole('button', { name: 'Atvērt ierakstu' }).click()
    await page.waitForURL(/\/persons\/\d+$/)
    await waitForPage(page)
    assert.equal(await page.locator('h1').textContent(), 'Pēteris Ozols')
    assert.match(await page.locator('[data-testid="break-glass-banner"]').textContent(), /ārkārtas piekļuvē/)
    assert.equal(await page.locator('[data-testid="edit-person"]').count(), 0, 'read-only')
    assert.deepEqual(writes, ['POST /api/v1/break-glass'])
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on a break-glass record')

    await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Ārkārtas piekļuves' }).click()
    await page.waitForURL(url('/break-glass'))
    await waitForPage(page)
    const table = page.locator('[data-testid="break-glass-table"]')
    const opening = table.locator('tbody tr').filter({ hasText: 'Klients zvanīja, steidzami jāpārbauda dati' })
    assert.equal(await opening.count(), 1)
    assert.match(await opening.textContent(), /Ilze Kalniņa \(ilze\)/)
    assert.equal(await opening.getByRole('link', { name: /^Persona Nr\. \d+$/ }).count(), 1)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the break-glass list')
    assertNoProblems(problems, 'break-glass')
  })
})

test('the registry pages in English: accessible, with English texts', async () => {
  await asIlze(async ({ page, problems }) => {
    await visit(page, '/')
    await chooseLanguage(page, 'en')
    await visit(page, '/persons?q=anna')
    await page.locator('[data-testid="person-results"]').waitFor()
    await settle(page)
    assert.equal(await page.locator('h1').textContent(), 'Person search')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on /persons (en)')
    await visit(page, '/persons/new')
    await page.getByLabel('Personal code').fill(wrongCheckDigit(DEMO.anna.code))
    await page.getByText('The check digit of the personal code is wrong.').waitFor()
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on /persons/new (en)')
    assertNoProblems(problems, 'registry (en)')
  })
})

test('search: a failed request shows the error and retries', async () => {
  await asIlze(async ({ page }) => {
    let fail = true
    await page.route('**/api/v1/persons?*', (route) =>
      fail
        ? route.fulfill({
            status: 500,
            contentType: 'application/problem+json',
            body: JSON.stringify({ type: 'about:blank', title: 'Iekšēja kļūda', status: 500, detail: 'Mēģiniet vēlāk', errors: [] }),
          })
        : route.fallback(),
    )
    await visit(page, '/persons?q=anna')
    const alert = page.getByRole('alert')
    await alert.waitFor()
    assert.match(await alert.textContent(), /Iekšēja kļūda: Mēģiniet vēlāk/)
    fail = false
    await alert.getByRole('button', { name: 'Mēģināt vēlreiz' }).click()
    await page.locator('[data-testid="person-results"]').waitFor()
  })
})
