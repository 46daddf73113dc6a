// The UI standards of the service and partner pages that the story tests do not reach: forms
// that check as the user types and show the server's field problems next to the field, lists
// that page, a destructive step that asks first, and a failure shown where it happened. The app
// is the real one; the server's answers are replaced in the browser (page.route) with a
// stand-in signed-in user, so no demo user or record is needed or changed.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, openPage, visit, seriousAxeViolations } from './support/browser.mjs'
import { fakeSession } from './support/identity.mjs'

let browser
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

const problem = (status, title, errors = []) => ({
  status,
  contentType: 'application/problem+json',
  body: JSON.stringify({ type: 'about:blank', title, status, detail: title, errors }),
})
const municipality = { id: 1, name: 'Testa novads', departments: [{ id: 1, name: { lv: 'Sociālais dienests', en: 'Social service' } }] }
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date())
const daysFrom = (date, n) => {
  const d = new Date(`${date}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** A page with a stand-in user of `roles`; `routes` answers the API calls the page makes. */
async function withUser(roles, routes, body) {
  const session = await openPage(browser, { browserLocale: 'lv-LV' })
  await fakeSession(session.page, { roles })
  await session.page.route('**/api/v1/municipality', (route) => route.fulfill({ json: municipality }))
  await routes(session.page)
  try {
    await body(session)
  } finally {
    await session.context.close()
  }
}

test('a partner form checks e-mail and phones while typing and shows the server problem next to the contact field', async () => {
  let posted = 0
  await withUser(['admin'], async (page) => {
    await page.route('**/api/v1/partners', (route) => {
      posted += 1
      return route.fulfill(problem(422, 'Nederīgi dati', [{ field: 'contacts.0.email', message: 'Šāda e-pasta adrese jau ir citai iestādei.' }]))
    })
  }, async ({ page }) => {
    await visit(page, '/partners/new')
    const form = page.getByTestId('partner-form')
    const email = form.getByLabel('E-pasts', { exact: true }).first()
    await email.fill('skola@@liepaja.lv')
    // Said at once, before anything is sent.
    await form.getByText('Nederīga e-pasta adrese.').waitFor()
    assert.equal(await email.getAttribute('aria-invalid'), 'true')
    await email.fill('skola@liepaja.lv')
    await form.getByText('Nederīga e-pasta adrese.').waitFor({ state: 'detached' })

    await form.getByLabel(/^Nosaukums/).fill('Liepājas 99. vidusskola')
    await form.getByRole('button', { name: 'Pievienot kontaktpersonu' }).click()
    const contact = form.getByRole('group', { name: 'Kontaktpersona 1' })
    await contact.getByLabel('Tālrunis').fill('tel. 634 12345')
    await contact.getByText('Tālrunī var būt tikai cipari, +, atstarpes, domuzīmes un iekavas.').waitFor()
    // Sent with the problems: nothing goes to the server; the first wrong field gets the focus.
    await form.getByTestId('partner-save').click()
    await contact.getByText('Norādiet kontaktpersonas vārdu.').waitFor()
    assert.equal(posted, 0)
    await contact.getByLabel(/^Vārds, uzvārds/).fill('Inese Bērziņa')
    await contact.getByLabel('Tālrunis').fill('+371 634 12345')
    await contact.getByLabel('E-pasts').fill('inese@liepaja.lv')
    assert.equal(await form.locator('[aria-invalid="true"]').count(), 0)

    // The server's field problem is shown next to the contact's e-mail, not only above the form.
    await form.getByTestId('partner-save').click()
    await contact.getByText('Šāda e-pasta adrese jau ir citai iestādei.').waitFor()
    assert.equal(posted, 1)
    assert.equal(await contact.getByLabel('E-pasts').getAttribute('aria-invalid'), 'true')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: partner form with problems')
  })
})

test('the information requests list pages through all requests', async () => {
  const asked = []
  const request = (id) => ({
    id, version: 1, partner: { id: 1, name: 'Liepājas bāriņtiesa' }, requested_by: { id: 2, name: 'Rūta Ozola' },
    subject_name: `Persona ${id}`, subject_birth_date: null, subject_personal_code: null, case_reference: null,
    question: 'Lūdzam atzinumu.', due_on: daysFrom(today, 10), status: 'open', answer: null, created_at: `${today}T08:00:00Z`,
  })
  await withUser(['social_worker'], async (page) => {
    await page.route('**/api/v1/partners/requests?**', (route) => {
      const query = new URL(route.request().url()).searchParams
      const n = Number(query.get('page'))
      const size = Number(query.get('page_size'))
      asked.push(n)
      const items = Array.from({ length: n < 3 ? size : 20 }, (_, i) => request((n - 1) * size + i + 1))
      return route.fulfill({ json: { items, total: 2 * size + 20, page: n, page_size: size } })
    })
  }, async ({ page }) => {
    await visit(page, '/partner-requests')
    const list = page.getByTestId('requests-list')
    const steps = page.getByTestId('requests-pages')
    assert.match(await steps.textContent(), /1\D+3/)
    assert.equal(await list.locator('li').count(), 50)
    await steps.getByRole('button', { name: 'Nākamā' }).click()
    await list.getByRole('heading', { name: 'Persona 51' }).waitFor()
    await steps.getByRole('button', { name: 'Nākamā' }).click()
    await list.getByRole('heading', { name: 'Persona 120' }).waitFor()
    assert.equal(await list.locator('li').count(), 20)
    assert.ok(await steps.getByRole('button', { name: 'Nākamā' }).isDisabled())
    assert.deepEqual(asked, [1, 2, 3])
  })
})

test('the partner portal pages its tasks, shows a refused change next to that task and checks the request dates', async () => {
  const tasks = Array.from({ length: 12 }, (_, i) => ({
    id: i + 1, version: 1, text: `Uzdevums ${i + 1}`, goal: 'Regulāra skolas apmeklēšana', due_on: daysFrom(today, 30),
    status: 'open', note: null, updated_at: `${today}T08:00:00Z`,
  }))
  await withUser(['partner'], async (page) => {
    await page.route('**/api/v1/partner', (route) => route.fulfill({
      json: { id: 5, kind: 'orphans_court', name: 'Testa bāriņtiesa', registration_number: null, address: null, phone: null, email: null,
              active: true, contacts: [], created_at: today, updated_at: today, user: { id: 999, full_name: 'Testa Lietotāja' } },
    }))
    await page.route('**/api/v1/partner/concerns?**', (route) => route.fulfill({ json: { items: [], total: 0, page: 1, page_size: 10 } }))
    await page.route('**/api/v1/partner/requests?**', (route) => route.fulfill({ json: { items: [], total: 0, page: 1, page_size: 10 } }))
    await page.route('**/api/v1/partner/tasks', (route) => route.fulfill({ json: { items: tasks, total: tasks.length } }))
    await page.route('**/api/v1/partner/tasks/*', (route) =>
      route.fulfill(problem(409, 'Uzdevumu pa to laiku mainīja cits lietotājs'), { status: 409 }))
  }, async ({ page }) => {
    await visit(page, '/portal')
    const list = page.getByTestId('portal-tasks')
    assert.equal(await list.locator('li').count(), 10)
    await list.getByTestId('portal-tasks-pages').getByRole('button', { name: 'Nākamā' }).click()
    await list.getByText('Uzdevums 12').waitFor()
    assert.equal(await list.locator('li').count(), 2)

    const task = list.locator('li', { hasText: 'Uzdevums 11' })
    await task.getByRole('button', { name: 'Saglabāt' }).click()
    await task.getByTestId('form-problem').waitFor()
    assert.match(await task.getByTestId('form-problem').textContent(), /mainīja cits lietotājs/)
    assert.equal(await list.locator('li', { hasText: 'Uzdevums 12' }).getByTestId('form-problem').count(), 0)

    // The request form says at once that a deadline in the past or a birth in the future is wrong.
    const form = page.getByTestId('request-form')
    await form.getByLabel(/^Atbildes termiņš/).fill(daysFrom(today, -1))
    await form.getByText('Termiņš nevar būt pagātnē.').waitFor()
    await form.getByLabel(/^Atbildes termiņš/).fill(daysFrom(today, 7))
    await form.getByText('Termiņš nevar būt pagātnē.').waitFor({ state: 'detached' })
    await form.getByLabel('Dzimšanas datums').fill(daysFrom(today, 1))
    await form.getByText('Dzimšanas datums nevar būt nākotnē.').waitFor()
    await form.getByLabel('Personas kods').fill('123')
    assert.equal(await form.getByLabel('Personas kods').getAttribute('aria-invalid'), 'true')
  })
})

test('a stop is taken off a route only after the confirmation', async () => {
  const service = {
    id: 7, name: { lv: 'Mobilā brigāde', en: 'Mobile team' }, kind: 'mobile_service',
    provider: { department_id: 1, partner_id: null, name: 'Sociālais dienests', contract_from: null, contract_to: null },
    eligibility: { age_min: null, age_max: null, target_groups: [] }, capacity: 10, capacity_unit: 'visits_per_month', unit: 'visit',
    price_cents: 0, funding: { source: 'municipal', project_number: null }, active: true, version: 1, occupied: 1, free: 9,
    waiting: { items: [], total: 0, page: 1, page_size: 50 },
    placed: [{ referral_id: 31, priority: 3, start_on: today, quantity: 4, redacted: false, case_id: 3, person: { id: 4, name: 'Anna Liepa' } }],
  }
  const stop = {
    id: 51, plan_id: 41, position: 1, window_from: '09:00', window_to: '10:00', outcome: null, recorded_at: null, version: 1,
    redacted: false, referral_id: 31, case_id: 3, person: { id: 4, name: 'Anna Liepa' }, address: 'Rīgas iela 1', phone: null,
    note: null, planned: [],
  }
  const plan = { id: 41, service_id: 7, date: today, route: 'Grobiņa – Bārta', vehicle: null, note: null, crew: [], stops: [stop], version: 1 }
  let removed = 0
  await withUser(['social_worker'], async (page) => {
    await page.route('**/api/v1/services/7?**', (route) => route.fulfill({ json: service }))
    await page.route(`**/api/v1/services/7/days/${today}`, (route) =>
      route.fulfill({ json: { service_id: 7, date: today, plans: [removed ? { ...plan, stops: [] } : plan] } }))
    await page.route('**/api/v1/services/7/plans/41/stops/51?**', (route) => {
      assert.equal(route.request().method(), 'DELETE')
      removed += 1
      return route.fulfill({ json: { ...plan, stops: [], version: 2 } })
    })
  }, async ({ page, problems }) => {
    await visit(page, `/services/7/days/${today}`)
    const planCard = page.getByTestId('mobile-plan')
    const remove = planCard.getByRole('button', { name: 'Noņemt no maršruta: Anna Liepa' })
    await remove.click()
    let dialog = page.locator('dialog[open]')
    await dialog.getByRole('heading', { name: 'Noņemt Anna Liepa no maršruta?' }).waitFor()
    await dialog.getByRole('button', { name: 'Atcelt' }).click()
    await page.locator('dialog[open]').waitFor({ state: 'detached' })
    assert.equal(removed, 0, 'cancelled: nothing is sent')
    assert.equal(await planCard.getByTestId('mobile-stop').count(), 1)

    await remove.click()
    dialog = page.locator('dialog[open]')
    await dialog.getByRole('button', { name: 'Noņemt', exact: true }).click()
    await page.getByText('Pietura noņemta.').waitFor()
    await planCard.getByTestId('mobile-stop').waitFor({ state: 'detached' })
    assert.equal(removed, 1)
    assert.deepEqual(problems, [])
  })
})

test('the service form says at once when the ages or the contract dates are the wrong way round', async () => {
  await withUser(['admin'], async (page) => {
    await page.route('**/api/v1/services', (route) => route.fulfill({ json: { items: [], total: 0 } }))
    let calls = 0
    await page.route('**/api/v1/partners?**', (route) => (++calls === 1
      ? route.fulfill(problem(500, 'Iekšēja kļūda'))
      : route.fulfill({ json: { items: [{ id: 3, name: 'Biedrība “Ceļš”', kind: 'ngo', active: true }], total: 1, page: 1, page_size: 8 } })))
  }, async ({ page, problems }) => {
    await visit(page, '/services')
    await page.getByTestId('services-table').waitFor()
    await page.getByTestId('service-add').click()
    const form = page.getByTestId('service-form')
    await form.getByLabel(/^Vecums no/).fill('18')
    await form.getByLabel(/^Vecums līdz/).fill('12')
    await form.getByText('Augšējā vecuma robeža nevar būt zem apakšējās.').waitFor()
    await form.getByLabel(/^Vecums līdz/).fill('25')
    await form.getByText('Augšējā vecuma robeža nevar būt zem apakšējās.').waitFor({ state: 'detached' })
    await form.getByLabel(/^Vecums līdz/).fill('140')
    await form.getByText('Vecumam jābūt no 0 līdz 130 gadiem.').waitFor()

    // The partner register failing to answer a search is said, with a retry, not an empty list.
    await form.getByLabel(/^Sniedzējs ir/).selectOption('partner')
    await form.getByLabel(/^Ārēja organizācija/).fill('Ceļ')
    const alert = form.getByRole('alert').filter({ hasText: 'Iekšēja kļūda' })
    await alert.waitFor()
    await alert.getByRole('button', { name: 'Mēģināt vēlreiz' }).click()
    await form.getByRole('button', { name: 'Izvēlēties: Biedrība “Ceļš”' }).click()
    await form.getByTestId('partner-chosen').filter({ hasText: 'Biedrība “Ceļš”' }).waitFor()
    await form.getByLabel(/^Līgums no/).fill('2026-06-01')
    await form.getByLabel(/^Līgums līdz/).fill('2026-01-31')
    await form.getByText('Līgums nevar beigties pirms sākuma.').waitFor()
    assert.equal(await form.getByLabel(/^Līgums līdz/).getAttribute('aria-invalid'), 'true')
    // Typed numbers (the model of a number field becomes a number) are checked without a failure.
    await form.getByLabel(/^Kapacitāte/).first().fill('12')
    await form.getByLabel(/^Kapacitāte/).first().fill('')
    await form.getByText('Norādiet kapacitāti veselā skaitlī (0 vai vairāk).').waitFor()
    assert.deepEqual(problems.filter((p) => /uncaught|application error/.test(p)), [])
  })
})

test('a service page shows who is placed a page at a time', async () => {
  const placed = Array.from({ length: 60 }, (_, i) => ({
    referral_id: 100 + i, priority: 3, start_on: today, quantity: 1, redacted: false, case_id: 3, person: { id: 200 + i, name: `Klients ${i + 1}` },
  }))
  const service = {
    id: 8, name: { lv: 'Aprūpe mājās', en: 'Home care' }, kind: 'home_care',
    provider: { department_id: 1, partner_id: null, name: 'Sociālais dienests', contract_from: null, contract_to: null },
    eligibility: { age_min: 65, age_max: null, target_groups: ['seniors'] }, capacity: 80, capacity_unit: 'places', unit: 'hour',
    price_cents: 850, funding: { source: 'municipal', project_number: null }, active: true, version: 1, occupied: 60, free: 20,
    waiting: { items: [], total: 0, page: 1, page_size: 50 }, placed,
  }
  await withUser(['social_worker'], async (page) => {
    await page.route('**/api/v1/services/8?**', (route) => route.fulfill({ json: service }))
  }, async ({ page, problems }) => {
    await visit(page, '/services/8')
    const list = page.getByTestId('placed-list')
    assert.equal(await list.locator('tbody tr').count(), 50)
    await page.getByTestId('placed-pages').getByRole('button', { name: 'Nākamā' }).click()
    await list.getByText('Klients 60').waitFor()
    assert.equal(await list.locator('tbody tr').count(), 10)
    // The empty waiting list says so.
    await page.getByRole('region', { name: 'Rinda (0)' }).getByText('Rindā neviena nav.').waitFor()
    assert.deepEqual(problems, [])
  })
})

test('a full group apartment says why nobody can move in, and a failed reading again is shown', async () => {
  const service = {
    id: 9, name: { lv: 'Grupu dzīvoklis', en: 'Group apartment' }, kind: 'group_apartment',
    provider: { department_id: 1, partner_id: null, name: 'Sociālais dienests', contract_from: null, contract_to: null },
    eligibility: { age_min: 18, age_max: null, target_groups: ['mental_disorder'] }, capacity: 1, capacity_unit: 'places', unit: 'day',
    price_cents: 1200, funding: { source: 'municipal', project_number: null }, active: true, version: 1, occupied: 2, free: 0,
    waiting: { items: [], total: 0, page: 1, page_size: 50 },
    placed: [
      { referral_id: 61, priority: 3, start_on: today, quantity: 1, redacted: false, case_id: 3, person: { id: 4, name: 'Pēteris Kalns' } },
      { referral_id: 62, priority: 3, start_on: today, quantity: 1, redacted: false, case_id: 5, person: { id: 6, name: 'Ieva Sila' } },
    ],
  }
  const unit = {
    id: 71, service_id: 9, name: 'Dzīvoklis Nr. 1', address: null, version: 1,
    rooms: [{ id: 81, unit_id: 71, name: '1. istaba', version: 1, places: [{ id: 91, room_id: 81, name: 'Gulta A', version: 1, out_of_use: null }] }],
  }
  const stay = {
    id: 101, service_id: 9, unit: { id: 71, name: unit.name }, room: { id: 81, name: '1. istaba' }, place: { id: 91, name: 'Gulta A' },
    referral_id: 61, move_in_on: today, move_out_on: null, move_out_reason: null, version: 1, redacted: false, case_id: 3,
    person: { id: 4, name: 'Pēteris Kalns' },
  }
  let unitsRead = 0
  await withUser(['social_worker'], async (page) => {
    await page.route('**/api/v1/services/9?**', (route) => route.fulfill({ json: service }))
    await page.route('**/api/v1/services/9/units', (route) => (++unitsRead === 1
      ? route.fulfill({ json: { items: [unit], total: 1 } })
      : route.fulfill(problem(503, 'Datubāze nav pieejama'))))
    await page.route('**/api/v1/services/9/occupancy?**', (route) => route.fulfill({
      json: { service_id: 9, on: today, capacity: 1, places: 1, occupied: 1, out_of_use: 0, free: 0,
              units: [{ unit_id: 71, name: unit.name, places: 1, occupied: 1, out_of_use: 0, free: 0 }] },
    }))
    await page.route('**/api/v1/services/9/units/71/stays?**', (route) => route.fulfill({ json: { items: [stay], total: 1 } }))
    await page.route('**/api/v1/services/9/stays/101/move-out', (route) => route.fulfill({ json: { ...stay, move_out_on: today, version: 2 } }))
  }, async ({ page }) => {
    await visit(page, '/services/9')
    const panel = page.getByTestId('housing-panel')
    // Ieva is placed but every place is taken: the panel says so instead of a missing form.
    assert.equal(await panel.getByTestId('housing-move-in-form').count(), 0)
    assert.match(await panel.getByTestId('housing-no-free-place').textContent(), /nav brīvas vietas/)

    // After a move-out the panel reads again; that failing is shown next to the last known state.
    await panel.getByRole('button', { name: 'Izvākšanās' }).click()
    const form = panel.getByTestId('housing-move-out-form')
    await form.getByLabel(/^Iemesls/).fill('Pārcēlās pie radiniekiem')
    await form.getByRole('button', { name: 'Reģistrēt izvākšanos' }).click()
    await panel.getByRole('alert').filter({ hasText: 'Datubāze nav pieejama' }).waitFor()
    assert.equal(await panel.getByTestId('housing-occupancy').count(), 1, 'the last known state stays')
  })
})
