// The users of the reports' browser tests (statistics, statutory reports, exports): the demo
// director and a social worker, enrolled once per test file, and a browser.
import { launchBrowser } from './browser.mjs'
import { enrolUser } from './identity.mjs'

/** Launches the browser and enrols `direktore` and `anna`: { browser, director, anna }. */
export async function openReportUsers () {
  const browser = await launchBrowser()
  const director = await enrolUser('direktore', undefined, { keepCodes: 0 })
  const anna = await enrolUser('anna', undefined, { keepCodes: 0 })
  return { browser, director, anna }
}

/** Closes the browser and ends both users' sessions (any of them may be missing). */
export async function closeReportUsers ({ browser, director, anna }) {
  await browser?.close()
  await director?.client.request('DELETE', '/api/v1/session')
  await anna?.client.request('DELETE', '/api/v1/session')
}
