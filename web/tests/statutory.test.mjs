// The statutory reports on the director's statistics page (issue 8, Cabinet Regulation 324/2017),
// in Latvian, as the director `direktore`: each report shows its latest ended period and its due
// date (the monthly report by the 15th of this month, the annual one by 15 February of this
// year, counted here independently of the server), the days left or, when overdue and not
// submitted, the overdue days in red; the monthly XLSX downloads with the period in its name and
// its cells (read back with unzip) hold the API's numbers of that period; "Atzīmēt kā iesniegtu"
// asks first and then shows the report as submitted. A social worker sees no such panel. While
// the list loads the panel says so; when the server fails it shows the error and loads on retry.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { visit, assertNoProblems, seriousAxeViolations, holdFirstThenFail } from './support/browser.mjs'
import { openReportUsers, closeReportUsers } from './support/reports.mjs'
import { withClientPage } from './support/registry.mjs'

let browser
let director
let anna

before(async () => ({ browser, director, anna } = await openReportUsers()))
after(() => closeReportUsers({ browser, director, anna }))

const squash = (s) => s.replace(/\s+/g, ' ').trim()
const text = async (locator) => squash((await locator.textContent()) ?? '')
/** Today in Riga as YYYY-MM-DD. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date())
/** A date as the Latvian UI writes it. */
const lvDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number)
  return new Intl.DateTimeFormat('lv', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
}
const dayNumber = (iso) => Date.UTC(...iso.split('-').map((v, i) => Number(v) - (i === 1 ? 1 : 0))) / 86400000

/** GET of the API in the page, with its session. */
function api(page, path) {
  return page.evaluate(async (p) => {
    const response = await fetch(p, { headers: { Accept: 'application/json' } })
    if (!response.ok) throw new Error(`${p}: HTTP ${response.status}`)
    return response.json()
  }, path)
}

/** The cells of the first sheet of an XLSX file on disk: "B2" → text or number as written. */
function sheetCells(file) {
  const unzip = (member) => execFileSync('unzip', ['-p', file, member]).toString('utf8')
  const shared = [...unzip('xl/sharedStrings.xml').matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1])
  const sheet = unzip('xl/worksheets/sheet1.xml')
  assert.ok(!sheet.includes('<f>'), 'no formulas')
  const cells = {}
  for (const m of sheet.matchAll(/<c r="([A-Z]+[0-9]+)"([^>]*)><v>([^<]*)<\/v><\/c>/g)) {
    cells[m[1]] = m[2].includes('t="s"') ? shared[Number(m[3])] : Number(m[3])
  }
  return cells
}

test('the director sees the due dates, downloads the monthly XLSX and marks a report submitted', async () => {
  await withClientPage(browser, director.client, async ({ page, problems }) => {
    await visit(page, '/statistics')
    const panel = page.getByTestId('statutory-reports')
    await panel.getByRole('heading', { level: 2, name: 'Valsts statistikas pārskati' }).waitFor()
    await panel.getByTestId('statutory-monthly-social-assistance').waitFor()
    const list = await api(page, '/api/v1/reports/statutory')
    const now = today()
    assert.equal(list.today, now)
    const [year, month] = now.split('-').map(Number)
    const lastMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
    const expected = {
      'monthly-social-assistance': { period: lastMonth, due: `${now.slice(0, 7)}-15` },
      'annual-social-services': { period: String(year - 1), due: `${year}-02-15` },
    }
    assert.deepEqual(list.reports.map((r) => r.name).sort(), Object.keys(expected).sort())
    for (const r of list.reports) {
      const want = expected[r.name]
      assert.equal(r.period, want.period, r.name)
      assert.equal(r.due_on, want.due, r.name)
      const daysLeft = dayNumber(want.due) - dayNumber(now)
      assert.equal(r.days_left, daysLeft, r.name)
      const row = panel.getByTestId(`statutory-${r.name}`)
      assert.ok((await text(row.getByRole('rowheader'))).startsWith(r.title.lv), r.name)
      assert.ok((await text(row.getByTestId('statutory-period'))).startsWith(`${want.period} `), r.name)
      assert.equal(await text(row.getByTestId('statutory-due')), lvDate(want.due))
      const state = row.getByTestId('statutory-state')
      if (r.submitted) {
        assert.match(await text(state), /^Iesniegts /)
      } else if (daysLeft < 0) {
        assert.equal(await text(state), `Termiņš nokavēts, dienas: ${-daysLeft}`)
        const color = await state.evaluate((el) => getComputedStyle(el).color)
        assert.equal(color, 'rgb(164, 38, 44)', 'overdue in red')
      } else if (daysLeft === 0) {
        assert.equal(await text(state), 'Termiņš ir šodien')
      } else {
        assert.equal(await text(state), `Līdz termiņam atlikušas dienas: ${daysLeft}`)
      }
    }
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: statutory reports')

    // The monthly XLSX of last month: named by the period; its cells are the API's numbers.
    const monthly = panel.getByTestId('statutory-monthly-social-assistance')
    const link = monthly.getByRole('link', { name: /^Lejupielādēt XLSX/ })
    assert.equal(await link.getAttribute('href'), `/api/v1/reports/statutory/monthly-social-assistance?period=${lastMonth}&format=xlsx&lang=lv`)
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    assert.equal(download.suggestedFilename(), `monthly-social-assistance-${lastMonth}.xlsx`)
    const file = join(mkdtempSync(join(tmpdir(), 'atbalsts-statutory-')), download.suggestedFilename())
    await download.saveAs(file)
    const cells = sheetCells(file)
    const report = await api(page, `/api/v1/reports/statutory/monthly-social-assistance?period=${lastMonth}`)
    assert.equal(cells.A1, report.title.lv)
    assert.equal(cells.A4, 'Periods')
    assert.equal(cells.B4, lastMonth)
    const rowOf = Object.fromEntries(Object.entries(cells).filter(([ref]) => ref.startsWith('A')).map(([ref, v]) => [v, ref.slice(1)]))
    const gmi = report.sections.flatMap((s) => s.rows).find((r) => r.code === '2.1')
    assert.ok(rowOf['2.1'], 'row 2.1 (GMI) is on the sheet')
    assert.equal(cells[`B${rowOf['2.1']}`], gmi.label.lv)
    assert.deepEqual(['C', 'D', 'E'].map((c) => cells[`${c}${rowOf['2.1']}`]), gmi.cells)
    assert.equal(typeof cells[`E${rowOf['2.1']}`], 'number', 'the amount is a number, not text')

    // Marking the annual report submitted: asked first, then shown as submitted.
    const annual = panel.getByTestId('statutory-annual-social-services')
    if (!list.reports.find((r) => r.name === 'annual-social-services').submitted) {
      await annual.getByRole('button', { name: /^Atzīmēt kā iesniegtu/ }).click()
      const dialog = page.getByRole('dialog', { name: 'Atzīmēt pārskatu kā iesniegtu?' })
      await dialog.waitFor()
      await dialog.getByRole('button', { name: 'Atcelt' }).click()
      await dialog.waitFor({ state: 'hidden' })
      assert.equal((await api(page, '/api/v1/reports/statutory')).reports.find((r) => r.name === 'annual-social-services').submitted, false)
      await annual.getByRole('button', { name: /^Atzīmēt kā iesniegtu/ }).click()
      await dialog.getByRole('button', { name: 'Atzīmēt kā iesniegtu' }).click()
      await dialog.waitFor({ state: 'hidden' })
    }
    await annual.getByTestId('statutory-state').getByText(/^Iesniegts /).waitFor()
    assert.equal(await annual.getByRole('button', { name: /^Atzīmēt kā iesniegtu/ }).count(), 0)
    assertNoProblems(problems, 'statutory reports')
  })
})

test('a social worker has no statutory reports panel', async () => {
  await withClientPage(browser, anna.client, async ({ page, problems }) => {
    await visit(page, '/statistics')
    await page.getByTestId('statistics-shown').waitFor()
    assert.equal(await page.getByTestId('statutory-reports').count(), 0)
    assertNoProblems(problems, 'statistics as a social worker')
  })
})

test('the panel shows loading, then an error with a retry that loads the reports', async () => {
  await withClientPage(browser, director.client, async ({ page, problems }) => {
    const { release, calls } = await holdFirstThenFail(page, '**/api/v1/reports/statutory')
    await page.goto(new URL('/statistics', process.env.ATBALSTS_URL).href)
    const panel = page.getByTestId('statutory-reports')
    await panel.getByRole('status').filter({ hasText: 'Ielādē…' }).waitFor()
    release()
    const error = panel.getByRole('alert').filter({ hasText: 'Neizdevās ielādēt datus' })
    await error.waitFor()
    await error.getByRole('button', { name: 'Mēģināt vēlreiz' }).click()
    await panel.getByTestId('statutory-monthly-social-assistance').waitFor()
    assert.equal(calls(), 2)
    assertNoProblems(problems.filter((p) => !/HTTP 500: .*\/reports\/statutory|status of 500/.test(p)), 'statutory states')
  })
})
