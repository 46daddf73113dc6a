// Social assistance as a benefits officer: a household from its application to a granted GMI
// benefit and its first payment — the wizard (household, means declaration with live totals,
// the calculation with its explanation, submit, decision), the decision with its payments
// calendar and PDF, the month's payment list, recalculating the decision from a later month (a
// new decision supersedes it, the old one stays) and stopping the last payment.
// This file owns the demo user `zane` (benefits officer, see support/assistance.mjs); the story
// runs in order in one test, the next one uses her session again for the "Jāpārvērtē" filter.
// The list states are shown with the server's answers replaced.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  url, launchBrowser, openPage, visit, waitForPage, chooseLanguage, assertNoProblems, seriousAxeViolations,
} from './support/browser.mjs'
import { fakeSession } from './support/identity.mjs'
import { withClientPage } from './support/registry.mjs'
import {
  OFFICER, enrolOfficer, norm, addMonths, problem, expectedFailure, grantEndingThisMonth,
} from './support/assistance.mjs'

let browser
/** The officer enrolled by the first test (her session is used again by the next one). */
let officer
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

const settle = (page) => page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0)
const text = async (locator) => norm(await locator.textContent())
/** The texts of a table row's cells. */
const cells = async (row) => (await row.locator('td').allTextContents()).map(norm)
async function noAxe(page, where) {
  await settle(page)
  assert.deepEqual(await seriousAxeViolations(page), [], `axe on ${where}`)
}

// The household's incomes (wages, counted), in euros as typed; the rest of the period is 0.
// Anna 300,50 a month; Jānis 99.99 in the first month (typed with a dot), then 0.
// Average: (3 × 300,50 + 99,99) / 3 = 1001,49 / 3 = 333,83 €.
// GMI for 4 persons from 2026-01-01: 187,00 + 131,00 × 3 = 580,00 €; benefit 580,00 − 333,83 = 246,17 €.
const BENEFIT = '246,17 €'

test(`benefits officer (${OFFICER}): the Bērziņi family from application to a granted GMI benefit and its first payment`, async () => {
  officer = await enrolOfficer()
  await withClientPage(browser, officer.client, async ({ page, problems, client }) => {
    // ---- The list, and "Jauns iesniegums" ----
    await visit(page, '/')
    await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Sociālā palīdzība' }).click()
    await page.waitForURL(url('/assistance'))
    await waitForPage(page)
    assert.equal(await text(page.locator('h1')), 'Pabalstu iesniegumi')
    assert.equal(await page.title(), 'Pabalstu iesniegumi — Atbalsts')
    await page.locator('[data-testid="applications-table"]').waitFor()
    await noAxe(page, 'the applications list')
    await page.getByRole('link', { name: 'Jauns iesniegums' }).click()
    await page.waitForURL(url('/assistance/new'))
    await waitForPage(page)

    // ---- Step 1: the household (found through a member), the applicant, GMI ----
    const steps = page.getByRole('navigation', { name: 'Iesnieguma soļi' })
    assert.equal(await text(steps.locator('[aria-current="step"]')), 'Mājsaimniecība')
    await page.getByRole('button', { name: 'Izveidot iesnieguma melnrakstu' }).click()
    assert.match(await text(page.locator('#main')), /Vispirms atrodiet un izvēlieties kādu mājsaimniecības locekli/)
    await page.getByRole('searchbox', { name: 'Meklēt mājsaimniecības locekli' }).pressSequentially('berzina anna', { delay: 30 })
    await page.getByRole('button', { name: 'Izvēlēties (Anna Bērziņa)' }).click()
    assert.match(await text(page.locator('[data-testid="picked-person"]')), /Izvēlētā persona: Anna Bērziņa/)
    const household = page.getByRole('radio', { name: 'Bērziņu ģimene' })
    await household.waitFor()
    assert.ok(await household.isChecked(), 'her only household is chosen for her')
    const applicant = page.getByRole('group', { name: 'Iesniedzējs' }).getByRole('radio', { name: /Anna Bērziņa/ })
    await applicant.waitFor()
    assert.ok(await applicant.isChecked(), 'the found person is the applicant')
    assert.equal(await page.getByRole('group', { name: 'Iesniedzējs' }).getByRole('radio').count(), 4)
    await page.getByLabel('Pabalsta veids').selectOption('gmi')
    assert.match(await text(page.locator('#main')), /Deklarācijas periods: .+ – .+ \(trīs pilni mēneši pirms iesnieguma mēneša\)/)
    await noAxe(page, 'the new application')
    await page.getByRole('button', { name: 'Izveidot iesnieguma melnrakstu' }).click()
    await page.waitForURL(/\/assistance\/\d+\?step=declaration&created=1$/)
    await waitForPage(page)
    const applicationId = Number(/\/assistance\/(\d+)/.exec(page.url())[1])
    assert.equal(await text(page.locator('h1')), `Iesniegums Nr. ${applicationId}`)
    assert.match(await text(page.locator('#main')), /Iesnieguma melnraksts izveidots/)
    assert.equal(await text(steps.locator('[aria-current="step"]')), 'Ienākumu deklarācija')

    const application = await client.expect('GET', `/api/v1/assistance/applications/${applicationId}`)
    assert.equal(application.status, 'draft')
    assert.equal(application.members.length, 4)
    const [m1, m2, m3] = application.period_months
    const id = (given) => application.members.find((m) => m.given_names === given).person_id
    const anna = id('Anna')
    const janis = id('Jānis')
    const cell = (person, month, kind = 'wages') => page.locator(`input[name="income-${person}-${month}-${kind}"]`)

    // ---- Step 2: the declaration, checked and summed as typed ----
    const first = cell(anna, m1)
    await first.fill('-5')
    assert.equal(await first.getAttribute('aria-invalid'), 'true')
    assert.match(await text(page.locator(`[data-testid="member-${anna}"]`)), /Summa nevar būt negatīva\./)
    await first.fill('12,345')
    assert.match(await text(page.locator(`[data-testid="member-${anna}"]`)), /Ne vairāk kā divi cipari aiz komata\./)
    await first.fill('300,50')
    assert.equal(await first.getAttribute('aria-invalid'), null)
    await cell(anna, m2).fill('300,5')
    await cell(anna, m3).fill('300.50')
    assert.equal(await text(page.locator(`[data-testid="member-month-${anna}-${m1}"]`)), '300,50 €')
    assert.equal(await text(page.locator(`[data-testid="member-total-${anna}"]`)), 'Kopā periodā: 901,50 €; vidēji mēnesī: 300,50 €')
    assert.equal(await text(page.locator('[data-testid="household-average"]')), '300,50 €')
    const annaGroup = page.getByRole('group', { name: /^Anna Bērziņa/ })
    const janisGroup = page.getByRole('group', { name: /^Jānis Bērziņš/ })
    await annaGroup.getByLabel('Darbspējīgs(-a)').check()
    await janisGroup.getByLabel('Darbspējīgs(-a)').check()
    await page.getByLabel('Īre un apsaimniekošana').fill('1234,5')
    await page.getByLabel('Apkure un karstais ūdens').fill('80')
    assert.equal(await text(page.locator('[data-testid="housing-total"]')), 'Mājokļa izdevumi kopā: 1 314,50 €')
    await noAxe(page, 'the declaration')

    // Jānis has no income yet: saved, but the calculation names what is missing, on his fields.
    await page.getByRole('button', { name: 'Saglabāt un aprēķināt' }).click()
    await page.waitForURL(/step=calculation/)
    await page.getByRole('button', { name: 'Labot deklarāciju' }).click()
    await page.waitForURL(/step=declaration/)
    await janisGroup.getByText(/Pieaugušajam nav norādīti ienākumi/).waitFor()
    assert.equal(await cell(anna, m2).inputValue(), '300,50', 'the saved declaration comes back')
    await cell(janis, m1).fill('99.99')
    await cell(janis, m2).fill('0')
    await cell(janis, m3).fill('0')
    assert.equal(await text(page.locator(`[data-testid="month-total-${m1}"]`)), '400,49 €')
    assert.equal(await text(page.locator('[data-testid="household-average"]')), '333,83 €')
    assert.equal(await text(page.locator('[data-testid="per-person"]')), '83,46 €')

    // Property beyond the home makes the household not needy: no GMI benefit, and the
    // explanation says why; without it the benefit is due.
    const property = annaGroup.getByLabel('Īpašums ārpus mājokļa')
    assert.equal(await janisGroup.getByLabel('Uzkrājumi virs noteiktā apmēra').isChecked(), false)
    await property.check()
    await page.getByRole('button', { name: 'Saglabāt un aprēķināt' }).click()
    await page.waitForURL(/step=calculation/)
    const summary = page.locator('[data-testid="calculation-summary"]')
    await summary.filter({ hasText: 'Mājsaimniecībai nav tiesību uz šo pabalstu.' }).waitFor()
    assert.match(await text(page.locator('[data-testid="explanation"]')), /taču mājsaimniecībai ir īpašums vai uzkrājumi \(1\. persona — īpašums ārpus mājokļa\)/)
    const saved = await client.expect('GET', `/api/v1/assistance/applications/${applicationId}`)
    assert.equal(saved.members.find((m) => m.person_id === anna).owns_property, true)
    await steps.getByRole('link', { name: 'Ienākumu deklarācija' }).click()
    await page.waitForURL(/step=declaration/)
    assert.ok(await property.isChecked(), 'the saved flag comes back')
    await property.uncheck()

    // ---- Step 3: the calculation with its explanation (also in English) ----
    // Going to the next step by the steps' links saves the changes first.
    assert.match(await text(page.locator('#main')), /Ir nesaglabātas izmaiņas/)
    await steps.getByRole('link', { name: 'Aprēķins' }).click()
    await page.waitForURL(/step=calculation/)
    await summary.filter({ hasText: 'tiesības uz pabalstu:' }).waitFor()
    assert.equal(await text(summary), `Mājsaimniecībai ir tiesības uz pabalstu: ${BENEFIT} mēnesī, 3 mēn.`)
    assert.equal(await text(page.locator('[data-testid="calculation-income"]')), '333,83 €')
    assert.equal(await text(page.locator('[data-testid="calculation-threshold"]')), '580,00 €')
    const explanation = page.locator('[data-testid="explanation"]')
    assert.match(await text(explanation), /580,00 € − 333,83 € = 246,17 €/)
    await noAxe(page, 'the calculation')
    await chooseLanguage(page, 'en')
    await page.waitForFunction(() => document.querySelector('[data-testid="explanation"]')?.dataset.locale === 'en')
    assert.match(await text(explanation), /€580\.00 − €333\.83 = €246\.17/)
    assert.equal(await text(page.locator('[data-testid="calculation-amount"]')), '€246.17')
    await noAxe(page, 'the calculation in English')
    await chooseLanguage(page, 'lv')

    // ---- Step 4: submit (the deadline starts), then decide ----
    await page.getByRole('button', { name: 'Tālāk' }).click()
    await page.waitForURL(/step=decision/)
    await page.getByRole('button', { name: 'Iesniegt iesniegumu' }).click()
    await page.locator('[data-testid="submitted-notice"]').waitFor()
    const submitted = await client.expect('GET', `/api/v1/assistance/applications/${applicationId}`)
    assert.equal(submitted.status, 'submitted')
    assert.ok(submitted.decision_due > submitted.submitted_on, 'a deadline after the submission')
    assert.match(await text(page.locator('[data-testid="application-facts"]')), /Iesniegts/)
    assert.match(await text(page.locator('[data-testid="deadline"]').first()), /^lēmums līdz /)
    await page.getByRole('button', { name: 'Pieņemt lēmumu', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Pieņemt lēmumu?' })
    await dialog.getByRole('button', { name: 'Pieņemt lēmumu', exact: true }).click()
    await page.waitForURL(/\/assistance\/decisions\/\d+\?decided=1$/)
    await waitForPage(page)

    // ---- The decision: outcome, amount, explanation, PDF, payments calendar ----
    const decisionId = Number(/decisions\/(\d+)/.exec(page.url())[1])
    assert.equal(await text(page.locator('h1')), `Lēmums Nr. ${decisionId}`)
    assert.match(await text(page.locator('#main')), /Lēmums pieņemts\./)
    assert.equal(await text(page.locator('[data-testid="decision-outcome"]')), 'Piešķirts')
    assert.equal(await text(page.locator('[data-testid="decision-amount"]')), BENEFIT)
    assert.match(await text(page.locator('[data-testid="explanation"]')), /246,17 €/)
    const firstMonth = addMonths(application.application_month, 1)
    const months = page.locator('[data-testid="payments-calendar"] li')
    assert.equal(await months.count(), 3)
    for (let i = 0; i < 3; i++) {
      const month = months.nth(i)
      assert.equal(await month.getAttribute('data-month'), addMonths(firstMonth, i))
      assert.match(await text(month), new RegExp(`${BENEFIT} Plānota$`))
    }
    const pdf = await page.request.get(url(await page.locator('[data-testid="decision-pdf"]').getAttribute('href')))
    assert.equal(pdf.status(), 200)
    assert.equal(pdf.headers()['content-type'], 'application/pdf')
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-')
    await noAxe(page, 'the decision')

    // ---- The month's payment list: the first payment, totals, CSV and XLSX ----
    await visit(page, '/assistance/payments')
    await page.getByLabel('Mēnesis', { exact: true }).fill(firstMonth)
    await page.waitForURL(url(`/assistance/payments?month=${firstMonth}`))
    const row = page.locator('[data-testid="payments-table"] tbody tr').filter({ hasText: `Lēmums Nr. ${decisionId}` })
    await row.waitFor()
    const line = await cells(row)
    assert.match(line[0], /Bērziņ/)
    assert.equal(line.at(-1), BENEFIT)
    assert.match(await text(page.locator('[data-testid="payments-totals"]')), /Izmaksu skaits: \d+; kopā /)
    const csv = await page.request.get(url(await page.locator('[data-testid="payments-csv"]').getAttribute('href')))
    assert.equal(csv.status(), 200)
    const csvText = (await csv.body()).toString('utf8')
    assert.ok(csvText.startsWith('\uFEFF'), 'CSV with a BOM for Excel')
    assert.ok(csvText.includes('246.17'), 'the payment is in the CSV')
    const xlsx = await page.request.get(url(await page.locator('[data-testid="payments-xlsx"]').getAttribute('href')))
    assert.equal(xlsx.status(), 200)
    assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK')
    await noAxe(page, 'the payments')

    // ---- The list shows the decided application; stopping the later payments ----
    await visit(page, '/assistance?status=decided')
    const listed = page.locator('[data-testid="applications-table"] tbody tr').filter({ hasText: `Iesniegums Nr. ${applicationId}` })
    await listed.waitFor()
    assert.deepEqual((await cells(listed)).slice(2, 5), ['Bērziņu ģimene', 'Anna Bērziņa', 'Izlemts'])
    await visit(page, `/assistance/decisions/${decisionId}`)
    const statuses = async () => (await months.allTextContents()).map((m) => norm(m).split(' ').at(-1))

    // ---- Recalculating from the second month: a new decision, the old one kept and linked ----
    await page.getByLabel('Pārrēķināt no mēneša').selectOption(addMonths(firstMonth, 1))
    await page.getByRole('button', { name: 'Pārrēķināt', exact: true }).click()
    const recalc = page.getByRole('dialog', { name: 'Pārrēķināt lēmumu?' })
    await recalc.getByLabel(/Pamatojums/).fill('Pārskatīti sliekšņi no nākamā mēneša.')
    await recalc.getByRole('button', { name: 'Pārrēķināt lēmumu' }).click()
    await page.waitForURL(/\/assistance\/decisions\/\d+\?recalculated=1$/)
    const newId = Number(/decisions\/(\d+)/.exec(page.url())[1])
    assert.notEqual(newId, decisionId)
    await page.getByRole('status').filter({ hasText: 'Lēmums pārrēķināts: šis ir jaunais lēmums.' }).waitFor()
    await page.locator(`h1:text("Lēmums Nr. ${newId}")`).waitFor()
    assert.equal(await text(page.locator('[data-testid="decision-supersedes"]')), `aizstāj lēmumu Nr. ${decisionId}`)
    assert.match(await text(page.locator('[data-testid="decision-facts"]')), /Pārskatīti sliekšņi no nākamā mēneša\./)
    assert.match(await text(page.locator('[data-testid="explanation"]')), new RegExp(`Pārrēķins no ${addMonths(firstMonth, 1)}: aizstāj lēmumu Nr. ${decisionId}`))
    assert.equal(await months.count(), 2)
    assert.deepEqual(await statuses(), ['Plānota', 'Plānota'])
    await noAxe(page, 'the recalculated decision')
    await page.locator('[data-testid="decision-supersedes"]').getByRole('link').click()
    await page.locator(`h1:text("Lēmums Nr. ${decisionId}")`).waitFor()
    assert.match(await text(page.locator('[data-testid="decision-superseded"]')), new RegExp(`ar lēmumu Nr. ${newId}$`))
    assert.equal(await text(page.locator('[data-testid="decision-amount"]')), BENEFIT)
    assert.deepEqual(await statuses(), ['Plānota', 'Aizstāta', 'Aizstāta'])
    assert.equal(await page.locator('[data-testid="recalculate-decision"], [data-testid="stop-decision"]').count(), 0)

    // ---- Stopping the new decision's last payment ----
    await visit(page, `/assistance/decisions/${newId}`)
    await page.getByLabel('Pārtraukt no mēneša').selectOption(addMonths(firstMonth, 2))
    await page.getByRole('button', { name: 'Pārtraukt', exact: true }).click()
    const stop = page.getByRole('dialog', { name: 'Pārtraukt izmaksas?' })
    await stop.getByLabel(/Pamatojums/).fill('Ģimene pārcēlusies uz citu pašvaldību.')
    await stop.getByRole('button', { name: 'Pārtraukt izmaksas' }).click()
    await page.getByRole('status').filter({ hasText: 'Izmaksas pārtrauktas.' }).waitFor()
    assert.match(await text(page.locator('[data-testid="decision-stopped"]')), /Ģimene pārcēlusies/)
    assert.deepEqual(await statuses(), ['Plānota', 'Pārtraukta'])
    // The application lists both decisions.
    await visit(page, `/assistance/${applicationId}?step=decision`)
    const history = page.locator('[data-testid="decision-history"] li')
    await history.first().waitFor()
    assert.equal(await history.count(), 2)
    assert.match(await text(history.first()), new RegExp(`^Lēmums Nr. ${decisionId}: ${BENEFIT} \\(aizstāts no .+ ar lēmumu Nr. ${newId}\\)$`))

    const expected = expectedFailure([/\/calculation\b/, /status of 422/]) // the incomplete declaration
    assertNoProblems(problems.filter((p) => !expected(p)), 'assistance story')
  })
})

test('applications list: "Jāpārvērtē" shows the granted benefits ending within 30 days', async () => {
  assert.ok(officer, 'the first test enrolled the officer')
  const { client } = officer
  const [gmi] = (await client.expect('GET', '/api/v1/assistance/applications?status=decided')).items
  const { application, decision } = await grantEndingThisMonth(client, { householdId: gmi.household.id, applicantId: gmi.applicant.id })
  await withClientPage(browser, client, async ({ page, problems }) => {
    await visit(page, '/assistance')
    const rows = page.locator('[data-testid="applications-table"] tbody tr')
    const row = (id) => rows.filter({ hasText: `Iesniegums Nr. ${id}` })
    await row(gmi.id).waitFor()
    const listed = page.waitForResponse((r) => new URL(r.url()).searchParams.get('review') === 'true')
    await page.getByRole('checkbox', { name: 'Jāpārvērtē' }).check()
    await page.waitForURL(url('/assistance?review=true'))
    await listed
    await row(application.id).waitFor()
    assert.equal(await row(gmi.id).count(), 0, 'the GMI benefit ends later than in 30 days')
    assert.deepEqual((await cells(row(application.id))).slice(1, 5), ['Pabalsts krīzes situācijā', 'Bērziņu ģimene', 'Anna Bērziņa', 'Izlemts'])
    await noAxe(page, 'the review filter')

    // The application shows its decision and when the period ends.
    await row(application.id).getByRole('link').click()
    await page.waitForURL(/\/assistance\/\d+/)
    const facts = page.locator('[data-testid="application-decision"]')
    await facts.waitFor()
    assert.match(await text(facts), new RegExp(`^Lēmums Nr. ${decision.id}: Piešķirts, periods līdz .+`))
    // Back to the list: the filter comes back from the address.
    await page.goBack()
    await page.waitForURL(url('/assistance?review=true'))
    assert.ok(await page.getByRole('checkbox', { name: 'Jāpārvērtē' }).isChecked())
    assertNoProblems(problems, 'review filter')
  })
})

// ---- States of the lists, with the server's answers replaced (a stand-in officer) ----

const listItem = (id, overrides = {}) => ({
  id, kind: 'gmi', status: 'submitted', household: { id: 4, name: 'Ozolu ģimene' }, applicant: { id: 9, name: 'Pēteris Ozols' },
  submitted_on: '2026-09-01', decision_due: '2026-10-01', overdue: true, ...overrides,
})

async function withOfficerPage(body) {
  const session = await openPage(browser)
  await fakeSession(session.page, { roles: ['benefits_officer'] })
  await session.page.route('**/api/v1/assistance/kinds', (route) =>
    route.fulfill({ json: { items: [{ code: 'gmi', name: { lv: 'GMI pabalsts', en: 'GMI benefit' }, rule: 'gmi' }] } }),
  )
  try {
    await body(session)
  } finally {
    await session.context.close()
  }
}

const isList = (address) => address.pathname === '/api/v1/assistance/applications'

test('applications list: loading, an error with retry, an overdue badge, and an empty filter', async () => {
  await withOfficerPage(async ({ page }) => {
    let release
    const held = new Promise((resolve) => (release = resolve))
    let calls = 0
    await page.route(isList, async (route) => {
      calls += 1
      const query = new URL(route.request().url()).searchParams
      if (calls === 1) {
        await held
        return route.fulfill(problem(500, 'Iekšēja kļūda'))
      }
      const items = query.get('overdue') === 'true' ? [] : [listItem(7), listItem(8, { status: 'draft', overdue: false, submitted_on: null, decision_due: null })]
      return route.fulfill({ json: { items, total: items.length, page: 1, page_size: 20 } })
    })
    await page.goto(url('/assistance'))
    await page.getByRole('status').filter({ hasText: 'Ielādē…' }).waitFor()
    release()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    assert.match(await text(alert), /Neizdevās ielādēt datus.*Iekšēja kļūda/)
    await alert.getByRole('button', { name: 'Mēģināt vēlreiz' }).click()

    const rows = page.locator('[data-testid="applications-table"] tbody tr')
    await rows.first().waitFor()
    assert.equal(await rows.count(), 2)
    assert.deepEqual((await cells(rows.first())).slice(0, 5), ['Iesniegums Nr. 7', 'GMI pabalsts', 'Ozolu ģimene', 'Pēteris Ozols', 'Iesniegts'])
    assert.equal(await text(rows.first().locator('[data-testid="overdue"]')), 'Nokavēts')
    assert.equal(await rows.nth(1).locator('[data-testid="overdue"]').count(), 0)
    await noAxe(page, 'the applications list with an overdue application')

    await page.getByLabel('Tikai nokavētie').check()
    await page.waitForURL(url('/assistance?overdue=true'))
    await page.getByText('Neviens iesniegums neatbilst atlasei.').waitFor()
  })
})

test('payments: a month without payments is an empty state; a failed list can be loaded again', async () => {
  await withOfficerPage(async ({ page }) => {
    let fail = true
    await page.route((address) => address.pathname === '/api/v1/assistance/payments', (route) =>
      fail ? route.fulfill(problem(503, 'Serveris nav pieejams')) : route.fulfill({ json: { month: '2025-01', items: [], total: 0 } }),
    )
    await visit(page, '/assistance/payments?month=2025-01')
    assert.equal(await text(page.locator('[data-testid="payments-month"]')), '2025. g. janvāris')
    const alert = page.getByRole('alert')
    assert.match(await text(alert), /Serveris nav pieejams/)
    fail = false
    await alert.getByRole('button', { name: 'Mēģināt vēlreiz' }).click()
    await page.getByText('Šajā mēnesī izmaksu nav').waitFor()
    assert.equal(await text(page.locator('[data-testid="payments-totals"]')), 'Izmaksu skaits: 0; kopā 0,00 €')
    await noAxe(page, 'an empty payment list')
  })
})
