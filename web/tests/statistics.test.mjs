// The statistics dashboards (issue 8), in Latvian, as the director `direktore`: the page opens
// from the navigation with her municipality's figures; for a period from 2020 every chart has its
// table, and the tables hold the figures of the API's JSON for the same period (fetched with the
// page's own session and added up here independently: registrations by year and family kind,
// problem categories, risk levels, referrals, rapid response, caseload); a period that ends
// before it starts, or one of 20 years, is named next to the field and nothing is asked; a
// period without data shows the empty state; the national view suppresses small cells
// ("slēpts (<5)") exactly where the API does; the server's own 422 answer lands on the field it
// names; the XLSX download has the period in its name and is a zip file; the page reads in English
// too. A social worker (`anna`) sees her department's figures and has no scope to choose. While the
// figures load the page says so; when the server fails it shows the error and loads again on retry.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { visit, chooseLanguage, assertNoProblems, seriousAxeViolations, holdFirstThenFail } from './support/browser.mjs'
import { openReportUsers, closeReportUsers } from './support/reports.mjs'
import { withClientPage } from './support/registry.mjs'

let browser
let director
let anna

before(async () => ({ browser, director, anna } = await openReportUsers()))
after(() => closeReportUsers({ browser, director, anna }))

const squash = (s) => s.replace(/\s+/g, ' ').trim()
const text = async (locator) => squash((await locator.textContent()) ?? '')
/** A number as the Latvian UI writes it (decimal comma, at most one decimal). */
const lv = (n) => squash(new Intl.NumberFormat('lv-LV', { maximumFractionDigits: 1 }).format(n))

/** Today in Riga as YYYY-MM-DD. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date())

/** The statistics JSON of `params`, fetched in the page with its session (as the page does). */
function apiStatistics(page, params) {
  return page.evaluate(async (query) => {
    const response = await fetch(`/api/v1/reports/statistics?${query}`, { headers: { Accept: 'application/json' } })
    if (!response.ok) throw new Error(`statistics: HTTP ${response.status}`)
    return response.json()
  }, new URLSearchParams(params).toString())
}

/** A figure's table as rows of cell texts: [row header, …cells]. */
async function tableOf(page, name) {
  const panel = page.getByTestId(`figure-${name}`)
  const table = panel.locator('table')
  assert.equal(await table.locator('caption').count(), 1, `${name}: the table has a caption`)
  const rows = []
  for (const row of await table.locator('tbody tr').all()) {
    rows.push(await Promise.all((await row.locator('th, td').all()).map(text)))
  }
  return rows
}

/** A cell as the table shows it: the number, or the suppression mark. */
const shown = (value, suppressed) => (suppressed || value === null ? 'slēpts (<5)' : lv(value))

/** Sum of `count` over rows matching `match`; null (suppressed) when one of them is suppressed. */
function sum(rows, count, match) {
  let total = 0
  for (const row of rows.filter(match)) {
    if (row.suppressed) return null
    total += row[count]
  }
  return total
}

/** The page answers the request of `params` and its dashboard is drawn. */
async function settled(page, predicate) {
  await page.waitForResponse((r) => r.url().includes('/api/v1/reports/statistics?') && predicate(new URL(r.url()).searchParams))
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0)
}

test('the director reads her dashboards, changes the period and downloads the XLSX', async () => {
  const to = today()
  const from = '2020-01-01'
  await withClientPage(browser, director.client, async ({ page, problems }) => {
    await visit(page, '/')
    await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Statistika' }).click()
    await page.waitForURL(/\/statistics$/)
    await page.getByRole('heading', { level: 1, name: 'Statistika' }).waitFor()
    // The default period: this year until today, her municipality.
    const fromField = page.getByRole('textbox', { name: /^No/ })
    const toField = page.getByRole('textbox', { name: /^Līdz/ })
    assert.equal(await fromField.inputValue(), `${to.slice(0, 4)}-01-01`)
    assert.equal(await toField.inputValue(), to)
    await page.getByTestId('statistics-shown').waitFor()
    assert.match(await text(page.getByTestId('statistics-shown')), /^Rāda: Liepājas valstspilsēta/)

    // From 2020: the tables hold the API's figures of the same period.
    const answered = settled(page, (q) => q.get('from') === from && q.get('to') === to)
    await fromField.fill(from)
    await answered
    const stats = await apiStatistics(page, { from, to })
    assert.deepEqual(stats.period, { from, to })
    assert.equal(stats.suppression.applied, false)
    const figure = (section, name) => stats.sections[section][name]

    // Trends: first registrations by year, with children and adults (departments added up).
    const registrations = figure('registrations', 'first_registrations')
    const years = [...new Set(registrations.rows.map((r) => Number(r.year)))].sort()
    assert.ok(years.length > 0, 'the demo registers families')
    const expectedYears = []
    for (let y = years[0]; y <= years.at(-1); y++) {
      const of = (kind) => sum(registrations.rows, 'households', (r) => Number(r.year) === y && r.family_kind === kind)
      expectedYears.push([String(y), lv(of('with_children')), lv(of('adults'))])
    }
    assert.deepEqual(await tableOf(page, 'first_registrations'), expectedYears)
    const head = await page.getByTestId('figure-first_registrations').locator('thead th').allTextContents()
    assert.deepEqual(head.map(squash), ['Gads', 'Ģimenes ar bērniem', 'Pieaugušie'])

    // Breakdown: problem categories (most frequent first), risk levels, referrals and decisions.
    const problemsFigure = figure('intakes', 'problem_categories')
    const problemTable = await tableOf(page, 'problem_categories')
    assert.deepEqual(problemTable.map((r) => r[1]), problemsFigure.rows.map((r) => lv(r.intakes)))
    const violence = problemsFigure.rows.find((r) => r.problem === 'violence')
    if (violence) assert.ok(problemTable.some((r) => r[0] === 'Vardarbība' && r[1] === lv(violence.intakes)))
    const levels = figure('assessments', 'risk_levels')
    assert.deepEqual(await tableOf(page, 'risk_levels'), [
      ['zems', lv(sum(levels.rows, 'assessments', (r) => r.level === 'low'))],
      ['vidējs', lv(sum(levels.rows, 'assessments', (r) => r.level === 'medium'))],
      ['augsts', lv(sum(levels.rows, 'assessments', (r) => r.level === 'high'))],
      ['ļoti augsts', lv(sum(levels.rows, 'assessments', (r) => r.level === 'very_high'))],
    ])
    const referrals = figure('services', 'referrals')
    const kinds = [...new Set(referrals.rows.map((r) => r.service_kind))]
    const referralTable = await tableOf(page, 'referrals')
    assert.deepEqual(
      referralTable.map((r) => r.slice(1)),
      kinds.map((kind) => ['requested', 'granted', 'refused'].map((event) => lv(sum(referrals.rows, 'referrals', (r) => r.service_kind === kind && r.event === event)))),
    )
    assert.ok(referralTable.some((r) => r[0] === 'Grupu dzīvoklis'), 'service kinds by their Latvian names')

    // Rapid response: how many acute intakes met the 24-hour deadline.
    const rapid = figure('intakes', 'rapid_response')
    const rapidOf = (result) => sum(rapid.rows, 'intakes', (r) => r.result === result)
    assert.deepEqual(await tableOf(page, 'rapid_response'), [
      ['Termiņā (24 stundās)', lv(rapidOf('met'))],
      ['Pēc termiņa', lv(rapidOf('late'))],
      ['Vēl bez iznākuma', lv(rapidOf('undecided'))],
    ])
    const rapidTotal = rapidOf('met') + rapidOf('late') + rapidOf('undecided')
    if (rapidTotal > 0) {
      assert.equal(await text(page.getByTestId('rapid-summary')), `${rapidOf('met')} no ${rapidTotal} ātrās reaģēšanas pieteikumiem iznākums ierakstīts 24 stundu laikā.`)
    }

    // Staff: the caseload per worker of each department (no worker named), and the staff.
    const caseload = figure('staff', 'caseload')
    assert.deepEqual(
      (await tableOf(page, 'caseload')).map((r) => r.slice(1)),
      caseload.rows.map((r) => [lv(r.workers), lv(r.open_cases), lv(r.average_cases), lv(r.median_cases)]),
    )
    assert.ok(caseload.rows.length > 0, 'the demo has open cases with lead workers')
    assert.deepEqual((await tableOf(page, 'staff')).map((r) => r[1]), figure('staff', 'staff').rows.map((r) => lv(r.staff)))

    // Every figure with data has its chart (a labelled image) above its table.
    for (const name of ['first_registrations', 'problem_categories', 'referrals', 'rapid_response', 'caseload']) {
      const chart = page.getByTestId(`figure-${name}`).getByRole('img')
      assert.match((await chart.getAttribute('aria-label')) ?? '', /^Grafiks: .+ Tie paši skaitļi ir tabulā zem grafika\.$/)
      assert.equal(await chart.locator('canvas').count(), 1, `${name}: the chart is drawn`)
    }
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: statistics page')

    // A period that ends before it starts, and one of 20 years: named next to the field, not asked.
    let asked = 0
    const count = (r) => r.url().includes('/api/v1/reports/statistics?') && asked++
    page.on('request', count)
    await toField.fill('2019-12-31')
    await page.getByText('Perioda beigas nevar būt pirms tā sākuma.').waitFor()
    assert.equal(await toField.getAttribute('aria-invalid'), 'true')
    await toField.fill(to)
    await fromField.fill('2000-01-01')
    await toField.fill('2020-01-01')
    await page.getByText('Periodam jābūt īsākam par 20 gadiem.').waitFor()
    assert.equal(await toField.getAttribute('aria-invalid'), 'true')
    await page.waitForTimeout(600) // longer than the page waits before asking
    page.off('request', count)
    assert.equal(asked, 0, 'an invalid period is not sent to the server')

    // Years a date input allows but statistics cannot mean: named, not asked.
    await fromField.fill('1899-12-31')
    await page.getByText('Norādiet datumu no 1900. līdz 2100. gadam.').waitFor()
    assert.equal(await fromField.getAttribute('aria-invalid'), 'true')

    // The server's own 422 (its answer to a period ending before it starts, served here for a
    // period the page accepts, as a server with a shorter maximum period would answer): the
    // message stands next to the field it names.
    const refused = await page.evaluate(async () => {
      const response = await fetch('/api/v1/reports/statistics?from=2021-01-01&to=2020-01-01', { headers: { 'Accept-Language': 'lv' } })
      return { status: response.status, body: await response.text() }
    })
    assert.equal(refused.status, 422)
    const serverMessage = JSON.parse(refused.body).errors.find((e) => e.field === 'to').message
    await page.route('**/api/v1/reports/statistics?*', (route) =>
      route.fulfill({ status: 422, contentType: 'application/problem+json', body: refused.body }), { times: 1 })
    const refusal = settled(page, (q) => q.get('from') === '2021-01-01')
    await fromField.fill('2021-01-01')
    await toField.fill('2021-12-31')
    await refusal
    await page.locator('.field', { has: toField }).getByText(serverMessage).waitFor()
    assert.equal(await toField.getAttribute('aria-invalid'), 'true')
    assert.equal(await fromField.getAttribute('aria-invalid'), null)
    await page.getByTestId('form-problem').waitFor()
    problems.splice(0, problems.length, ...problems.filter((p) => !/HTTP 422: .*\/reports\/statistics|status of 422/.test(p)))

    // A period without any data: the empty state.
    const emptyPeriod = settled(page, (q) => q.get('from') === '1990-01-01')
    await fromField.fill('1990-01-01')
    await toField.fill('1990-12-31')
    await emptyPeriod
    await page.getByText('Izvēlētajā periodā nav datu.').waitFor()
    assert.equal(await toField.getAttribute('aria-invalid'), null)

    // One department of her municipality: its name, and that department's figures.
    const municipality = await director.client.expect('GET', '/api/v1/municipality')
    const department = municipality.departments.find((d) => d.code === 'social_work')
    const oneDepartment = settled(page, (q) => q.get('department') === String(department.id) && q.get('from') === from)
    await fromField.fill(from)
    await toField.fill(to)
    await page.getByLabel('Tvērums').selectOption(String(department.id))
    await oneDepartment
    assert.match(await text(page.getByTestId('statistics-shown')), new RegExp(`^Rāda: ${department.name.lv}, `))
    const departmentStats = await apiStatistics(page, { from, to, department: String(department.id) })
    assert.deepEqual(departmentStats.scope.department_ids, [department.id])
    assert.deepEqual((await tableOf(page, 'staff')).map((r) => r[1]), departmentStats.sections.staff.staff.rows.map((r) => lv(r.staff)))
    assert.equal(departmentStats.sections.staff.staff.rows.length, 1, 'only that department')

    // The national view: cells under 5 are suppressed where the API suppresses them.
    const national = settled(page, (q) => q.get('municipality') === 'national' && q.get('from') === from)
    await page.getByLabel('Tvērums').selectOption('national')
    await national
    assert.match(await text(page.getByTestId('statistics-shown')), /^Rāda: Valsts kopskats/)
    const nationalStats = await apiStatistics(page, { from, to, municipality: 'national' })
    assert.equal(nationalStats.suppression.applied, true)
    const nationalLevels = nationalStats.sections.assessments.risk_levels.rows
    const levelTable = await tableOf(page, 'risk_levels')
    assert.deepEqual(levelTable.map((r) => r[1]), ['low', 'medium', 'high', 'very_high'].map((level) => {
      const row = nationalLevels.find((r) => r.level === level)
      return shown(row.assessments, row.suppressed)
    }))
    const suppressedRapid = nationalStats.sections.intakes.rapid_response.rows.filter((r) => r.suppressed).length
    const shownRapid = (await tableOf(page, 'rapid_response')).filter((r) => r[1] === 'slēpts (<5)').length
    assert.equal(shownRapid, suppressedRapid)
    const anySuppressed = Object.values(nationalStats.sections).some((s) => Object.values(s).some((f) => f.rows.some((r) => r.suppressed)))
    if (anySuppressed) await page.getByText(/Valsts kopskatā šūnas ar mazāk nekā 5 gadījumiem/).first().waitFor()

    // The XLSX of the municipality's figures of the period: its name carries the period; a zip.
    const own = settled(page, (q) => !q.has('municipality') && q.get('from') === from)
    await page.getByLabel('Tvērums').selectOption('')
    await own
    const link = page.getByTestId('section-trends').getByRole('link', { name: /^Lejupielādēt XLSX/ })
    assert.equal(await link.getAttribute('href'), `/api/v1/reports/statistics.xlsx?from=${from}&to=${to}`)
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    assert.equal(download.suggestedFilename(), `statistika-${from}-${to}.xlsx`)
    const file = join(mkdtempSync(join(tmpdir(), 'atbalsts-statistics-')), download.suggestedFilename())
    await download.saveAs(file)
    const bytes = readFileSync(file)
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file is a zip')
    assert.ok(bytes.includes(Buffer.from('xl/worksheets/sheet1.xml')), 'with a worksheet')

    // In English: the same page, the same numbers.
    await chooseLanguage(page, 'en')
    await page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor()
    const englishHead = await page.getByTestId('figure-first_registrations').locator('thead th').allTextContents()
    assert.deepEqual(englishHead.map(squash), ['Year', 'Families with children', 'Adults'])
    assert.equal(await page.getByTestId('section-rapid').getByRole('heading', { level: 2 }).textContent(), 'Rapid response')
    assertNoProblems(problems, 'statistics')
  })
})

test('a social worker sees her department\'s figures and chooses no scope', async () => {
  await withClientPage(browser, anna.client, async ({ page, problems }) => {
    await visit(page, '/statistics')
    await page.getByTestId('statistics-shown').waitFor()
    assert.equal(await page.getByLabel('Tvērums').count(), 0, 'only a director chooses the scope')
    await page.getByText('Jūsu komandu daļas: rādītāji par tām daļām, kurās strādājat.').waitFor()
    const from = '2020-01-01'
    const to = today()
    const answered = settled(page, (q) => q.get('from') === from)
    await page.getByRole('textbox', { name: /^No/ }).fill(from)
    await answered
    const stats = await apiStatistics(page, { from, to })
    assert.equal(stats.scope.national, false)
    assert.ok(stats.scope.department_ids.length > 0, 'limited to her departments')
    const municipality = await anna.client.expect('GET', '/api/v1/municipality')
    const names = municipality.departments.filter((d) => stats.scope.department_ids.includes(d.id)).map((d) => d.name.lv)
    assert.ok(names.length > 0)
    assert.ok((await text(page.getByTestId('statistics-shown'))).startsWith(`Rāda: ${names.join(', ')}, 2020.`), 'her departments by name')
    assert.deepEqual((await tableOf(page, 'staff')).map((r) => r[1]), stats.sections.staff.staff.rows.map((r) => lv(r.staff)))
    assert.deepEqual(
      (await tableOf(page, 'caseload')).map((r) => r.slice(1)),
      stats.sections.staff.caseload.rows.map((r) => [lv(r.workers), lv(r.open_cases), lv(r.average_cases), lv(r.median_cases)]),
    )
    assertNoProblems(problems, 'statistics as a social worker')
  })
})

test('the page shows loading, then an error with a retry that loads the figures', async () => {
  await withClientPage(browser, anna.client, async ({ page, problems }) => {
    // The first answer waits (the loading state shows), then fails.
    const { release, calls } = await holdFirstThenFail(page, '**/api/v1/reports/statistics?*')
    await page.goto(new URL('/statistics', process.env.ATBALSTS_URL).href)
    await page.getByRole('status').filter({ hasText: 'Ielādē…' }).waitFor()
    release()
    const error = page.getByRole('alert').filter({ hasText: 'Neizdevās ielādēt datus' })
    await error.waitFor()
    assert.match(await text(error), /Iekšēja kļūda: Datubāze nav pieejama\./)
    await error.getByRole('button', { name: 'Mēģināt vēlreiz' }).click()
    await page.getByTestId('statistics-dashboard').waitFor()
    assert.equal(await page.getByRole('alert').filter({ hasText: 'Neizdevās ielādēt datus' }).count(), 0)
    assert.equal(calls(), 2)
    assertNoProblems(problems.filter((p) => !/HTTP 500: .*\/reports\/statistics|status of 500/.test(p)), 'statistics states')
  })
})
