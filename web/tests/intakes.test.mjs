// Intakes, rapid response and the worker's lists in the browser (Latvian first): the public
// request page, the intake form with its checks, an acute intake on the duty board and the
// supervisor's notification, the outcome with its confirmation, my cases and notifications.
// Users: this file owns the demo users `janis` (social worker, adults team), `karlis`
// (supervisor, adults team) and `direktore` (director). Web requests arrive in the team
// `families` (config `[cases] web_team`), whose demo users anna and ilze belong to other test
// files; the director, who reads the whole municipality's intakes, checks that the request
// arrived there. The server must be fresh (the public page allows 5 requests an hour from one
// address: this file sends 1). The tests run in order and share the sessions.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  url, launchBrowser, visit, waitForPage, chooseLanguage, assertNoProblems, seriousAxeViolations, withPage,
} from './support/browser.mjs'
import { enrolUser } from './support/identity.mjs'
import { withClientPage } from './support/registry.mjs'

let browser
let janis
let karlis
before(async () => {
  browser = await launchBrowser()
  janis = await enrolUser('janis')
  karlis = await enrolUser('karlis')
})
after(async () => {
  await browser?.close()
})

const asJanis = (body, options) => withClientPage(browser, janis.client, body, options)
const asKarlis = (body, options) => withClientPage(browser, karlis.client, body, options)
const settle = (page) => page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0)
const invalid = async (field) => (await field.getAttribute('aria-invalid')) === 'true'
const nav = (page) => page.getByRole('navigation', { name: 'Galvenā navigācija' })

/** The message shown under a field (AppField / AppSelect / TextArea: `<id>-message`). */
async function fieldMessage(page, field) {
  const id = await field.getAttribute('id')
  return (await page.locator(`[id="${id}-message"]`).textContent()).trim()
}

/** Records the requests of a method to a path the page makes from now on. */
function watchRequests(page, method, path) {
  const seen = []
  page.on('request', (request) => {
    if (request.method() === method && new URL(request.url()).pathname === path) seen.push(request.postDataJSON())
  })
  return seen
}

let webReference = ''
let acuteReference = ''
let acuteId = 0

test('public page: the 112 note, a hidden honeypot, a missing contact refused while typing', async () => {
  await withPage(browser, async ({ page, problems }) => {
    const posts = watchRequests(page, 'POST', '/api/v1/public/requests')
    await visit(page, '/palidziba')
    assert.equal(await page.locator('#main h1').textContent(), 'Pieteikties sociālajam dienestam')
    assert.equal(await page.title(), 'Pieteikties sociālajam dienestam — Atbalsts')
    const danger = page.getByTestId('danger-note')
    assert.match(await danger.textContent(), /Ja esat briesmās, zvaniet 112/)
    assert.equal(await danger.getByRole('link', { name: '112' }).getAttribute('href'), 'tel:112')

    // The honeypot: off the screen, hidden from screen readers, never reached with Tab.
    const trap = page.locator('input[name="website"]')
    assert.equal(await trap.getAttribute('tabindex'), '-1')
    assert.equal(await trap.evaluate((el) => el.closest('[aria-hidden="true"]') !== null), true)
    const box = await trap.boundingBox()
    assert.ok(!box || box.x + box.width <= 0, `the honeypot is off the screen: ${JSON.stringify(box)}`)
    await page.getByLabel('Kā varam palīdzēt?').focus()
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), null)
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Nosūtīt pieteikumu')

    // No contact: refused here, nothing is sent; giving a phone number clears the message.
    await page.getByLabel('Kā varam palīdzēt?').fill('Vajadzīga palīdzība ar mājokli.')
    await page.getByTestId('public-submit').click()
    const phone = page.getByLabel('Tālrunis')
    assert.equal(await invalid(phone), true)
    assert.equal(await fieldMessage(page, phone), 'Norādiet tālruni vai e-pastu.')
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'phone')
    await phone.fill('abc')
    assert.equal(await fieldMessage(page, phone), 'Tālrunī var būt tikai cipari, +, atstarpes, defises un iekavas.')
    await phone.fill('+371 20000000')
    assert.equal(await invalid(phone), false)
    assert.deepEqual(posts, [], 'an incomplete request is not sent')

    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the public page')
    assertNoProblems(problems, 'public page')
  })
})

test('public page: a too large request (413) and too many requests (429) are explained kindly', async () => {
  await withPage(browser, async ({ page }) => {
    await visit(page, '/palidziba')
    let status = 413
    await page.route('**/api/v1/public/requests', (route) =>
      route.fulfill({
        status,
        headers: { 'Content-Type': 'application/problem+json', ...(status === 429 ? { 'Retry-After': '1800' } : {}) },
        body: JSON.stringify({ type: 'about:blank', title: 'Error', status }),
      }),
    )
    await page.getByLabel('E-pasts').fill('iedzivotaja@example.lv')
    await page.getByLabel('Kā varam palīdzēt?').fill('Lūdzu, piezvaniet.')
    await page.getByTestId('public-submit').click()
    const limit = page.getByTestId('public-limit')
    await limit.waitFor()
    assert.equal((await limit.textContent()).trim(), 'Pieteikums ir pārāk garš. Lūdzu, saīsiniet aprakstu un nosūtiet vēlreiz.')
    status = 429
    await page.getByTestId('public-submit').click()
    await page.waitForFunction(() => /30 min/.test(document.querySelector('[data-testid="public-limit"]')?.textContent ?? ''))
    assert.match(await limit.textContent(), /mēģiniet vēlreiz pēc 30 min/)
    assert.equal(await page.getByTestId('public-receipt').count(), 0)
  })
})

test('a resident files a public request: she gets its number, and it arrives in the families team', async () => {
  await withPage(browser, async ({ page, problems }) => {
    await visit(page, '/palidziba')
    await page.getByLabel('Vārds (neobligāts)').fill('Ieva Kļaviņa')
    await page.getByLabel('Tālrunis').fill('+371 26 111 222')
    await page.getByLabel('Kā varam palīdzēt?').fill('Pēc darba zaudēšanas nevaru samaksāt par dzīvokli.\nAr mani dzīvo divi bērni.')
    await page.getByTestId('public-submit').click()
    const receipt = page.getByTestId('public-receipt')
    await receipt.waitFor()
    webReference = (await page.getByTestId('public-reference').textContent()).trim()
    assert.match(webReference, /^P-[A-HJ-KM-NP-Z2-9]{4}-[A-HJ-KM-NP-Z2-9]{4}$/)
    assert.equal(await receipt.getByRole('heading').textContent(), 'Pieteikums saņemts')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Pieteikums saņemts')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the receipt')
    assertNoProblems(problems, 'public request')
  })

  // The director reads every team's intakes: the request is a routine web intake of "families",
  // with its reporter hidden from her.
  const director = await enrolUser('direktore')
  const municipality = await director.client.expect('GET', '/api/v1/municipality')
  const families = municipality.departments.flatMap((d) => d.teams).find((team) => team.code === 'families')
  const listed = await director.client.expect('GET', '/api/v1/intakes?status=open&urgency=routine&page_size=100')
  const intake = listed.items.find((item) => item.reference === webReference)
  assert.ok(intake, `${webReference} is among the open intakes`)
  assert.equal(intake.team_id, families.id)
  assert.equal(intake.channel, 'web')
  assert.deepEqual(intake.problems, [])

  await withClientPage(browser, director.client, async ({ page, problems }) => {
    await visit(page, '/')
    await nav(page).getByRole('link', { name: 'Pieteikumi' }).click()
    await page.waitForURL(url('/intakes'))
    await waitForPage(page)
    assert.equal(await page.getByTestId('new-intake').count(), 0, 'the director only reads')
    await page.getByLabel('Steidzamība').selectOption('routine')
    await page.waitForURL(/urgency=routine/)
    await settle(page)
    await page.getByLabel('Rindas lapā').selectOption('50')
    await settle(page)
    const link = page.getByTestId('intakes-table').getByRole('link', { name: webReference })
    await link.click()
    await page.waitForURL(url(`/intakes/${intake.id}`))
    await waitForPage(page)
    assert.equal(await page.locator('#main h1').textContent(), `Pieteikums ${webReference}`)
    const details = page.getByTestId('intake-details')
    assert.match(await details.textContent(), /Tīmekļa pieteikums/)
    assert.match(await page.getByTestId('intake-reporter').textContent(), /Ziņotāja identitāte jums nav redzama/)
    assert.doesNotMatch(await details.textContent(), /Kļaviņa|26 111 222/)
    assert.match(await page.getByTestId('intake-concern').textContent(), /nevaru samaksāt par dzīvokli\.\nAr mani/)
    assert.equal(await page.getByTestId('intake-triage').count(), 0)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the intake page')
    assertNoProblems(problems, 'intake as the director')
  })
})

test('the intake form checks while typing and shows the server\'s field errors', async () => {
  await asJanis(async ({ page, problems }) => {
    await visit(page, '/intakes/new')
    assert.equal(await page.locator('#main h1').textContent(), 'Jauns pieteikums')
    const posts = watchRequests(page, 'POST', '/api/v1/intakes')
    await page.getByTestId('intake-save').click()
    const channel = page.getByLabel('Kā pieteikums saņemts')
    const name = page.getByLabel('Vārds, uzvārds')
    const concern = page.getByLabel('Pieteikuma saturs')
    assert.equal(await fieldMessage(page, channel), 'Šis lauks ir obligāts.')
    assert.equal(await fieldMessage(page, name), 'Norādiet ziņotāja vārdu.')
    assert.equal(await fieldMessage(page, concern), 'Šis lauks ir obligāts.')
    assert.match(await page.getByRole('group', { name: 'Problēmu kategorijas' }).textContent(), /Izvēlieties vismaz vienu problēmu\./)
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'channel')
    assert.deepEqual(posts, [])

    // Fixed while typing; a partner asks for the institution; anonymous hides name and contact.
    await concern.fill('Kaimiņi ziņo par skaļiem strīdiem dzīvoklī.')
    assert.equal(await invalid(concern), false)
    await page.getByLabel('Partnerinstitūcija').check()
    assert.equal(await fieldMessage(page, page.getByLabel('Iestādes nosaukums')), 'Norādiet iestādes nosaukumu.')
    await page.getByLabel('Anonīms').check()
    assert.equal(await page.getByLabel('Iestādes nosaukums').count(), 0)
    assert.equal(await page.getByLabel('Kontakts (tālrunis vai e-pasts)').count(), 0)
    await page.getByLabel('Persona', { exact: true }).check()
    await name.fill('Kaimiņiene Ieva')
    await channel.selectOption('phone')
    await page.getByLabel('Nabadzība').check()
    assert.equal(await invalid(channel), false)

    // A deadline later than the default is the server's to refuse: its message is at the field.
    assert.match(await page.getByTestId('deadline-preview').textContent(), /Pirmais kontakts līdz: /)
    const due = page.getByLabel('Savs termiņš (neobligāts)')
    const later = new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10)
    await due.fill(later)
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/intakes') && r.request().method() === 'POST')
    await page.getByTestId('intake-save').click()
    assert.equal((await answer).status(), 422)
    await page.waitForFunction(() => document.querySelector('input[name="first_contact_due_on"]')?.getAttribute('aria-invalid') === 'true')
    assert.notEqual(await fieldMessage(page, due), '')
    assert.equal(posts.length, 1)
    assert.equal(posts[0].first_contact_due_on, later)
    await due.fill('')
    assert.equal(await invalid(due), false, 'the server\'s message goes once the field is changed')

    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the intake form with errors')
    assertNoProblems(problems.filter((p) => !/HTTP 422: .*\/api\/v1\/intakes$|status of 422/.test(p)), 'intake form')
  })
})

test('the deadline preview counts working days as the server does: Good Friday and Easter Monday are days off', async () => {
  await asJanis(async ({ page, problems }) => {
    // Wednesday 24 March 2027: Easter is 28 March, so Friday 26 and Monday 29 March are holidays.
    await page.clock.setFixedTime(new Date('2027-03-24T09:00:00Z'))
    await visit(page, '/intakes/new')
    await page.getByLabel('Parasts').check()
    const expected = await page.evaluate(() =>
      new Intl.DateTimeFormat('lv', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(2027, 3, 9))))
    // 10 working days: 25, 30, 31 March, 1, 2, 5, 6, 7, 8, 9 April (not 7 April, as without Easter).
    assert.match(await page.getByTestId('deadline-preview').textContent(), new RegExp(`Pirmais kontakts līdz: ${expected}`))
    assertNoProblems(problems, 'deadline preview across Easter')
  })
})

test('a worker registers an acute intake: rapid response note, then it is on the duty board', async () => {
  await asJanis(async ({ page, problems }) => {
    await visit(page, '/')
    await nav(page).getByRole('link', { name: 'Pieteikumi' }).click()
    await page.waitForURL(url('/intakes'))
    await waitForPage(page)
    await page.getByTestId('new-intake').click()
    await page.waitForURL(url('/intakes/new'))
    await waitForPage(page)

    await page.getByLabel('Kā pieteikums saņemts').selectOption('police')
    await page.getByLabel('Vārds, uzvārds').fill('Valsts policijas Liepājas iecirknis')
    await page.getByLabel('Kontakts (tālrunis vai e-pasts)').fill('+371 63400000')
    await page.getByLabel('Pieteikuma saturs').fill('Izsaukums uz dzīvokli: vardarbība ģimenē.\nCietusī paliek mājās ar dēlu.')
    await page.getByLabel('Vardarbība', { exact: true }).check()
    await page.getByLabel('Krīze', { exact: true }).check()
    assert.equal(await page.getByTestId('acute-note').count(), 0)
    await page.getByLabel('Akūts (ātrā reaģēšana)').check()
    const note = page.getByTestId('acute-note')
    assert.match(await note.textContent(), /Ātrā reaģēšana\..*24 stundu laikā/)
    assert.equal(await page.getByLabel('Savs termiņš (neobligāts)').count(), 0, 'an acute intake has the fixed 24 hours')

    // A person concerned, found in the registry (without diacritics).
    await page.getByRole('searchbox', { name: 'Meklēt personu reģistrā' }).fill('smite')
    const add = page.getByRole('button', { name: 'Pievienot (Valentīna Šmite)' })
    await add.click()
    await page.getByTestId('intake-person').filter({ hasText: 'Valentīna Šmite' }).waitFor()

    await page.getByTestId('intake-save').click()
    await page.waitForURL(/\/intakes\/\d+\?created=1$/)
    await waitForPage(page)
    acuteId = Number(/\/intakes\/(\d+)/.exec(page.url())[1])
    const heading = await page.locator('#main h1').textContent()
    acuteReference = heading.replace('Pieteikums ', '')
    assert.match(acuteReference, /^P-\w{4}-\w{4}$/)
    assert.match(await page.getByTestId('intake-created').textContent(), new RegExp(`Pieteikums ${acuteReference} reģistrēts`))
    assert.match(await page.getByTestId('urgency').first().textContent(), /Akūts/)
    assert.match(await page.getByTestId('intake-details').textContent(), /Valentīna Šmite/)
    assert.match(await page.getByTestId('intake-reporter').textContent(), /Valsts policijas Liepājas iecirknis, \+371 63400000/)

    await nav(page).getByRole('link', { name: 'Dežūras dēlis' }).click()
    await page.waitForURL(url('/duty'))
    await waitForPage(page)
    const row = page.getByTestId('duty-table').locator('tr', { has: page.getByRole('link', { name: acuteReference }) })
    assert.equal(await row.count(), 1)
    assert.equal(await row.getByTestId('overdue').count(), 0, 'due in 24 hours: not overdue yet')
    assert.match(await page.getByTestId('duty-updated').textContent(), /^Atjaunots /)
    assert.equal(await page.getByTestId('duty-assign').count(), 0, 'a social worker does not name the duty worker')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the duty board')
    assertNoProblems(problems, 'acute intake')
  })
})

test('the supervisor sees the acute intake: the bell, the notification (marked read), the duty board', async () => {
  await asKarlis(async ({ page, problems }) => {
    await visit(page, '/')
    const bell = page.getByTestId('notification-bell')
    await page.waitForFunction(() => /nelasīti: \d+/.test(document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ?? ''))
    const before = Number(/(\d+)$/.exec(await bell.getAttribute('aria-label'))[1])
    assert.ok(before >= 1)
    assert.equal((await page.getByTestId('notification-count').textContent()).trim(), String(before))
    await bell.click()
    await page.waitForURL(url('/notifications'))
    await waitForPage(page)
    assert.equal(await page.locator('#main h1').textContent(), 'Paziņojumi')
    const item = page.getByTestId('notifications-table').locator('tr', { hasText: acuteReference })
    assert.equal(await item.count(), 1)
    assert.match(await item.textContent(), /Akūts pieteikums/)
    assert.equal(await item.getByRole('link').getAttribute('href'), `/intakes/${acuteId}`)
    await item.getByTestId('mark-read').click()
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="unread-count"]')?.textContent === `Nelasīti: ${n}`,
      before - 1,
    )
    assert.equal(await item.getByTestId('mark-read').count(), 0)
    const unreadList = page.waitForResponse((r) => /\/api\/v1\/notifications\?.*unread=1/.test(r.url()) && !/page_size=1(&|$)/.test(r.url()))
    await page.getByTestId('unread-only').check()
    await unreadList
    await settle(page)
    assert.equal(await page.locator('#main').getByText(acuteReference).count(), 0, 'a read notification is not among the unread')
    assert.equal(await bell.getAttribute('aria-label'), before - 1 ? `Paziņojumi, nelasīti: ${before - 1}` : 'Paziņojumi')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the notifications')

    await visit(page, '/duty')
    assert.equal(await page.getByTestId('duty-table').getByRole('link', { name: acuteReference }).count(), 1)
    // The supervisor names the team's duty worker among its workers.
    const team = page.getByTestId('duty-workers').locator('li', { hasText: 'Darbs ar pilngadīgām personām' })
    assert.equal((await team.getByTestId('duty-worker').textContent()).trim(), 'nav nozīmēts')
    await team.getByTestId('duty-assign').click()
    const worker = team.getByLabel('Darbinieks')
    await page.waitForFunction(() => document.querySelectorAll('select[name="user_id"] option').length > 1)
    await worker.selectOption({ label: 'Jānis Krūmiņš' })
    await team.getByTestId('duty-save').click()
    await page.waitForFunction(() => /Jānis Krūmiņš/.test(document.querySelector('[data-testid="duty-worker"]')?.textContent ?? ''))
    assert.match(await team.getByRole('status').textContent(), /Dežurants nozīmēts\./)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the duty board (supervisor)')
    assertNoProblems(problems, 'supervisor')
  })
})

test('the outcome is confirmed before it is recorded; a closed intake leaves the duty board', async () => {
  await asJanis(async ({ page, problems }) => {
    await visit(page, `/intakes/${acuteId}`)
    const outcome = page.getByTestId('intake-outcome')
    await outcome.getByLabel('Bez rīcības (ar pamatojumu)').check()
    await page.getByTestId('outcome-submit').click()
    const reason = outcome.getByLabel('Pamatojums')
    assert.equal(await fieldMessage(page, reason), 'Norādiet pamatojumu.')
    assert.equal(await page.getByTestId('confirm-dialog').isVisible(), false)
    await reason.fill('Policija nogādāja cietušo krīzes centrā; tur sniedz palīdzību.')

    // Cancelled: nothing happens.
    await page.getByTestId('outcome-submit').click()
    const dialog = page.getByTestId('confirm-dialog')
    await dialog.waitFor()
    assert.equal(await dialog.getByRole('heading').textContent(), 'Apstiprināt iznākumu')
    assert.match(await dialog.textContent(), new RegExp(`Slēgt pieteikumu ${acuteReference} bez rīcības\\?`))
    await dialog.getByRole('button', { name: 'Atcelt' }).click()
    assert.equal(await page.getByTestId('intake-status').textContent(), 'Atvērts')

    await page.getByTestId('outcome-submit').click()
    await dialog.waitFor()
    await page.getByTestId('confirm-yes').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="intake-status"]')?.textContent === 'Slēgts')
    assert.equal(await page.getByTestId('intake-outcome-value').textContent(), 'Bez rīcības')
    assert.equal(await page.getByTestId('intake-outcome').count(), 0)

    await visit(page, '/duty')
    // The demo's own acute intakes may still be on the board; this one is not.
    await settle(page)
    assert.equal(await page.getByTestId('duty-table').getByRole('link', { name: acuteReference }).count(), 0)
    assertNoProblems(problems, 'outcome')
  })
})

test('triage, then "open a case": the case page opens and the case is among my cases', async () => {
  const persons = await janis.client.expect('GET', `/api/v1/persons?q=${encodeURIComponent('Andris Zariņš')}`)
  const andris = persons.items.find((p) => p.in_scope && p.surname === 'Zariņš')
  assert.ok(andris, 'Andris Zariņš is in the adults team')
  // Jānis may already lead the demo's cases: the new one adds one to what he has.
  const before = (await janis.client.expect('GET', '/api/v1/my/work')).caseload.active
  const intake = await janis.client.expect(
    'POST',
    '/api/v1/intakes',
    {
      channel: 'visit', urgency: 'routine', reporter: { kind: 'person', name: 'Andris Zariņš' },
      concern: 'Zaudēts darbs, parādi par īri.', problems: ['unemployment'], person_ids: [andris.id],
    },
    201,
  )
  await asJanis(async ({ page, problems }) => {
    await visit(page, `/intakes/${intake.id}`)
    const triage = page.getByTestId('intake-triage')
    await triage.getByLabel('Prioritārs').check()
    await triage.getByLabel('Mājoklis').check()
    await page.getByTestId('triage-save').click()
    await page.getByTestId('triage-saved').waitFor()
    assert.match(await page.getByTestId('intake-details').textContent(), /Prioritārs.*(Bezdarbs, Mājoklis|Mājoklis, Bezdarbs)/s)

    const outcome = page.getByTestId('intake-outcome')
    await outcome.getByLabel('Atvērt gadījumu').check()
    await outcome.getByLabel('Kam atvērt gadījumu').selectOption({ label: 'Andris Zariņš' })
    await page.getByTestId('outcome-submit').click()
    const dialog = page.getByTestId('confirm-dialog')
    await dialog.waitFor()
    assert.match(await dialog.textContent(), new RegExp(`Atvērt gadījumu pēc pieteikuma ${intake.reference}\\?`))
    await page.getByTestId('confirm-yes').click()
    await page.waitForURL(/\/cases\/\d+$/)
    const caseId = Number(/\/cases\/(\d+)$/.exec(page.url())[1])
    const closed = await janis.client.expect('GET', `/api/v1/intakes/${intake.id}`)
    assert.equal(closed.case_id, caseId)
    assert.equal(closed.status, 'closed')

    await visit(page, '/my-cases')
    const row = page.getByTestId('my-cases-table').locator('tr', { has: page.locator(`a[href="/cases/${caseId}"]`) })
    assert.equal(await row.count(), 1)
    assert.match(await row.textContent(), /Andris Zariņš.*Pieteikums.*Jānis Krūmiņš/s)
    assert.match(await page.getByTestId('caseload').textContent(), new RegExp(`Aktīvie gadījumi: ${before + 1} `))
    assertNoProblems(problems.filter((p) => !p.includes('/cases/')), 'open a case')
  })
})

test('my cases and the duty board in English: accessible, with their states', async () => {
  await asJanis(async ({ page, problems }) => {
    await visit(page, '/')
    await nav(page).getByRole('link', { name: 'Mani gadījumi' }).click()
    await page.waitForURL(url('/my-cases'))
    await waitForPage(page)
    assert.equal(await page.locator('#main h1').textContent(), 'Mani gadījumi')
    const table = page.getByTestId('my-cases-table')
    await table.waitFor()
    const links = await table.locator('tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    for (const href of links) assert.match(href, /^\/cases\/\d+$/)
    if (!links.length) assert.match(await table.textContent(), /Jums nav atvērtu gadījumu\./)
    await page.getByLabel('Posms').selectOption('closed')
    await page.waitForURL(/stage=closed/)
    await settle(page)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on my cases')

    await chooseLanguage(page, 'en')
    await visit(page, '/duty')
    assert.equal(await page.locator('#main h1').textContent(), 'Duty board')
    assert.equal(await page.getByRole('heading', { name: 'Duty workers' }).count(), 1)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the duty board (en)')
    await visit(page, '/intakes/new')
    await page.getByLabel('Acute (rapid response)').check()
    assert.match(await page.getByTestId('acute-note').textContent(), /call 112/)
    assertNoProblems(problems, 'my cases, English')
  })
})

test('the supervisor sees her team\'s caseload beside her own cases', async () => {
  const active = (await janis.client.expect('GET', '/api/v1/my/work')).caseload.active
  assert.ok(active >= 1, 'Jānis leads at least the case opened above')
  await asKarlis(async ({ page, problems }) => {
    await visit(page, '/my-cases')
    const table = page.getByTestId('team-caseload')
    const row = table.locator('tr', { hasText: 'Jānis Krūmiņš' })
    assert.equal((await row.locator('td').last().textContent()).trim(), String(active))
    assert.match(await table.textContent(), /Brīdinājuma robeža: 30 aktīvi gadījumi/)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on my cases (supervisor)')
    assertNoProblems(problems, 'team caseload')
  })
})

test('the intake list: an error with a retry, then an empty filter', async () => {
  await asJanis(async ({ page }) => {
    let failures = 1
    await page.route(
      (address) => address.pathname === '/api/v1/intakes',
      (route) => {
        if (route.request().method() !== 'GET' || failures-- <= 0) return route.fallback()
        return route.fulfill({
          status: 500,
          headers: { 'Content-Type': 'application/problem+json' },
          body: JSON.stringify({ type: 'about:blank', title: 'Servera kļūda', status: 500, detail: 'Datubāze nav pieejama' }),
        })
      },
    )
    // The acute filter is answered with an empty page (the demo has acute intakes of its own).
    await page.route(
      (address) => address.pathname === '/api/v1/intakes' && address.searchParams.get('urgency') === 'acute',
      (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: [], total: 0, page: 1, page_size: 25 }) }),
    )
    await visit(page, '/intakes')
    const alert = page.getByRole('alert')
    assert.match(await alert.textContent(), /Datubāze nav pieejama/)
    await alert.getByRole('button', { name: 'Mēģināt vēlreiz' }).click()
    await page.getByTestId('intakes-table').waitFor()
    await page.getByLabel('Steidzamība').selectOption('acute')
    await page.waitForURL(/urgency=acute/)
    await page.waitForFunction(() => /Neviens pieteikums neatbilst atlasei\./.test(document.querySelector('[data-testid="intakes-table"]')?.textContent ?? ''))
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the empty intake list')
  })
})
