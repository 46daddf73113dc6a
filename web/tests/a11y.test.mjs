// The general pages in both languages (login, sessions, administration and audit are checked in
// their own test files with real users): axe-core finds no serious/critical violations, and the page
// logs no console errors and no CSP violations.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, openPage, visit, chooseLanguage, assertNoProblems, seriousAxeViolations } from './support/browser.mjs'
import { fakeSession } from './support/identity.mjs'

const PAGES = [
  { name: 'home', path: '/', heading: { lv: 'Laipni lūdzam sistēmā Atbalsts', en: 'Welcome to Atbalsts' } },
  { name: 'about', path: '/about', heading: { lv: 'Par sistēmu', en: 'About & system status' } },
  { name: 'not-found', path: '/sis-cels-neeksiste', heading: { lv: 'Lapa nav atrasta', en: 'Page not found' } },
]

let browser
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

for (const locale of ['lv', 'en']) {
  for (const { name, path, heading } of PAGES) {
    test(`${name} (${locale}): accessible, no console errors, no CSP violations`, async () => {
      const { context, page, problems } = await openPage(browser)
      await fakeSession(page) // a signed-in frame (the identity pages have their own tests)
      try {
        await visit(page, '/')
        if (locale !== 'lv') await chooseLanguage(page, locale)
        await visit(page, path) // a full load, so the stored language choice is used
        assert.equal(await page.getAttribute('html', 'lang'), locale)
        assert.equal(await page.locator('#main h1').textContent(), heading[locale])
        const violations = await seriousAxeViolations(page)
        assert.deepEqual(violations, [], `axe: serious/critical violations on ${path} (${locale})`)
        assertNoProblems(problems, `${path} (${locale})`)
      } finally {
        await context.close()
      }
    })
  }
}
