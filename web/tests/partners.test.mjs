// Partner institutions in the browser (Latvian first): a school social pedagogue's concern
// report that becomes an intake the social service sees on its intake list, and a partner who
// asks for a record that is not her institution's (the orphan's court's information request):
// the API answers 404 and the portal shows a clear "not found" page.
// Users: this file owns the demo partner users `pedagogs` (Liepājas 5. vidusskola) and
// `bariniesa` (Liepājas bāriņtiesa); it reads the intake list as the director `direktore` and
// answers a request as the social worker `janis` (intakes.test.mjs enrols both first and leaves
// them the rest of their recovery codes; no later file needs them). The demo has one open
// information request of the orphan's court.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { url, launchBrowser, visit, waitForPage, assertNoProblems, seriousAxeViolations } from './support/browser.mjs'
import { enrolUser } from './support/identity.mjs'
import { withClientPage } from './support/registry.mjs'

let browser
let pedagogue
let court
before(async () => {
  browser = await launchBrowser()
  pedagogue = await enrolUser('pedagogs')
  court = await enrolUser('bariniesa')
})
after(async () => {
  await browser?.close()
})

const settle = (page) => page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0)
const nav = (page) => page.getByRole('navigation', { name: 'Galvenā navigācija' })
const childName = `Roberts Kalniņš ${Date.now() % 100000}`

test('a school concern report becomes an intake the social service sees', async () => {
  let reference = ''
  await withClientPage(browser, pedagogue.client, async ({ page, problems }) => {
    await visit(page, '/')
    await nav(page).getByRole('link', { name: 'Partneru portāls' }).click()
    await page.waitForURL(url('/portal'))
    await waitForPage(page)
    assert.equal(await page.locator('#main h1').textContent(), 'Partneru portāls')
    assert.match(await page.getByTestId('portal-institution').textContent(), /Liepājas 5\. vidusskola/)
    // The register and the staff's lists are not hers.
    assert.equal(await nav(page).getByRole('link', { name: 'Partneri' }).count(), 0)
    assert.equal(await nav(page).getByRole('link', { name: 'Pieteikumi' }).count(), 0)

    const form = page.getByTestId('concern-form')
    // Sent empty: the form says what is missing and sends nothing.
    await form.getByTestId('concern-send').click()
    assert.equal(await form.getByLabel(/Bērna vārds, uzvārds/).getAttribute('aria-invalid'), 'true')
    await form.getByLabel(/Bērna vārds, uzvārds/).fill(childName)
    await form.getByLabel('Dzimšanas datums').fill('2015-03-02')
    await form.getByLabel(/Kas rada bažas/).fill('Bērns nāk uz skolu izsalcis.\nBieži kavē pirmās stundas.')
    await form.getByLabel('Novārtā pamešana').check()
    await form.getByLabel('Pamatvajadzības').check()
    await form.getByTestId('concern-send').click()
    const sent = page.getByTestId('concern-sent')
    await sent.waitFor()
    reference = /P-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(await sent.textContent())?.[0] ?? ''
    assert.ok(reference, 'the report has an intake reference')
    await settle(page)
    const mine = page.getByTestId('my-concerns')
    const row = mine.getByRole('row', { name: new RegExp(reference) })
    assert.match(await row.textContent(), /Saņemts, tiek izskatīts/)
    assert.match(await row.textContent(), new RegExp(childName))
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the portal')
    assertNoProblems(problems, 'portal')
  })

  // The social service has it: a routine intake of the channel "school" with the concern.
  const director = await enrolUser('direktore')
  const listed = await director.client.expect('GET', '/api/v1/intakes?status=open&urgency=routine&page_size=100')
  const intake = listed.items.find((item) => item.reference === reference)
  assert.ok(intake, `${reference} is among the open intakes`)
  assert.equal(intake.channel, 'school')
  assert.deepEqual(intake.problems, ['basic_needs', 'neglect'])
  await withClientPage(browser, director.client, async ({ page, problems }) => {
    await visit(page, '/intakes?urgency=routine')
    await page.getByLabel('Rindas lapā').selectOption('50')
    await settle(page)
    const row = page.getByTestId('intakes-table').getByRole('row', { name: new RegExp(reference) })
    assert.match(await row.textContent(), /Skola/)
    await row.getByRole('link', { name: reference }).click()
    await page.waitForURL(url(`/intakes/${intake.id}`))
    await waitForPage(page)
    assert.match(await page.getByTestId('intake-concern').textContent(), new RegExp(`${childName}[\\s\\S]*Bērns nāk uz skolu izsalcis`))
    assertNoProblems(problems, 'the intake as the director')
  })
})

test('a partner cannot open a record not referred to her institution', async () => {
  // The orphan's court's own request opens for the court.
  const requests = await court.client.expect('GET', '/api/v1/partner/requests')
  assert.ok(requests.total >= 1, 'the demo has a request of the orphan\'s court')
  const id = requests.items[0].id
  await withClientPage(browser, court.client, async ({ page, problems }) => {
    await visit(page, `/portal/requests/${id}`)
    assert.equal(await page.locator('#main h1').textContent(), 'Informācijas pieprasījums')
    assert.match(await page.getByTestId('portal-request').textContent(), new RegExp(requests.items[0].subject_name))
    assertNoProblems(problems, 'the court\'s request')
  })

  // The school's pedagogue asks for it: 404 from the API, a clear "not found" in the portal.
  const answer = await pedagogue.client.request('GET', `/api/v1/partner/requests/${id}`)
  assert.equal(answer.status, 404)
  assert.match(JSON.stringify(answer.body), /Pieprasījums nav atrasts/)
  const download = await pedagogue.client.request('GET', `/api/v1/partner/requests/${id}/opinion`)
  assert.equal(download.status, 404)
  await withClientPage(browser, pedagogue.client, async ({ page, problems }) => {
    await visit(page, `/portal/requests/${id}`)
    const card = page.getByTestId('not-found')
    await card.waitFor()
    assert.equal(await page.locator('#main h1').textContent(), 'Ieraksts nav atrasts')
    assert.match(await card.textContent(), /Šāda pieprasījuma nav vai tas nav jūsu iestādes\./)
    assert.equal(await page.getByTestId('portal-request').count(), 0)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the not-found page')
    // The only failures are the refused reads themselves.
    assert.ok(problems.length > 0 && problems.every((p) => /404/.test(p)), problems.join('\n'))
    await card.getByRole('link', { name: 'Atpakaļ uz portālu' }).click()
    await page.waitForURL(url('/portal'))
  })
})

test('a worker answers the orphan\'s court\'s request with an opinion; the court downloads it', async () => {
  const dueOn = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10)
  const request = await court.client.expect('POST', '/api/v1/partner/requests', {
    subject_name: 'Pārbaudes persona', question: 'Lūdzam sniegt atzinumu par sadarbību ar sociālo dienestu.', due_on: dueOn,
  }, 201)
  const janis = await enrolUser('janis')
  const mine = await janis.client.expect('GET', '/api/v1/cases?mine=1&page_size=100')
  const kase = mine.items.find((k) => k.stage !== 'closed' && k.person_id)
  assert.ok(kase, 'janis leads an open case of an adult')
  const opinion = await janis.client.expect('POST', `/api/v1/cases/${kase.id}/opinions`, {
    addressee: 'Liepājas bāriņtiesai', person_ids: [kase.person_id],
    sections: [{ kind: 'text', text: 'Persona sadarbojas ar sociālo dienestu.' }],
  }, 201)

  await withClientPage(browser, janis.client, async ({ page, problems }) => {
    await visit(page, '/')
    await nav(page).getByRole('link', { name: 'Pieprasījumi' }).click()
    await page.waitForURL(url('/partner-requests'))
    await waitForPage(page)
    assert.equal(await page.locator('#main h1').textContent(), 'Partneriestāžu informācijas pieprasījumi')
    const item = page.locator(`[data-request="${request.id}"]`)
    assert.match(await item.textContent(), /Liepājas bāriņtiesa/)
    await item.getByTestId('answer-open').click()
    const form = item.getByTestId('answer-form')
    await settle(page)
    // Sent without a case: the form asks for one.
    await form.getByTestId('answer-send').click()
    assert.equal(await form.getByLabel(/Gadījums/).getAttribute('aria-invalid'), 'true')
    await form.getByLabel(/Gadījums/).selectOption(String(kase.id))
    await settle(page)
    await form.getByLabel(/Atzinums/).selectOption(String(opinion.id))
    await form.getByLabel(/Piezīme iestādei/).fill('Atzinums pievienots.')
    await form.getByTestId('answer-send').click()
    // The opinion leaves the service: asked first, naming the institution and the opinion.
    const question = page.getByRole('dialog')
    await question.waitFor()
    assert.match(await question.textContent(), /Nosūtīt atzinumu iestādei „Liepājas bāriņtiesa”\?/)
    assert.match(await question.textContent(), new RegExp(opinion.reference.replaceAll('/', '\\/')))
    await question.getByTestId('confirm-yes').click()
    const done = page.getByRole('status').filter({ hasText: 'Atbildēts' })
    await done.waitFor()
    assert.match(await done.textContent(), new RegExp(opinion.reference.replaceAll('/', '\\/')))
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the requests page')
    assertNoProblems(problems, 'answering a request')
  })

  await withClientPage(browser, court.client, async ({ page, problems }) => {
    await visit(page, `/portal/requests/${request.id}`)
    const link = page.getByTestId('opinion-download')
    assert.equal((await link.textContent()).trim(), `Lejupielādēt atzinumu ${opinion.reference} (PDF)`)
    assert.match(await page.locator('#main').textContent(), /Atzinums pievienots\./)
    assertNoProblems(problems, 'the answered request')
  })
  const pdf = await fetch(url(`/api/v1/partner/requests/${request.id}/opinion`), {
    headers: { Cookie: `atbalsts_session=${court.client.cookie}` },
  })
  assert.equal(pdf.status, 200)
  assert.equal(pdf.headers.get('content-type'), 'application/pdf')
  assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-')
  // The case itself stays closed to the court.
  assert.equal((await court.client.request('GET', `/api/v1/cases/${kase.id}`)).status, 404)
})
