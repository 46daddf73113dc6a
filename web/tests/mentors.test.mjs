// The mentor service of the demo, in Latvian. The families team's worker `anna` opens the
// placed referral of her case to the mentor service on the case page: she ends the pairing with
// the demo mentor, pairs the young person with another mentor from the register, links a goal
// of the case's cooperation plan in force (approved first through the API by her supervisor
// `ilze`), and logs a meeting — the form checks the length while she types, and the meeting
// shows with its note and counts in the referral's delivery log; she corrects it (checked while
// typing like a new one) and removes a meeting logged by mistake after a confirmation (refused
// while the page shows a version someone else has corrected since). The administrator adds a
// volunteer to the register, the form naming a bad e-mail while she types. The register's
// loading, error (with retry) and empty states, with the server's answers replaced.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { url, launchBrowser, openPage, visit, assertNoProblems, seriousAxeViolations } from './support/browser.mjs'
import { enrolUser, fakeSession } from './support/identity.mjs'
import { withClientPage } from './support/registry.mjs'

let browser
let anna
let ilze
let admin

before(async () => {
  browser = await launchBrowser()
  anna = await enrolUser('anna', undefined, { keepCodes: 0 })
  ilze = await enrolUser('ilze', undefined, { keepCodes: 0 })
  admin = await enrolUser('admin', undefined, { keepCodes: 0 })
})
after(async () => {
  await browser?.close()
  for (const who of [anna, ilze, admin]) await who?.client.request('DELETE', '/api/v1/session')
})

const text = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()

/** Today in Riga as YYYY-MM-DD. */
function rigaDay() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date())
}

/** The demo's placed referral to the mentor service, with its case's plan brought into force. */
async function placedMentorReferral() {
  const catalogue = await ilze.client.expect('GET', '/api/v1/services')
  const service = catalogue.items.find((s) => s.kind === 'mentor')
  assert.ok(service, 'the demo has a mentor service')
  const page = await ilze.client.expect('GET', `/api/v1/services/${service.id}`)
  const placed = page.placed.find((e) => !e.redacted)
  assert.ok(placed, 'the demo has a placed young person of the families team')
  const caseId = placed.case_id
  const plans = await anna.client.expect('GET', `/api/v1/cases/${caseId}/plan`)
  if (!plans.current) {
    let draft = plans.draft
    assert.ok(draft, 'the case has a plan being prepared')
    if (draft.status === 'draft') {
      draft = await anna.client.expect('POST', `/api/v1/cases/${caseId}/plans/${draft.id}/family-agreement`, {
        version: draft.version, agreed_on: rigaDay(), person_ids: [placed.person.id],
      })
      draft = await anna.client.expect('POST', `/api/v1/cases/${caseId}/plans/${draft.id}/submit`, { version: draft.version })
    }
    if (draft.status === 'submitted') {
      await ilze.client.expect('POST', `/api/v1/cases/${caseId}/plans/${draft.id}/decision`, { version: draft.version, approved: true })
    }
  }
  const mentoring = await anna.client.expect('GET', `/api/v1/referrals/${placed.referral_id}/mentor`)
  assert.ok(mentoring.plan_goals.length > 0, 'the plan in force has goals')
  return { referralId: placed.referral_id, caseId, mentoring }
}

test('a young person gets another mentor, a plan goal and a logged meeting', async () => {
  const { referralId, caseId, mentoring } = await placedMentorReferral()
  const current = mentoring.pairings.find((p) => p.active)
  assert.ok(current, 'the demo pairs the placed young person with a mentor')
  const register = await anna.client.expect('GET', '/api/v1/services/mentors?active=true')
  const other = register.items.find((m) => m.id !== current.mentor.id && m.kind === 'volunteer' && m.free > 0)
  assert.ok(other, 'the register has another mentor with a free place')
  const deliveriesBefore = (await anna.client.expect('GET', `/api/v1/referrals/${referralId}`)).deliveries.length
  const goal = mentoring.plan_goals[0]

  await withClientPage(browser, anna.client, async ({ page, problems }) => {
    await visit(page, `/cases/${caseId}`)
    const referral = page.locator(`[data-testid="referral-${referralId}"]`)
    await referral.getByRole('button', { name: 'Mentors' }).click()
    const panel = referral.locator('[data-testid="mentor-panel"]')
    const active = panel.locator(`[data-testid="pairing-${current.id}"]`)
    await active.getByText(current.mentor.name).waitFor()
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: mentor panel')

    // The demo mentor's pairing ends today.
    await active.getByRole('button', { name: 'Beigt sadarbību ar mentoru' }).click()
    const ending = active.locator('[data-testid="pairing-end-form"]')
    await ending.getByLabel('Iemesls').fill('Mentore pārcēlās uz citu pilsētu')
    await ending.getByRole('button', { name: 'Beigt', exact: true }).click()
    await panel.getByText('Sadarbība ar mentoru beigta.').waitFor()
    await active.getByText(/Beigu iemesls: Mentore pārcēlās uz citu pilsētu/).waitFor()

    // Another mentor from the register.
    const pairing = panel.locator('[data-testid="mentor-pair-form"]')
    // The register's options load after the form appears.
    await pairing.getByLabel('Mentors').locator('option', { hasText: other.name }).first().waitFor({ state: 'attached' })
    const option = (await pairing.getByLabel('Mentors').locator('option').allTextContents()).find((o) => o.startsWith(other.name))
    assert.ok(option, `the mentor ${other.name} is offered`)
    await pairing.getByLabel('Mentors').selectOption({ label: option })
    await pairing.getByRole('button', { name: 'Piesaistīt' }).click()
    await panel.getByText('Mentors piesaistīts.').waitFor()
    const card = panel.locator('article', { hasText: other.name })
    await card.getByText(/kopš/).waitFor()

    // A goal of the plan in force.
    const goals = card.locator('[data-testid="pairing-goal-form"]')
    await goals.getByLabel('Mērķis').selectOption({ label: goal.text })
    await goals.getByRole('button', { name: 'Piesaistīt mērķi' }).click()
    await panel.getByText('Mērķis piesaistīts.').waitFor()
    assert.match(await text(card.locator('[data-testid="pairing-goals"]')), new RegExp(goal.text.slice(0, 20)))

    // A meeting: the length is checked while typing.
    const meeting = card.locator('[data-testid="pairing-meeting-form"]')
    await meeting.getByLabel('Ilgums (minūtēs)').fill('0')
    await meeting.getByText('Norādiet ilgumu no 1 līdz 600 minūtēm.').waitFor()
    await meeting.getByLabel('Ilgums (minūtēs)').fill('90')
    assert.equal(await meeting.getByText('Norādiet ilgumu no 1 līdz 600 minūtēm.').count(), 0)
    await meeting.getByLabel('Formāts').selectOption({ label: 'Izbraukumā' })
    await meeting.getByLabel('Vieta').fill('Liepājas pludmale')
    await meeting.getByLabel('Piezīme').fill('Runājām par skolu un vasaras darbu.')
    await meeting.getByRole('button', { name: 'Reģistrēt tikšanos' }).click()
    await panel.getByText('Tikšanās reģistrēta.').waitFor()
    const row = await text(card.locator('[data-testid="pairing-meetings"] tbody tr').first())
    assert.match(row, /Izbraukumā, Liepājas pludmale/)
    assert.match(row, /Runājām par skolu un vasaras darbu\./)

    // Correcting it: the same checks as logging while typing; the row shows who corrected it.
    const meetings = card.locator('[data-testid="pairing-meetings"]')
    await meetings.locator('tbody tr').first().getByRole('button', { name: /^Labot/ }).click()
    const fixing = meetings.locator('form[data-testid^="meeting-edit-form-"]')
    await fixing.getByRole('heading', { name: /^Tikšanās .* labošana$/ }).waitFor()
    assert.equal(await fixing.getByLabel('Vieta').inputValue(), 'Liepājas pludmale')
    await fixing.getByLabel('Ilgums (minūtēs)').fill('0')
    await fixing.getByText('Norādiet ilgumu no 1 līdz 600 minūtēm.').waitFor()
    await fixing.getByLabel('Ilgums (minūtēs)').fill('45')
    await fixing.getByLabel('Piezīme').fill('Runājām par skolu un vasaras darbu pie jūras.')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: meeting correction')
    await fixing.getByRole('button', { name: 'Saglabāt labojumu' }).click()
    await panel.getByText('Tikšanās labota.').waitFor()
    await meetings.locator('tbody tr', { hasText: 'pie jūras' }).waitFor()
    const fixed = await text(meetings.locator('tbody tr').first())
    assert.match(fixed, /45/)
    assert.match(fixed, /pie jūras\./)
    assert.match(fixed, /Labojums: /)

    // A meeting logged by mistake is removed after a confirmation.
    await meeting.getByLabel('Ilgums (minūtēs)').fill('30')
    await meeting.getByLabel('Formāts').selectOption({ label: 'Pa tālruni' })
    await meeting.getByRole('button', { name: 'Reģistrēt tikšanos' }).click()
    await panel.getByText('Tikšanās reģistrēta.').waitFor()
    await meetings.locator('tbody tr', { hasText: 'Pa tālruni' }).waitFor()
    // Corrected meanwhile elsewhere, it is not removed with the version shown (409 in the dialog);
    // once the page shows the correction, it is.
    const paired = (await anna.client.expect('GET', `/api/v1/referrals/${referralId}/mentor`)).pairings.find((p) => p.active)
    const mistaken = paired.meetings.find((m) => m.format === 'phone')
    await anna.client.expect('PATCH', `/api/v1/referrals/${referralId}/mentor/${paired.id}/meetings/${mistaken.id}`, { version: mistaken.version, minutes: 35 })
    await meetings.locator('tbody tr', { hasText: 'Pa tālruni' }).getByRole('button', { name: /^Dzēst/ }).click()
    let dialog = page.locator('dialog[open]')
    await dialog.getByRole('button', { name: 'Dzēst' }).click()
    await dialog.getByText(/Ierakstu pa to laiku mainīja kāds cits/).first().waitFor()
    await dialog.getByRole('button', { name: 'Atcelt' }).click()
    await page.locator('dialog[open]').waitFor({ state: 'detached' })
    problems.splice(0, problems.length, ...problems.filter((p) => !/HTTP 409: .*\/meetings\/\d+\?version=\d+$|status of 409/.test(p)))
    await visit(page, `/cases/${caseId}`)
    await referral.getByRole('button', { name: 'Mentors' }).click()
    await meetings.locator('tbody tr', { hasText: 'Pa tālruni' }).getByRole('button', { name: /^Dzēst/ }).click()
    dialog = page.locator('dialog[open]')
    await dialog.getByRole('heading', { name: 'Dzēst tikšanos?' }).waitFor()
    await dialog.getByText(/\(35 min\) tiks dzēsta/).waitFor()
    await dialog.getByRole('button', { name: 'Dzēst' }).click()
    await panel.getByText('Tikšanās dzēsta.').waitFor()
    await meetings.locator('tbody tr', { hasText: 'Pa tālruni' }).waitFor({ state: 'detached' })
    assertNoProblems(problems, 'mentor panel')
  }, { browserLocale: 'lv-LV' })

  const after = await anna.client.expect('GET', `/api/v1/referrals/${referralId}/mentor`)
  const now = after.pairings.find((p) => p.active)
  assert.equal(now.mentor.id, other.id)
  assert.deepEqual(now.goals.map((g) => g.id), [goal.id])
  assert.equal(now.meetings.length, 1)
  assert.equal(now.meetings[0].minutes, 45)
  assert.equal(now.meetings[0].version, 2)
  assert.ok(now.meetings[0].corrected_by, 'who corrected the meeting is kept')
  const deliveriesAfter = (await anna.client.expect('GET', `/api/v1/referrals/${referralId}`)).deliveries.length
  assert.equal(deliveriesAfter, deliveriesBefore + 1)
})

test('the administrator adds a volunteer to the register', async () => {
  await withClientPage(browser, admin.client, async ({ page, problems }) => {
    await visit(page, '/services/mentors')
    await page.getByRole('heading', { name: 'Mentoru reģistrs' }).waitFor()
    const table = page.locator('[data-testid="mentors-table"]')
    await table.getByRole('cell', { name: 'Laura Kalniņa', exact: true }).waitFor()
    await page.getByRole('button', { name: 'Pievienot mentoru' }).click()
    const form = page.locator('[data-testid="mentor-form"]')
    await form.getByLabel('Vārds, uzvārds').fill('Rūta Bērziņa')
    await form.getByLabel('E-pasts').fill('ruta@')
    await form.getByText('E-pasta adrese nav derīga.').waitFor()
    await form.getByLabel('E-pasts').fill('ruta.berzina@example.lv')
    await form.getByLabel('Apmācības vai vienošanās datums').fill(rigaDay())
    await form.getByLabel('Cik jauniešus vienlaikus').fill('2')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: mentor register')
    await form.getByRole('button', { name: 'Saglabāt' }).click()
    await page.getByText('Mentors Rūta Bērziņa pievienots reģistram.').waitFor()
    await table.getByRole('cell', { name: 'Rūta Bērziņa', exact: true }).waitFor()
    assertNoProblems(problems, 'mentor register')
  }, { browserLocale: 'lv-LV' })
  const register = await admin.client.expect('GET', '/api/v1/services/mentors?page_size=100')
  const ruta = register.items.find((m) => m.name === 'Rūta Bērziņa')
  assert.equal(ruta.kind, 'volunteer')
  assert.equal(ruta.email, 'ruta.berzina@example.lv')
  assert.equal(ruta.max_mentees, 2)
})

test('the register shows loading, then the error with retry, then its empty state', async () => {
  const session = await openPage(browser, { browserLocale: 'lv-LV' })
  const { page } = session
  try {
    await fakeSession(page, { roles: ['supervisor'] })
    let release
    const held = new Promise((resolve) => (release = resolve))
    let calls = 0
    await page.route(
      (address) => address.pathname === '/api/v1/services/mentors',
      async (route) => {
        calls += 1
        if (calls === 1) {
          await held
          await route.fulfill({
            status: 503,
            contentType: 'application/problem+json',
            body: JSON.stringify({ type: 'about:blank', title: 'Nav pieejams', status: 503, detail: 'Datubāze nav pieejama', errors: [] }),
          })
        } else {
          await route.fulfill({ json: { items: [], total: 0, page: 1, page_size: 25 } })
        }
      },
    )
    await page.goto(url('/services/mentors'))
    await page.getByRole('status').filter({ hasText: 'Ielādē…' }).waitFor()
    release()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    assert.match(await alert.textContent(), /Nav pieejams: Datubāze nav pieejama/)
    // A supervisor does not manage the register.
    assert.equal(await page.getByRole('button', { name: 'Pievienot mentoru' }).count(), 0)
    await alert.getByRole('button', { name: 'Mēģināt vēlreiz' }).click()
    await page.getByText('Reģistrā vēl nav neviena mentora.').waitFor()
    assert.equal(await page.getByRole('alert').count(), 0)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: empty register')
  } finally {
    await session.context.close()
  }
})
