// The day plan of the demo mobile social service, in Latvian, as the adults' team's social worker
// `janis` (the service's clients come from his team's cases): from the service page he opens the
// day plan, plans a new route on a day without routes, puts two placed clients on it, moves the
// first down, records the visit of the now second one (it goes to her delivery log), downloads
// the day list (PDF, the clients in route order) and moves the other client to another day.
// Then he changes a route in place (its name, vehicle and crew, checked while typing) and
// cancels another after the confirmation. Last, `ilze` (lead worker of the demo case whose group
// apartment referral has waited 40 days for its decision) finds the overdue-decision
// notification the server made at its start, in Latvian and English, leading to the case.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchBrowser, visit, assertNoProblems, seriousAxeViolations, chooseLanguage } from './support/browser.mjs'
import { enrolUser } from './support/identity.mjs'
import { withClientPage } from './support/registry.mjs'

let browser
let janis
const dir = mkdtempSync(join(tmpdir(), 'atbalsts-mobile-'))

before(async () => {
  browser = await launchBrowser()
  janis = await enrolUser('janis', undefined, { keepCodes: 0 })
})
after(async () => {
  await browser?.close()
  await janis?.client.request('DELETE', '/api/v1/session')
  rmSync(dir, { recursive: true, force: true })
})

const text = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()

/** Today in Riga as YYYY-MM-DD, and `days` later. */
function rigaDay(days = 0) {
  const d = new Date(Date.now() + days * 86400000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(d)
}

test('a day is planned with two clients, reordered, a visit recorded and the day list printed', async () => {
  const catalogue = await janis.client.expect('GET', '/api/v1/services')
  const service = catalogue.items.find((s) => s.kind === 'mobile_service')
  assert.ok(service, 'the demo has a mobile social service')
  // A past day without routes (the demo plans a week ago, today and next week), so the visit
  // can be recorded: the clients were placed at least a month ago.
  const free = []
  for (let back = 2; back < 40 && free.length < 2; back += 1) {
    if (back === 7) continue
    const plans = await janis.client.expect('GET', `/api/v1/services/${service.id}/days/${rigaDay(-back)}`)
    if (!plans.plans.length) free.push(rigaDay(-back))
  }
  assert.equal(free.length, 2, 'two free days')
  const [day, otherDay] = free
  const route = `Grobiņa – Bārta ${Date.now() % 100000}`
  // Another route on another day, to move a stop to.
  await janis.client.expect('POST', `/api/v1/services/${service.id}/days/${otherDay}/plans`, { route: 'Nīca – Rucava' }, 201)
  const names = []

  await withClientPage(browser, janis.client, async ({ page, problems }) => {
    await visit(page, `/services/${service.id}`)
    await page.locator('[data-testid="mobile-day-link"]').click()
    await page.getByRole('heading', { name: /Mobilā dienesta dienas plāns/ }).waitFor()
    // Today: the demo route with its stops, named.
    const today = page.locator('[data-testid="mobile-plan"]').first()
    await today.getByRole('heading', { name: 'Maršruts: Grobiņa – Bārta' }).waitFor()
    assert.ok((await today.locator('[data-testid="mobile-stop"]').count()) >= 2)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: day plan')

    await visit(page, `/services/${service.id}/days/${day}`)
    await page.getByText('Šajā dienā neviens maršruts nav plānots.').waitFor()
    const planForm = page.locator('[data-testid="mobile-new-plan"]')
    await planForm.getByLabel(/^Maršruts/).fill(route)
    await planForm.getByLabel(/^Transportlīdzeklis/).fill('VW Caddy, LM-4127')
    await planForm.getByRole('button', { name: 'Izveidot maršrutu' }).click()
    await page.getByText(`Maršruts “${route}” izveidots.`).waitFor()
    const plan = page.locator('[data-testid="mobile-plan"]', { has: page.getByRole('heading', { name: `Maršruts: ${route}` }) })
    await plan.getByText('Maršrutā vēl nav neviena klienta.').waitFor()

    // Two clients, the first with a time window and a hot meal.
    for (const [from, to] of [['09:00', '10:00'], ['10:30', '11:30']]) {
      await plan.getByRole('button', { name: 'Pievienot klientu maršrutam' }).click()
      const form = plan.locator('[data-testid="mobile-add-stop"]')
      const choice = form.getByLabel(/^Klients/)
      const options = (await choice.locator('option').allTextContents()).filter((o) => o.trim() && !/Izvēlieties/.test(o))
      assert.ok(options.length, 'a placed client to add')
      await choice.selectOption({ label: options[0] })
      names.push(options[0].trim())
      await form.getByLabel(/^No \(SS:MM\)/).fill(from)
      await form.getByLabel(/^Līdz \(SS:MM\)/).fill(to)
      await form.getByLabel('Siltā maltīte').check()
      await form.getByRole('button', { name: 'Pievienot', exact: true }).click()
      await page.getByText('Klients pievienots maršrutam.').waitFor()
      await plan.locator('[data-testid="mobile-stop"]', { hasText: options[0].trim() }).waitFor()
    }
    const stops = plan.locator('[data-testid="mobile-stop-name"]')
    assert.deepEqual(await stops.allTextContents().then((l) => l.map((s) => s.trim())), names)

    // The first goes down: the order turns.
    await plan.getByRole('button', { name: `Uz leju: ${names[0]}` }).click()
    await page.getByText('Secība mainīta.').waitFor()
    await plan.locator('[data-testid="mobile-stop"]').first().filter({ hasText: names[1] }).waitFor()
    assert.deepEqual(await stops.allTextContents().then((l) => l.map((s) => s.trim())), [names[1], names[0]])

    // The visit of the (now second) first client.
    const stop = plan.locator('[data-testid="mobile-stop"]', { hasText: names[0] })
    assert.match(await text(stop), /^2\.\s*09:00–10:00/)
    await stop.getByRole('button', { name: 'Reģistrēt apmeklējumu' }).click()
    const visitForm = stop.locator('[data-testid="mobile-visit-form"]')
    await visitForm.getByLabel(/^Rezultāts/).selectOption({ label: 'Apmeklēts' })
    await visitForm.getByLabel(/^Piezīmes par apmeklējumu/).fill('Viss kārtībā, pusdienas atstātas.')
    await visitForm.getByRole('button', { name: 'Saglabāt apmeklējumu' }).click()
    await page.getByText('Apmeklējums reģistrēts.').waitFor()
    await stop.locator('[data-testid="mobile-stop-outcome"]', { hasText: 'Apmeklēts' }).waitFor()
    assert.equal(await text(stop.locator('[data-testid="mobile-stop-outcome"]')), 'Apmeklēts')
    assert.match(await text(stop), /Siltā maltīte; Viss kārtībā/)

    // The day list (PDF): both clients in route order.
    const [download] = await Promise.all([page.waitForEvent('download'), plan.locator('[data-testid="mobile-day-list"]').click()])
    const file = join(dir, 'marsruta-lapa.pdf')
    await download.saveAs(file)
    assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-')
    let pdfText = ''
    try {
      pdfText = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    } catch (e) {
      if (e.code !== 'ENOENT') throw e // no pdftotext installed: the header check above must do
    }
    if (pdfText) {
      const flat = pdfText.replace(/\s+/g, ' ')
      assert.match(flat, /MARŠRUTA LAPA/)
      assert.ok(flat.includes(route), 'the route is in the PDF')
      assert.ok(flat.indexOf(names[1]) >= 0 && flat.indexOf(names[1]) < flat.indexOf(names[0]), 'the clients in route order')
      assert.match(flat, /Apmeklēts/)
    }

    // The other client moves to the other day's route.
    const first = plan.locator('[data-testid="mobile-stop"]', { hasText: names[1] })
    await first.getByRole('button', { name: 'Pārcelt uz citu dienu' }).click()
    const moveForm = first.locator('[data-testid="mobile-move-form"]')
    await moveForm.getByLabel(/^Datums/).fill(otherDay)
    await moveForm.getByLabel(/^Maršruts/).selectOption({ label: 'Nīca – Rucava' })
    await moveForm.getByRole('button', { name: 'Pārcelt', exact: true }).click()
    await page.getByText(/Pietura pārcelta uz/).waitFor()
    await plan.locator('[data-testid="mobile-stop"]', { hasText: names[1] }).waitFor({ state: 'detached' })
    assert.match(await text(plan.locator('[data-testid="mobile-stop"]')), /^1\.\s*09:00–10:00/)
    assertNoProblems(problems, 'mobile day plan')
  }, { browserLocale: 'lv-LV' })

  // The visit is in the client's delivery log, on the plan's day.
  const saved = await janis.client.expect('GET', `/api/v1/services/${service.id}/days/${day}`)
  const visited = saved.plans[0].stops.find((s) => s.outcome === 'visited')
  assert.ok(visited?.delivery_id, 'the visit has its delivery')
  const moved = await janis.client.expect('GET', `/api/v1/services/${service.id}/days/${otherDay}`)
  assert.deepEqual(moved.plans[0].stops.map((s) => s.person.name), [names[1]])
  const referral = await janis.client.expect('GET', `/api/v1/referrals/${visited.referral_id}`)
  assert.ok(referral.deliveries.some((d) => d.id === visited.delivery_id && d.delivered_on === day && d.attended))
})

test('a route is changed in place and another cancelled after the confirmation', async () => {
  const catalogue = await janis.client.expect('GET', '/api/v1/services')
  const service = catalogue.items.find((s) => s.kind === 'mobile_service')
  const day = rigaDay(20)
  const suffix = Date.now() % 100000
  const route = `Priekule ${suffix}`
  const other = `Vaiņode ${suffix}`
  await janis.client.expect('POST', `/api/v1/services/${service.id}/days/${day}/plans`, { route, vehicle: 'VW Caddy' }, 201)
  await janis.client.expect('POST', `/api/v1/services/${service.id}/days/${day}/plans`, { route: other }, 201)

  await withClientPage(browser, janis.client, async ({ page, problems }) => {
    await visit(page, `/services/${service.id}/days/${day}`)
    const plan = page.locator('[data-testid="mobile-plan"]', { has: page.getByRole('heading', { name: `Maršruts: ${route}` }) })
    await plan.getByRole('button', { name: `Labot maršrutu (${route})` }).click()
    const form = plan.locator('[data-testid="mobile-plan-edit"]')
    // As one types: the name is required and at most 200 characters.
    const name = form.getByLabel(/^Maršruts/)
    await name.fill('')
    await form.getByText('Norādiet maršruta nosaukumu.').waitFor()
    await name.fill('x'.repeat(201))
    await form.getByText('Maršruta nosaukums ir pārāk garš (ne vairāk kā 200 rakstzīmes).').waitFor()
    // A route the day already has: the server's answer next to the field.
    await name.fill(other)
    await form.getByRole('button', { name: 'Saglabāt izmaiņas' }).click()
    await form.getByText('Šajā dienā šāds maršruts jau ir plānots.').first().waitFor()
    // The new name, vehicle and crew (found by name).
    await name.fill(`${route} – Kalēti`)
    await form.getByLabel(/^Transportlīdzeklis/).fill('Ford Transit, KT-1010')
    await form.getByLabel(/^Pievienot brigādei darbinieku/).fill('Jān')
    await form.getByRole('button', { name: /^Pievienot/ }).first().click()
    await form.locator('[data-testid="mobile-crew-member"]').first().waitFor()
    const member = await text(form.locator('[data-testid="mobile-crew-member"]').first())
    await form.getByRole('button', { name: 'Saglabāt izmaiņas' }).click()
    await page.getByText('Maršruts saglabāts.').waitFor()
    const changed = page.locator('[data-testid="mobile-plan"]', { has: page.getByRole('heading', { name: `Maršruts: ${route} – Kalēti` }) })
    await changed.getByText('Ford Transit, KT-1010').waitFor()
    assert.match(await text(changed), new RegExp(`Brigāde\\s*${member.replace(/\s*✕.*$/, '')}`))
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: route edited')

    // The other route is cancelled, after the question.
    const second = page.locator('[data-testid="mobile-plan"]', { has: page.getByRole('heading', { name: `Maršruts: ${other}` }) })
    await second.getByRole('button', { name: `Atcelt maršrutu (${other})` }).click()
    const dialog = page.getByRole('dialog', { name: `Atcelt maršrutu “${other}”?` })
    await dialog.getByText('Maršruts tiks atcelts. Tajā nav neviena klienta.').waitFor()
    await dialog.getByRole('button', { name: 'Atcelt maršrutu' }).click()
    await page.getByText(`Maršruts “${other}” atcelts.`).waitFor()
    await second.waitFor({ state: 'detached' })
    const expected = (p) => /HTTP 409: .*\/plans\/\d+$/.test(p) || /status of 409/.test(p) // the taken route
    assertNoProblems(problems.filter((p) => !expected(p)), 'mobile route edit and cancel')
  }, { browserLocale: 'lv-LV' })

  const saved = await janis.client.expect('GET', `/api/v1/services/${service.id}/days/${day}`)
  assert.deepEqual(saved.plans.map((p) => [p.route, p.vehicle, p.crew.length]), [[`${route} – Kalēti`, 'Ford Transit, KT-1010', 1]])
})

test('an overdue referral decision is a notification of the lead worker, in Latvian and English', async () => {
  const ilze = await enrolUser('ilze', undefined, { keepCodes: 0 })
  try {
    const all = await ilze.client.expect('GET', '/api/v1/notifications?page_size=100')
    const overdue = all.items.filter((n) => n.kind === 'decision_overdue')
    assert.equal(overdue.length, 1, 'the server alerted the demo referral once at its start')
    const [alert] = overdue
    assert.equal(alert.entity_type, 'referral')
    assert.match(alert.message.lv, /^Gadījuma #\d+ nosūtījumam uz pakalpojumu “Grupu dzīvoklis “Cerība”” nav pieņemts lēmums; termiņš bija \d{4}-\d{2}-\d{2}\.$/)
    const referral = await ilze.client.expect('GET', `/api/v1/referrals/${alert.entity_id}`)

    await withClientPage(browser, ilze.client, async ({ page, problems }) => {
      await visit(page, '/notifications')
      await page.locator('[data-testid="notifications-table"]').waitFor()
      if (!alert.read_at) await page.locator('[data-testid="unread-only"]').check()
      await page.getByLabel('Rindas lapā').selectOption('50').catch(() => {})
      const row = page.locator('[data-testid="notification"]', { hasText: alert.message.lv })
      await row.waitFor()
      await chooseLanguage(page, 'en')
      const english = page.locator('[data-testid="notification"]', { hasText: alert.message.en })
      await english.waitFor()
      assert.match(alert.message.en, /^The decision on the referral of case #\d+ to “Group apartment Cerība” is overdue; it was due on /)
      // It leads to the case's referrals, with this referral highlighted and scrolled into view.
      await english.getByRole('link').click()
      await page.waitForURL(new RegExp(`/cases/${referral.case_id}\\?referral=${referral.id}#case-referrals$`))
      await page.locator('#case-referrals').waitFor()
      const highlighted = page.locator(`#case-referrals [data-testid="referral-${referral.id}"]`)
      await highlighted.and(page.locator('[aria-current="true"]')).waitFor()
      assert.match(await highlighted.getAttribute('class'), /referral--highlighted/)
      assert.equal(await page.locator('#case-referrals [aria-current="true"]').count(), 1, 'only this referral is highlighted')
      await page.waitForFunction((id) => {
        const r = document.querySelector(`[data-testid="referral-${id}"]`)?.getBoundingClientRect()
        return !!r && r.top >= 0 && r.top < window.innerHeight && window.scrollY > 0
      }, referral.id)
      assertNoProblems(problems, 'overdue notification')
    }, { browserLocale: 'lv-LV' })
  } finally {
    await ilze.client.request('DELETE', '/api/v1/session')
  }
})
