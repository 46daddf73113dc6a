// Housing of the demo group apartment “Cerība”, in Latvian, as the families team's supervisor
// `ilze` (its residents come from her team's cases): the service page shows the unit with its
// rooms, places, named residents and the free place; she records a resident's move-out with a
// reason, is refused a move-in that overlaps that stay (409, the message next to the resident
// field), and then moves the resident into the free place from the move-out day. An administrator
// adds a room and a bed, renames a unit and a room inline (a taken name refused next to the
// field), takes a bed out of use with a reason and returns it to use, is refused the removal of
// a lived-in unit (the reason in the dialog) and of a unit changed meanwhile (409: stale version),
// and removes a never-used bed and unit after a confirmation.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, visit, assertNoProblems, seriousAxeViolations, chooseLanguage } from './support/browser.mjs'
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

/** Today in Riga as YYYY-MM-DD, and `days` later. */
function rigaDay(days = 0) {
  const d = new Date(Date.now() + days * 86400000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(d)
}

test('residents move out and into a free place; an overlapping move-in is refused', async () => {
  const catalogue = await ilze.client.expect('GET', '/api/v1/services')
  const service = catalogue.items.find((s) => s.kind === 'group_apartment')
  assert.ok(service, 'the demo has a group apartment')
  const before = await ilze.client.expect('GET', `/api/v1/services/${service.id}/occupancy`)
  assert.equal(before.places, 3)
  assert.equal(before.occupied, 2)

  await withClientPage(browser, ilze.client, async ({ page, problems }) => {
    await visit(page, `/services/${service.id}`)
    const panel = page.locator('[data-testid="housing-panel"]')
    await panel.getByRole('heading', { name: 'Mājoklis: vienības, istabas un vietas' }).waitFor()
    assert.match(await text(panel.locator('[data-testid="housing-occupancy"]')), /aizņemtas 2 no 3 vietām, brīvas 1/)
    await panel.getByRole('heading', { name: 'Dzīvoklis Nr. 1' }).waitFor()
    assert.equal(await panel.locator('td', { hasText: 'Brīva' }).count(), 1)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe: housing panel')

    // The first resident moves out today.
    const row = panel.locator('tbody tr', { has: page.getByRole('button', { name: 'Izvākšanās' }) }).first()
    const resident = await text(row.locator('td').nth(2))
    await row.getByRole('button', { name: 'Izvākšanās' }).click()
    const leaving = panel.locator('[data-testid="housing-move-out-form"]')
    await leaving.getByLabel('Iemesls').fill('Pārcelta uz citu istabu')
    await leaving.getByRole('button', { name: 'Reģistrēt izvākšanos' }).click()
    await panel.getByText('Izvākšanās reģistrēta.').waitFor()
    await panel.getByText(/aizņemtas 1 no 3 vietām, brīvas 2/).waitFor()

    // Moving her in from yesterday overlaps the stay she just left: refused, naming her.
    const moving = panel.locator('[data-testid="housing-move-in-form"]')
    await moving.getByLabel('Iemītnieks').selectOption({ label: resident })
    const free = await moving.getByLabel('Vieta').locator('option').allTextContents()
    const other = free.find((o) => o.includes('2. istaba')) ?? free.find((o) => o.includes('/'))
    await moving.getByLabel('Vieta').selectOption({ label: other })
    await moving.getByLabel('Ievākšanās datums').fill(rigaDay(-1))
    await moving.getByRole('button', { name: 'Reģistrēt ievākšanos' }).click()
    await moving.getByText(/Iemītniekam šajā laikā jau ir cita dzīvesvieta/).first().waitFor()
    // The refusal is the expected answer, not a problem of the page.
    problems.splice(0, problems.length, ...problems.filter((p) => !/HTTP 409: .*\/stays$|status of 409/.test(p)))

    // From her move-out day it fits.
    await moving.getByLabel('Ievākšanās datums').fill(rigaDay(0))
    await moving.getByRole('button', { name: 'Reģistrēt ievākšanos' }).click()
    await panel.getByText('Ievākšanās reģistrēta.').waitFor()
    await panel.getByText(/aizņemtas 2 no 3 vietām, brīvas 1/).waitFor()
    assertNoProblems(problems, 'housing')
  }, { browserLocale: 'lv-LV' })

  const after = await ilze.client.expect('GET', `/api/v1/services/${service.id}/occupancy`)
  assert.equal(after.occupied, 2)
})

test('an administrator adds a room and a bed; a name taken in the unit is refused next to the field', async () => {
  const admin = await enrolUser('admin', undefined, { keepCodes: 0 })
  try {
    const catalogue = await admin.client.expect('GET', '/api/v1/services')
    const service = catalogue.items.find((s) => s.kind === 'group_apartment')
    const before = await admin.client.expect('GET', `/api/v1/services/${service.id}/occupancy`)
    await withClientPage(browser, admin.client, async ({ page, problems }) => {
      await visit(page, `/services/${service.id}`)
      const panel = page.locator('[data-testid="housing-panel"]')
      const setup = panel.locator('[data-testid="housing-setup"]')
      await setup.getByRole('heading', { name: 'Vienības, istabas un vietas' }).waitFor()
      // A blank name is caught while typing, before anything is sent.
      await setup.getByLabel('Ko pievienot').selectOption({ label: 'Istabu' })
      await setup.getByLabel('Vienība').selectOption({ label: 'Dzīvoklis Nr. 1' })
      await setup.getByLabel('Nosaukums').fill(' ')
      await setup.getByRole('button', { name: 'Pievienot' }).click()
      await setup.getByText('Norādiet nosaukumu.').waitFor()

      await setup.getByLabel('Nosaukums').fill('3. istaba')
      await setup.getByRole('button', { name: 'Pievienot' }).click()
      await panel.getByText('Istaba “3. istaba” pievienota.').waitFor()
      await panel.getByText('Istabā vēl nav vietu.').waitFor()

      await setup.getByLabel('Ko pievienot').selectOption({ label: 'Vietu (gultu)' })
      await setup.getByLabel('Istaba').selectOption({ label: 'Dzīvoklis Nr. 1 / 3. istaba' })
      await setup.getByLabel('Nosaukums').fill('Gulta A')
      await setup.getByRole('button', { name: 'Pievienot' }).click()
      await panel.getByText('Vieta “Gulta A” pievienota.').waitFor()
      await panel.getByText(new RegExp(`no ${before.places + 1} vietām, brīvas ${before.free + 1}`)).waitFor()

      // The same room name again in that unit: the server's 409 is shown on the name.
      await setup.getByLabel('Ko pievienot').selectOption({ label: 'Istabu' })
      await setup.getByLabel('Vienība').selectOption({ label: 'Dzīvoklis Nr. 1' })
      await setup.getByLabel('Nosaukums').fill('3. istaba')
      await setup.getByRole('button', { name: 'Pievienot' }).click()
      await setup.getByText('Šāds nosaukums jau ir.').first().waitFor()
      problems.splice(0, problems.length, ...problems.filter((p) => !/HTTP 409: .*\/rooms$|status of 409/.test(p)))
      assert.deepEqual(await seriousAxeViolations(page), [], 'axe: housing set-up')
      assertNoProblems(problems, 'housing set-up')
    }, { browserLocale: 'lv-LV' })
    const after = await admin.client.expect('GET', `/api/v1/services/${service.id}/units`)
    const unit = after.items.find((u) => u.name === 'Dzīvoklis Nr. 1')
    const room = unit.rooms.find((r) => r.name === '3. istaba')
    assert.deepEqual(room.places.map((p) => p.name), ['Gulta A'])
  } finally {
    await admin.client.request('DELETE', '/api/v1/session')
  }
})

test('an administrator renames a unit and a room inline and removes only what no resident ever used', async () => {
  const admin = await enrolUser('admin', undefined, { keepCodes: 0 })
  try {
    const catalogue = await admin.client.expect('GET', '/api/v1/services')
    const service = catalogue.items.find((s) => s.kind === 'group_apartment')
    const base = `/api/v1/services/${service.id}/units`
    const spare = await admin.client.expect('POST', base, { name: 'Rezerves dzīvoklis' }, 201)
    const room = await admin.client.expect('POST', `${base}/${spare.id}/rooms`, { name: 'Mazā istaba' }, 201)
    const bed = await admin.client.expect('POST', `${base}/${spare.id}/rooms/${room.id}/places`, { name: 'Gulta 1' }, 201)
    const lived = (await admin.client.expect('GET', base)).items.find((u) => u.name === 'Dzīvoklis Nr. 1')
    await withClientPage(browser, admin.client, async ({ page, problems }) => {
      await visit(page, `/services/${service.id}`)
      const panel = page.locator('[data-testid="housing-panel"]')
      await panel.getByRole('heading', { name: 'Rezerves dzīvoklis' }).waitFor()

      // Renaming the unit: blank is caught while typing; a name taken in the service is refused
      // by the server next to the field; then it is renamed.
      await panel.locator(`[data-testid="housing-unit-${spare.id}-rename"]`).click()
      const renaming = panel.locator(`[data-testid="housing-unit-${spare.id}-rename-form"]`)
      await renaming.getByLabel('Jaunais vienības nosaukums').fill(' ')
      await renaming.getByText('Norādiet nosaukumu.').waitFor()
      await renaming.getByLabel('Jaunais vienības nosaukums').fill('Dzīvoklis Nr. 1')
      await renaming.getByRole('button', { name: 'Saglabāt' }).click()
      await renaming.getByText('Šāds nosaukums jau ir.').first().waitFor()
      await renaming.getByLabel('Jaunais vienības nosaukums').fill('Rezerves dzīvoklis Nr. 2')
      await renaming.getByRole('button', { name: 'Saglabāt' }).click()
      await panel.getByText('Nosaukums mainīts: “Rezerves dzīvoklis Nr. 2”.').waitFor()
      await panel.getByRole('heading', { name: 'Rezerves dzīvoklis Nr. 2' }).waitFor()

      // Renaming the room inline.
      await panel.locator(`[data-testid="housing-room-${room.id}-rename"]`).click()
      const roomForm = panel.locator(`[data-testid="housing-room-${room.id}-rename-form"]`)
      await roomForm.getByLabel('Jaunais istabas nosaukums').fill('Saulainā istaba')
      await roomForm.getByRole('button', { name: 'Saglabāt' }).click()
      await panel.getByText('Nosaukums mainīts: “Saulainā istaba”.').waitFor()
      await panel.locator('td', { hasText: 'Saulainā istaba' }).first().waitFor()

      // A bed under repair is taken out of use with a reason (the dialog asks for one), shows
      // why, counts apart from the free places, and is returned to use.
      const bedRow = panel.locator(`[data-testid="housing-place-${bed.id}"]`)
      await bedRow.getByRole('button', { name: 'Izņemt no lietošanas vietu “Gulta 1”' }).click()
      let dialog = page.locator('dialog[open]')
      await dialog.getByRole('heading', { name: 'Izņemt no lietošanas vietu “Gulta 1”?' }).waitFor()
      await dialog.getByRole('button', { name: 'Izņemt no lietošanas', exact: true }).click()
      await dialog.getByText('Pamatojumam jābūt vismaz 3 rakstzīmes garam.').waitFor()
      await dialog.getByLabel(/^Iemesls/).fill('Salūzusi gulta, remontā')
      assert.deepEqual(await seriousAxeViolations(page), [], 'axe: out-of-use dialog')
      await dialog.getByRole('button', { name: 'Izņemt no lietošanas', exact: true }).click()
      await panel.getByText('Vieta “Gulta 1” izņemta no lietošanas.').waitFor()
      await bedRow.getByText('Nav lietošanā', { exact: true }).waitFor()
      await bedRow.getByText(/^Salūzusi gulta, remontā \(kopš /).waitFor()
      assert.match(await text(panel.locator('[data-testid="housing-occupancy"]')), /Nav lietošanā: 1\.$/)
      assert.match(await text(panel.locator(`[data-testid="housing-unit-${spare.id}"]`)), /Brīvas vietas: 0 · nav lietošanā: 1/)
      const outOfUse = (await admin.client.expect('GET', base)).items.find((u) => u.id === spare.id).rooms[0].places[0]
      assert.equal(outOfUse.out_of_use.reason, 'Salūzusi gulta, remontā')
      assert.equal(outOfUse.out_of_use.since, rigaDay())
      // In English too.
      await chooseLanguage(page, 'en')
      await bedRow.getByText('Out of use', { exact: true }).waitFor()
      await bedRow.getByRole('button', { name: 'Return place “Gulta 1” to use' }).waitFor()
      assert.match(await text(panel.locator('[data-testid="housing-occupancy"]')), /Out of use: 1\.$/)
      await chooseLanguage(page, 'lv')
      await bedRow.getByRole('button', { name: 'Atgriezt lietošanā vietu “Gulta 1”' }).click()
      dialog = page.locator('dialog[open]')
      await dialog.getByRole('button', { name: 'Atgriezt lietošanā', exact: true }).click()
      await panel.getByText('Vieta “Gulta 1” atgriezta lietošanā.').waitFor()
      await bedRow.getByText('Brīva', { exact: true }).waitFor()
      assert.equal(await bedRow.getByText('Nav lietošanā', { exact: true }).count(), 0)

      // The unit where residents live is not removed: the reason shows in the dialog.
      await panel.locator(`[data-testid="housing-unit-${lived.id}-remove"]`).click()
      dialog = page.locator('dialog[open]')
      await dialog.getByRole('heading', { name: 'Dzēst vienību “Dzīvoklis Nr. 1”?' }).waitFor()
      assert.deepEqual(await seriousAxeViolations(page), [], 'axe: removal dialog')
      await dialog.getByRole('button', { name: 'Dzēst' }).click()
      await dialog.getByText(/iemītnieku vēsture netiek dzēsta/).first().waitFor()
      await dialog.getByRole('button', { name: 'Atcelt' }).click()
      await page.locator('dialog[open]').waitFor({ state: 'detached' })
      problems.splice(0, problems.length, ...problems.filter((p) => !/HTTP 409: |status of 409/.test(p)))

      // The never-used bed, then the whole spare unit, go after a confirmation.
      await panel.locator(`[data-testid="housing-place-${bed.id}-remove"]`).click()
      dialog = page.locator('dialog[open]')
      await dialog.getByRole('heading', { name: 'Dzēst vietu “Gulta 1”?' }).waitFor()
      await dialog.getByRole('button', { name: 'Dzēst' }).click()
      await panel.getByText('“Gulta 1” dzēsts.').waitFor()
      await panel.locator(`[data-testid="housing-place-${bed.id}-remove"]`).waitFor({ state: 'detached' })
      await panel.locator(`[data-testid="housing-unit-${spare.id}"]`).getByText('Istabā vēl nav vietu.').waitFor()
      // Someone changes the unit meanwhile: the removal with the version shown is refused (409 in
      // the dialog), and goes through once the page shows the change.
      await admin.client.expect('PATCH', `${base}/${spare.id}`, { version: 2, address: 'Liepāja, Rezerves iela 1' })
      await panel.locator(`[data-testid="housing-unit-${spare.id}-remove"]`).click()
      dialog = page.locator('dialog[open]')
      await dialog.getByRole('button', { name: 'Dzēst' }).click()
      await dialog.getByText(/Ierakstu pa to laiku mainīja kāds cits/).first().waitFor()
      await dialog.getByRole('button', { name: 'Atcelt' }).click()
      await page.locator('dialog[open]').waitFor({ state: 'detached' })
      problems.splice(0, problems.length, ...problems.filter((p) => !/HTTP 409: |status of 409/.test(p)))
      await visit(page, `/services/${service.id}`)
      await panel.getByText('Liepāja, Rezerves iela 1').waitFor()
      await panel.locator(`[data-testid="housing-unit-${spare.id}-remove"]`).click()
      dialog = page.locator('dialog[open]')
      await dialog.getByText(/kopā ar visām tās istabām un vietām/).waitFor()
      await dialog.getByRole('button', { name: 'Dzēst' }).click()
      await panel.getByText('“Rezerves dzīvoklis Nr. 2” dzēsts.').waitFor()
      await panel.getByRole('heading', { name: 'Rezerves dzīvoklis Nr. 2' }).waitFor({ state: 'detached' })
      assertNoProblems(problems, 'housing corrections')
    }, { browserLocale: 'lv-LV' })
    const after = await admin.client.expect('GET', base)
    assert.equal(after.items.some((u) => u.id === spare.id), false)
    assert.ok(after.items.some((u) => u.id === lived.id), 'the lived-in unit stays')
  } finally {
    await admin.client.request('DELETE', '/api/v1/session')
  }
})
