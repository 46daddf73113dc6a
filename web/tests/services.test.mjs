// A referral that waits and is then placed, in Latvian, as the families team's supervisor `ilze`
// (she works on her team's cases and decides on their referrals): the demo's group apartment
// “Cerība” is full (two places, both taken by families' cases). From a case of her team she
// requests the group apartment for an adult member, grants it onto the waiting list with an
// urgent priority (first in the list), cannot place it (409: no free place, the reason field
// appears), sees the full service with the person first on its waiting list, ends one of the
// placements from that person's case, and then places the referral; the service page shows her
// among the placed and the list without her. Also: a request outside the eligibility is refused
// with the rule named next to the field.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, visit, waitForPage, assertNoProblems, seriousAxeViolations } from './support/browser.mjs'
import { enrolUser } from './support/identity.mjs'
import { withClientPage } from './support/registry.mjs'

let browser
let ilze

before(async () => {
  browser = await launchBrowser()
  ilze = await enrolUser('ilze', undefined, { keepCodes: 0 })
})
after(async () => {
  await browser?.close()
  await ilze?.client.request('DELETE', '/api/v1/session')
})

const text = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()

/** Age in whole years on today's date. */
function age(birth) {
  const [y, m, d] = birth.split('-').map(Number)
  const now = new Date()
  let years = now.getFullYear() - y
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) years -= 1
  return years
}

/** The demo's group apartment, and an open case of ilze's team with an adult member not referred to it yet. */
async function setting(client) {
  const catalogue = await client.expect('GET', '/api/v1/services')
  const service = catalogue.items.find((s) => s.kind === 'group_apartment')
  assert.ok(service, 'the demo has a group apartment')
  const cases = await client.expect('GET', '/api/v1/cases?page_size=100')
  for (const k of cases.items) {
    if (!k.household_id) continue
    const referrals = await client.expect('GET', `/api/v1/cases/${k.id}/referrals`)
    const referred = new Set(referrals.items.filter((r) => r.service.id === service.id).map((r) => r.person.id))
    const household = await client.expect('GET', `/api/v1/households/${k.household_id}`)
    const adult = household.members.find((m) => !m.until && m.birth_date && age(m.birth_date) >= 18 && !referred.has(m.person_id))
    const child = household.members.find((m) => !m.until && m.birth_date && age(m.birth_date) < 18)
    if (adult && child) {
      return { service, caseId: k.id, person: { id: adult.person_id, name: `${adult.given_names} ${adult.surname}` }, child }
    }
  }
  throw new Error('no case of the families team with an adult to refer')
}

/** The referral item of `service` for `person` on the case page (the newest first). */
function referralOf(page, serviceName, personName) {
  return page.locator('[data-testid="referrals-list"] > li').filter({ hasText: serviceName }).filter({ hasText: personName }).first()
}

async function save(form) {
  await form.getByRole('button', { name: 'Saglabāt' }).click()
}

test('a referral waits while the service is full and is placed when a place is freed', async () => {
  const { service, caseId, person, child } = await setting(ilze.client)
  const name = service.name.lv
  const before = await ilze.client.expect('GET', `/api/v1/services/${service.id}`)
  assert.equal(before.capacity, 2)
  assert.equal(before.occupied, 2, 'the demo fills the group apartment')

  await withClientPage(browser, ilze.client, async ({ page, problems }) => {
    await visit(page, `/cases/${caseId}`)
    const panel = page.locator('#case-referrals')
    await panel.getByRole('heading', { name: 'Pakalpojumi un nosūtījumi' }).waitFor()
    const form = panel.locator('[data-testid="referral-form"]')
    await form.getByLabel('Pakalpojums').selectOption(String(service.id))
    await form.getByLabel('Mērķa grupa').selectOption('mental_disorder')
    // The quantity is typed (a number field): checked as typed, sent as a number.
    await form.getByLabel(/^Apjoms/).fill('1')

    // A child is outside the age range: refused with the rule next to the person.
    await form.getByLabel('Persona').selectOption(String(child.person_id))
    await form.getByRole('button', { name: 'Nosūtīt pieprasījumu' }).click()
    await form.getByText(/Noteikums: vecums no 18/).first().waitFor()
    problems.splice(0, problems.length, ...problems.filter((p) => !/HTTP 422: .*\/referrals$|status of 422/.test(p)))

    // The adult is eligible: requested, decision due in a month.
    await form.getByLabel('Persona').selectOption(String(person.id))
    await form.getByRole('button', { name: 'Nosūtīt pieprasījumu' }).click()
    await panel.getByText(/^Pakalpojums pieprasīts\./).waitFor()
    const item = referralOf(page, name, person.name)
    await item.locator('[data-testid="referral-state"]', { hasText: 'pieprasīts' }).waitFor()
    assert.match(await text(item), /Lēmums jāpieņem līdz/)

    // Granted with an urgent priority: first on the waiting list.
    await item.locator('[data-testid="referral-decide"]').click()
    const decision = item.locator('[data-testid="referral-decide-form"]')
    await decision.getByLabel('Lēmums').selectOption('yes')
    await decision.getByLabel('Prioritāte').selectOption('1')
    await save(decision)
    await item.locator('[data-testid="referral-state"]', { hasText: 'rindā' }).waitFor()
    assert.match(await text(item.locator('[data-testid="referral-position"]')), /^1\. vieta rindā/)

    // The service is full: no placement without a reason; the reason field appears.
    await item.locator('[data-testid="referral-place"]').click()
    const placement = item.locator('[data-testid="referral-place-form"]')
    await save(placement)
    await placement.getByText(/Nav brīvas kapacitātes: aizņemts 2 no 2/).first().waitFor()
    await placement.getByLabel(/Pamatojums uzņemšanai virs kapacitātes/).waitFor()
    problems.splice(0, problems.length, ...problems.filter((p) => !/HTTP 409: .*\/placement$|status of 409/.test(p)))
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: case page with referrals')

    // The service page: full, and she waits first.
    await visit(page, `/services/${service.id}`)
    assert.match(await text(page.locator('[data-testid="service-capacity"]')), /Aizņemts 2 no 2/)
    const first = page.locator('[data-testid="waiting-list"] tbody tr').first()
    assert.equal(await text(first.locator('td').nth(0)), '1.')
    assert.equal(await text(first.locator('td').nth(1)), person.name)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: service page')

    // One placement ends: from the placed person's case.
    const placed = page.locator('[data-testid="placed-list"] tbody tr').first()
    const leaving = await text(placed.locator('a'))
    await placed.locator('a').click()
    await waitForPage(page)
    const theirs = referralOf(page, name, leaving)
    await theirs.locator('[data-testid="referral-state"]', { hasText: 'saņem pakalpojumu' }).waitFor()
    await theirs.locator('[data-testid="referral-end"]').click()
    const ending = theirs.locator('[data-testid="referral-end-form"]')
    await ending.getByLabel(/Pamatojums/).fill('Pārcēlās uz dzīvi pie meitas')
    await save(ending)
    await theirs.locator('[data-testid="referral-state"]', { hasText: 'beidzies' }).waitFor()

    // Now she is placed.
    await visit(page, `/cases/${caseId}`)
    const again = referralOf(page, name, person.name)
    await again.locator('[data-testid="referral-place"]').click()
    await save(again.locator('[data-testid="referral-place-form"]'))
    await again.locator('[data-testid="referral-state"]', { hasText: 'saņem pakalpojumu' }).waitFor()

    await visit(page, `/services/${service.id}`)
    assert.match(await text(page.locator('[data-testid="service-capacity"]')), /Aizņemts 2 no 2/)
    assert.match(await text(page.locator('[data-testid="placed-list"]')), new RegExp(person.name))
    assert.doesNotMatch(await text(page.locator('section[aria-labelledby="service-waiting"]')), new RegExp(person.name))
    assertNoProblems(problems, 'referral story')
  }, { browserLocale: 'lv-LV' })

  // What the server kept: placed within capacity (no override), the other one ended.
  const after = await ilze.client.expect('GET', `/api/v1/services/${service.id}`)
  const mine = after.placed.find((e) => e.person?.id === person.id)
  assert.ok(mine, 'placed')
  assert.equal(after.occupied, 2)
  const referral = await ilze.client.expect('GET', `/api/v1/referrals/${mine.referral_id}`)
  assert.equal(referral.state, 'placed')
  assert.equal(referral.override_reason, null)
})

test('the catalogue lists the services with occupancy', async () => {
  await withClientPage(browser, ilze.client, async ({ page, problems }) => {
    await visit(page, '/services')
    const table = page.locator('[data-testid="services-table"]')
    for (const name of ['Grupu dzīvoklis “Cerība”', 'Mentora pakalpojums jauniešiem', 'Psihologa konsultācijas',
      'Mobilais sociālais dienests', 'Jauniešu centrs “Kurzeme”']) {
      await table.getByRole('link', { name }).waitFor()
    }
    assert.equal(await page.locator('[data-testid="service-add"]').count(), 0, 'a supervisor does not add services')
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: catalogue')
    assertNoProblems(problems, 'catalogue')
  }, { browserLocale: 'lv-LV' })
})
