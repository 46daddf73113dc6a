// The caseload bar per worker on /statistics (issue 8, dashboards), in Latvian: the supervisor
// `ilze` sees the chart and a table whose rows are exactly what GET /api/v1/caseload answers her
// (worker, active cases, limit, over), and downloads the table as CSV (BOM, ';'); the director
// `direktore` gets every team of her municipality, chooses one team and sees its workers only;
// the social worker `anna` sees her own caseload (GET /api/v1/my/work) as one bar with the limit.
// A worker over the limit is marked in the table; the chart shows loading, an error with a retry,
// and the empty state.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { launchBrowser, visit, assertNoProblems, seriousAxeViolations, holdFirstThenFail } from './support/browser.mjs'
import { enrolUser } from './support/identity.mjs'
import { withClientPage } from './support/registry.mjs'

let browser
let ilze
let director
let anna

before(async () => {
  browser = await launchBrowser()
  ilze = await enrolUser('ilze', undefined, { keepCodes: 0 })
  director = await enrolUser('direktore', undefined, { keepCodes: 0 })
  anna = await enrolUser('anna', undefined, { keepCodes: 0 })
})
after(async () => {
  await browser?.close()
  for (const who of [ilze, director, anna]) await who?.client.request('DELETE', '/api/v1/session')
})

const squash = (s) => s.replace(/\s+/g, ' ').trim()
const lv = (n) => squash(new Intl.NumberFormat('lv-LV', { maximumFractionDigits: 1 }).format(n))
/** The rows the table should show for caseload items. */
const expectedRows = (items) => items.map((w) => [w.name, lv(w.active), lv(w.limit), w.over ? 'Jā' : 'Nē'])

/** The caseload table as rows of cell texts. */
async function tableRows(page) {
  const table = page.getByTestId('caseload-table')
  await table.waitFor()
  const rows = []
  for (const row of await table.locator('tbody tr').all()) {
    rows.push((await row.locator('th, td').allTextContents()).map(squash))
  }
  return rows
}

/** Waits until the chart section has settled (no load running). */
async function settledChart(page) {
  await page.getByTestId('caseload-chart').waitFor()
  await page.waitForFunction(() => {
    const section = document.querySelector('[data-testid="caseload-chart"]')
    return section && !section.querySelector('[aria-busy="true"]') && !section.querySelector('[role="status"].loading, .loading-state')
  })
}

test('the supervisor sees her team\'s caseload as bars and a table equal to the API, and downloads it', async () => {
  const answer = await ilze.client.expect('GET', '/api/v1/caseload')
  assert.ok(answer.items.length > 0, 'her team has workers')
  await withClientPage(browser, ilze.client, async ({ page, problems }) => {
    await visit(page, '/statistics')
    const section = page.getByTestId('caseload-chart')
    await section.getByRole('heading', { level: 2, name: 'Darbinieku noslodze' }).waitFor()
    await settledChart(page)
    const chart = section.getByRole('img', { name: /^Grafiks: Darbinieku noslodze, brīdinājuma robeža \d+\./ })
    await chart.waitFor()
    assert.equal(await chart.locator('canvas').count(), 1, 'ECharts drew the bars')
    const head = (await section.locator('thead th').allTextContents()).map(squash)
    assert.deepEqual(head, ['Darbinieks', 'Aktīvie gadījumi', 'Robeža', 'Pārsniegta'])
    assert.deepEqual(await tableRows(page), expectedRows(answer.items))
    assert.equal(await page.getByLabel('Komanda').count(), answer.team_ids.length > 1 ? 1 : 0, 'a team chooser only for several teams')
    const over = answer.items.filter((w) => w.over).length
    assert.equal(
      squash(await page.getByTestId('caseload-summary').textContent()),
      `Brīdinājuma robežu (${answer.limit}) pārsniedz: ${over} no ${answer.items.length}.`,
    )

    // The download: the same table, UTF-8 with a BOM, ';' between cells, CRLF.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('caseload-download').click()])
    assert.match(download.suggestedFilename(), /^noslodze-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = readFileSync(await download.path(), 'utf8')
    assert.ok(csv.startsWith('\uFEFF'), 'the file starts with a BOM')
    const lines = csv.slice(1).split('\r\n')
    assert.equal(lines.at(-1), '', 'every row ends with CRLF')
    assert.deepEqual(lines.slice(0, -1), [
      'Darbinieks;Aktīvie gadījumi;Robeža;Pārsniegta',
      ...answer.items.map((w) => [w.name, w.active, w.limit, w.over ? 'Jā' : 'Nē'].join(';')),
    ])
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: statistics page with the caseload chart')
    assertNoProblems(problems, 'caseload chart as a supervisor')
  })
})

test('a worker over the limit is marked, and a name that looks like a formula is neutralised in the CSV', async () => {
  const answer = await ilze.client.expect('GET', '/api/v1/caseload')
  const items = [
    { user_id: 901, name: 'Pārslogotā Līga', active: answer.limit + 4, limit: answer.limit, over: true },
    { user_id: 902, name: '=HYPERLINK("x";"y")', active: 2, limit: answer.limit, over: false },
  ]
  await withClientPage(browser, ilze.client, async ({ page, problems }) => {
    await page.route('**/api/v1/caseload*', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items, limit: answer.limit, team_ids: answer.team_ids }) }),
    )
    await visit(page, '/statistics')
    await settledChart(page)
    assert.deepEqual(await tableRows(page), expectedRows(items))
    const overRow = page.getByTestId('caseload-table').locator('tbody tr').first()
    assert.match((await overRow.getAttribute('class')) ?? '', /caseload-chart__over/)
    assert.equal(squash(await page.getByTestId('caseload-summary').textContent()), `Brīdinājuma robežu (${answer.limit}) pārsniedz: 1 no 2.`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('caseload-download').click()])
    const lines = readFileSync(await download.path(), 'utf8').slice(1).split('\r\n')
    assert.equal(lines[1], `Pārslogotā Līga;${answer.limit + 4};${answer.limit};Jā`)
    assert.equal(lines[2], `"'=HYPERLINK(""x"";""y"")";2;${answer.limit};Nē`)
    assertNoProblems(problems, 'caseload over the limit')
  })
})

test('the director sees every team of her municipality and chooses one', async () => {
  const municipality = await director.client.expect('GET', '/api/v1/municipality')
  const teams = municipality.departments.flatMap((d) => d.teams)
  const all = await director.client.expect('GET', '/api/v1/caseload')
  assert.deepEqual([...all.team_ids].sort((a, b) => a - b), teams.map((t) => t.id).sort((a, b) => a - b), 'every team of her municipality')
  const families = teams.find((t) => t.name.lv === 'Darbs ar ģimenēm ar bērniem') ?? teams.find((t) => t.id === all.team_ids.at(-1))
  const one = await director.client.expect('GET', `/api/v1/caseload?team_id=${families.id}`)
  await withClientPage(browser, director.client, async ({ page, problems }) => {
    await visit(page, '/statistics')
    await settledChart(page)
    assert.deepEqual(await tableRows(page), expectedRows(all.items))
    const chooser = page.getByLabel('Komanda')
    const options = (await chooser.locator('option').allTextContents()).map(squash)
    assert.deepEqual(options, ['Visas jums redzamās komandas', ...all.team_ids.map((id) => teams.find((t) => t.id === id).name.lv)])
    const answered = page.waitForResponse((r) => r.url().includes(`/api/v1/caseload?team_id=${families.id}`))
    await chooser.selectOption({ label: families.name.lv })
    await answered
    await settledChart(page)
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="caseload-table"] tbody tr').length === n, one.items.length)
    assert.deepEqual(await tableRows(page), expectedRows(one.items))
    assertNoProblems(problems, 'caseload chart as the director')
  })
})

test('a social worker sees her own caseload as one bar against the limit', async () => {
  const work = await anna.client.expect('GET', '/api/v1/my/work')
  await withClientPage(browser, anna.client, async ({ page, problems }) => {
    await visit(page, '/statistics')
    const section = page.getByTestId('caseload-chart')
    await section.getByRole('heading', { level: 2, name: 'Mana noslodze' }).waitFor()
    await settledChart(page)
    await section.getByRole('img', { name: `Grafiks: Mana noslodze, brīdinājuma robeža ${work.caseload.limit}. Tie paši skaitļi ir tabulā blakus grafikam.` }).waitFor()
    assert.deepEqual(await tableRows(page), [['Anna Bērziņa', lv(work.caseload.active), lv(work.caseload.limit), work.caseload.over ? 'Jā' : 'Nē']])
    assert.equal(await page.getByLabel('Komanda').count(), 0)
    assertNoProblems(problems, 'own caseload')
  })
})

test('the chart shows loading, an error with a retry, and the empty state', async () => {
  await withClientPage(browser, ilze.client, async ({ page, problems }) => {
    const { release, calls } = await holdFirstThenFail(page, '**/api/v1/caseload*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: [], limit: 30, team_ids: [3] }) }))
    await page.goto(new URL('/statistics', process.env.ATBALSTS_URL).href)
    const section = page.getByTestId('caseload-chart')
    await section.getByText('Ielādē noslodzi…').waitFor()
    release()
    const error = section.getByRole('alert').filter({ hasText: 'Neizdevās ielādēt datus' })
    await error.waitFor()
    assert.match(squash(await error.textContent()), /Iekšēja kļūda: Datubāze nav pieejama\./)
    await error.getByRole('button', { name: 'Mēģināt vēlreiz' }).click()
    await page.getByTestId('caseload-empty').waitFor()
    assert.match(squash(await page.getByTestId('caseload-empty').textContent()), /Izvēlētajās komandās nav darbinieku\./)
    assert.equal(await section.getByTestId('caseload-table').count(), 0)
    assert.equal(calls(), 2)
    assertNoProblems(problems.filter((p) => !/HTTP 500: .*\/caseload|status of 500/.test(p)), 'caseload states')
  })
})
