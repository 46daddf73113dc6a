// Loading, empty, error and not-ready states. The server's answers are replaced in the browser
// (page.route) so that failures can be shown on demand; the rest of the app is the real one.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { url, launchBrowser, openPage, visit, waitForPage, seriousAxeViolations } from './support/browser.mjs'
import { fakeSession } from './support/identity.mjs'

let browser
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

const problem = (status, title, detail) => ({
  status,
  contentType: 'application/problem+json',
  body: JSON.stringify({ type: 'about:blank', title, status, detail, errors: [] }),
})

async function withPage(body) {
  const session = await openPage(browser)
  await fakeSession(session.page) // the home page needs a signed-in user
  try {
    await body(session)
  } finally {
    await session.context.close()
  }
}

test('home: loading state, then an error with the server text, then retry succeeds', async () => {
  await withPage(async ({ page }) => {
    let release
    const held = new Promise((resolve) => (release = resolve))
    await page.route('**/api/v1/municipality', async (route) => {
      await held
      await route.fulfill(problem(500, 'Iekšēja kļūda', 'Mēģiniet vēlāk'))
    })
    await page.goto(url('/'))
    const loading = page.getByRole('status').filter({ hasText: 'Ielādē…' })
    await loading.waitFor()
    assert.equal(await loading.getAttribute('aria-busy'), 'true')
    // While loading (and on error) the header shows the product name instead of the municipality.
    assert.equal(await page.locator('[data-testid="municipality-name"]').textContent(), 'Atbalsts')
    release()

    const alert = page.getByRole('alert')
    await alert.waitFor()
    assert.match(await alert.textContent(), /Neizdevās ielādēt datus/)
    assert.match(await alert.textContent(), /Iekšēja kļūda: Mēģiniet vēlāk/)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the error state')

    await page.unroute('**/api/v1/municipality')
    await alert.getByRole('button', { name: 'Mēģināt vēlreiz' }).click()
    await page.locator('[data-testid="departments"]').waitFor()
    assert.equal(await page.getByRole('alert').count(), 0)
    assert.equal(await page.locator('[data-testid="municipality-name"]').textContent(), 'Liepājas valstspilsēta')
  })
})

test('home: a server with no municipality yet shows a calm empty state, not an error', async () => {
  await withPage(async ({ page }) => {
    await page.route('**/api/v1/municipality', (route) => route.fulfill(problem(404, 'Nav atrasts', 'Pašvaldība nav iestatīta')))
    await visit(page, '/')
    assert.equal(await page.getByRole('alert').count(), 0)
    assert.match(await page.locator('#main').textContent(), /Pašvaldība vēl nav iestatīta/)
    assert.equal(await page.locator('[data-testid="municipality-name"]').textContent(), 'Atbalsts')
  })
})

test('home: a municipality without departments shows "no departments"', async () => {
  await withPage(async ({ page }) => {
    await page.route('**/api/v1/municipality', (route) =>
      route.fulfill({ json: { id: 1, name: 'Testa novads', departments: [] } }),
    )
    await visit(page, '/')
    assert.match(await page.locator('#main').textContent(), /vēl nav pievienota neviena struktūrvienība/)
    assert.equal(await page.locator('[data-testid="municipality-name"]').textContent(), 'Testa novads')
  })
})

test('about: a 503 from /readyz is shown as "not ready" with the reason', async () => {
  await withPage(async ({ page }) => {
    await page.route('**/readyz', (route) => route.fulfill(problem(503, 'Nav gatavs', 'Datubāze nav pieejama')))
    await visit(page, '/about')
    const badge = page.locator('[data-testid="readiness"]')
    assert.equal((await badge.textContent()).trim(), 'Nav gatava darbam')
    assert.equal(await badge.getAttribute('data-ready'), 'false')
    assert.match(await page.locator('#main').textContent(), /Nav gatavs: Datubāze nav pieejama/)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the not-ready state')

    await page.unroute('**/readyz')
    await page.getByRole('button', { name: 'Atjaunot' }).click()
    await page.waitForFunction(() => document.querySelector('[data-testid="readiness"]')?.dataset.ready === 'true')
    await waitForPage(page)
    assert.equal((await badge.textContent()).trim(), 'Gatava darbam')
  })
})

test('about: an unreachable server shows an error with a retry button', async () => {
  await withPage(async ({ page }) => {
    await page.route('**/api/v1/version', (route) => route.abort('connectionrefused'))
    await visit(page, '/about')
    const alert = page.getByRole('alert')
    assert.match(await alert.textContent(), /Neizdevās sazināties ar serveri/)
    await page.unroute('**/api/v1/version')
    await alert.getByRole('button', { name: 'Mēģināt vēlreiz' }).click()
    await page.locator('[data-testid="readiness"]').waitFor()
    assert.equal(await page.getByRole('alert').count(), 0)
  })
})

test('user page of an administrator who is also an auditor: "who looked" panel, empty and error states', async () => {
  await withPage(async ({ page }) => {
    await fakeSession(page, { roles: ['admin', 'auditor'] })
    const user = {
      id: 41, username: 'liga', full_name: 'Līga Ozoliņa', email: null, roles: ['social_worker'], team_ids: [],
      disabled: false, totp_enabled: true, created_at: '2026-01-02T08:00:00.000Z',
    }
    const entry = {
      seq: 7, at: '2026-03-04T09:10:00.000Z', user_id: 2, username: 'auditor', role: 'auditor', action: 'read',
      entity_type: 'user', entity_id: 41, reason: 'Pārbaude', outcome: 'ok', request_id: 'r1', remote: '10.0.0.9',
    }
    await page.route('**/api/v1/users/41', (route) => route.fulfill({ json: user }))
    await page.route('**/api/v1/users/41/sessions', (route) => route.fulfill({ json: { items: [] } }))
    let audit = (route) => route.fulfill(problem(500, 'Iekšēja kļūda', 'Žurnāls nav pieejams'))
    await page.route('**/api/v1/audit/entities/user/41', (route) => audit(route))
    await visit(page, '/admin/users/41')
    const panel = page.locator('[data-testid="who-looked"]')
    assert.match(await panel.textContent(), /Kas skatīja šos datus/)
    assert.match(await panel.getByRole('alert').textContent(), /Žurnāls nav pieejams/)
    assert.match(await page.locator('#main').textContent(), /Nav aktīvu sesiju/)
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the user page')

    audit = (route) => route.fulfill({ json: { items: [entry] } })
    await panel.getByRole('button', { name: 'Mēģināt vēlreiz' }).click()
    await panel.getByRole('table').waitFor()
    const text = await panel.textContent()
    for (const part of ['auditor', 'Auditors (datu aizsardzības speciālists)', 'Skatīšana', 'Pārbaude', '10.0.0.9']) {
      assert.ok(text.includes(part), part)
    }
  })
})
