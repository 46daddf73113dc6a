// Exports on the statistics page (issue 8 item 4), in Latvian: the director downloads the figures
// of the period as a PDF (named by the period, a PDF file) and the persons list of her
// municipality as CSV (UTF-8 BOM, ';', the Latvian header, as many rows as the API's own count
// header says); a social worker (`anna`) is not offered the persons list, and the server refuses
// it to her (403) if she asks anyway.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { visit, assertNoProblems, url } from './support/browser.mjs'
import { openReportUsers, closeReportUsers } from './support/reports.mjs'
import { withClientPage } from './support/registry.mjs'

let browser
let director
let anna

before(async () => ({ browser, director, anna } = await openReportUsers()))
after(() => closeReportUsers({ browser, director, anna }))

/** Saves a download and returns its bytes. */
async function saved(download) {
  const file = join(mkdtempSync(join(tmpdir(), 'atbalsts-exports-')), download.suggestedFilename())
  await download.saveAs(file)
  return readFileSync(file)
}

test('the director downloads the statistics as PDF and the persons list as CSV', async () => {
  await withClientPage(browser, director.client, async ({ page, problems }) => {
    await visit(page, '/statistics')
    await page.getByTestId('statistics-shown').waitFor()
    const pdfLink = page.getByTestId('section-trends').getByRole('link', { name: /^Lejupielādēt PDF/ })
    const href = await pdfLink.getAttribute('href')
    assert.match(href, /^\/api\/v1\/reports\/statistics\.pdf\?from=\d{4}-01-01&to=\d{4}-\d\d-\d\d$/)
    const [pdf] = await Promise.all([page.waitForEvent('download'), pdfLink.click()])
    const period = new URLSearchParams(href.split('?')[1])
    assert.equal(pdf.suggestedFilename(), `statistika-${period.get('from')}-${period.get('to')}.pdf`)
    assert.equal((await saved(pdf)).subarray(0, 5).toString('latin1'), '%PDF-')

    const panel = page.getByTestId('persons-export')
    await panel.getByRole('heading', { level: 2, name: 'Personu saraksts' }).waitFor()
    const [csv] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: 'Lejupielādēt CSV' }).click()])
    assert.match(csv.suggestedFilename(), /^personas-\d{4}-\d\d-\d\d\.csv$/)
    const bytes = await saved(csv)
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM')
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter((l) => l.length > 0)
    assert.equal(lines[0], 'ID;Vārdi;Uzvārds;Personas kods;Dzimšanas datums;Adrese;Pirmoreiz reģistrēta;Pašvaldība')
    const counted = await fetch(url('/api/v1/reports/persons.csv'), { headers: { Cookie: `atbalsts_session=${director.client.cookie}` } })
    assert.equal(counted.status, 200)
    await counted.arrayBuffer()
    assert.equal(lines.length - 1, Number(counted.headers.get('x-export-rows')), 'every row of the export')
    assertNoProblems(problems, 'exports')
  }, { browserLocale: 'lv-LV' })  // a Latvian browser: the files' column titles are Latvian
})

test('a social worker is not offered the persons list and is refused it', async () => {
  await withClientPage(browser, anna.client, async ({ page, problems }) => {
    await visit(page, '/statistics')
    await page.getByTestId('statistics-shown').waitFor()
    assert.equal(await page.getByTestId('persons-export').count(), 0)
    const refused = await anna.client.request('GET', '/api/v1/reports/persons.csv')
    assert.equal(refused.status, 403)
    assertNoProblems(problems, 'exports')
  })
})
