// A whole case in Latvian, from intake to closure, as the social worker `anna` and her supervisor
// `ilze` (families team): intake and case (the intake through the API), agreement with the
// signed PDF, an assessment and its result, a visit note, a plan with a task and the family's
// agreement, the supervisor's approval, implementation, the task done, review, an opinion for the
// orphan's court (its PDF read back with pdftotext), the closure request and its approval.
// This file signs `anna` and `ilze` in first on a fresh server (enrolUser saves their enrolment
// for sessions.test.mjs and registry.test.mjs) and signs them out at the end.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchBrowser, visit, waitForPage, chooseLanguage, assertNoProblems, seriousAxeViolations } from './support/browser.mjs'
import { enrolUser } from './support/identity.mjs'
import { withClientPage } from './support/registry.mjs'

let browser
let anna
let ilze
let caseId
const dir = mkdtempSync(join(tmpdir(), 'casewalk-'))

before(async () => {
  browser = await launchBrowser()
  anna = await enrolUser('anna', undefined, { keepCodes: 0 })
  ilze = await enrolUser('ilze', undefined, { keepCodes: 0 })
})
after(async () => {
  await browser?.close()
  // The next files count their sessions: leave none of ours open.
  await anna?.client.request('DELETE', '/api/v1/session')
  await ilze?.client.request('DELETE', '/api/v1/session')
})

/** Riga's date `days` from today, YYYY-MM-DD. */
function rigaDate(days = 0) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date(Date.now() + days * 86_400_000))
}

/** A small valid PDF (what a scanner would give) with one line of text. */
function pdf(text) {
  const stream = `BT /F1 18 Tf 50 750 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

const text = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
const section = (page, id) => page.locator(`#case-${id}`)

async function noSeriousAxe(page, where) {
  assert.deepEqual(await seriousAxeViolations(page), [], `axe: ${where}`)
}

/** Moves the case to a stage with the button, a reason and the confirmation; checks the stage shown. */
async function moveTo(page, stage, label, reason) {
  await page.locator(`[data-testid="move-${stage}"]`).click()
  const dialog = page.locator('dialog[open]')
  await dialog.getByRole('textbox').fill(reason)
  await dialog.getByRole('button', { name: 'Pāriet' }).click()
  await dialog.waitFor({ state: 'detached' }).catch(() => {})
  await page.locator('dialog[open]').waitFor({ state: 'hidden' })
  await page.waitForFunction((l) => document.querySelector('[data-testid="case-stage"]')?.textContent?.trim().toLowerCase() === l, label)
  assert.match(await text(page.locator('[aria-current="step"]')), new RegExp(label, 'i'))
}

/** Confirms the open dialog with the button `name` (and a note when it asks for one). */
async function confirm(page, name, note) {
  const dialog = page.locator('dialog[open]')
  if (note) await dialog.getByRole('textbox').fill(note)
  await dialog.getByRole('button', { name }).click()
  await page.locator('dialog[open]').waitFor({ state: 'hidden' })
}

const asAnna = (body) => withClientPage(browser, anna.client, body)
/** The plan's task given to the school from the partner register (test 3), seen in its portal (test 4). */
const SCHOOL_TASK = 'Informēt par Martas skolas apmeklējumu'
const asIlze = (body) => withClientPage(browser, ilze.client, body)

test('1. anna registers an intake and opens a case; the case page shows its stages', async () => {
  // The intake is registered through the API (the intake form is walked by intakes.test.mjs);
  // its outcome "open a case" is chosen on the intake page, which leads to the case page.
  const persons = await anna.client.expect('GET', '/api/v1/persons?q=anna%20berzina')
  const person = await anna.client.expect('GET', `/api/v1/persons/${persons.items.find((p) => p.in_scope).id}`)
  const household = person.households[0].id
  const intake = await anna.client.expect('POST', '/api/v1/intakes', {
    channel: 'school', urgency: 'routine', reporter: { kind: 'partner', name: 'Liepājas 5. vidusskola' },
    concern: 'Bērni bieži kavē skolu.\nSkolotāja uztraucas par ģimenes situāciju.', problems: ['neglect', 'poverty'],
    household_id: household,
  }, 201)

  await asAnna(async ({ page, problems }) => {
    await visit(page, `/intakes/${intake.id}`)
    const outcome = page.getByTestId('intake-outcome')
    await outcome.getByRole('radio', { name: /^Atvērts? gadījum/ }).check()
    await page.getByTestId('outcome-submit').click()
    await page.getByTestId('confirm-dialog').waitFor()
    await page.getByTestId('confirm-yes').click()
    await page.waitForURL(/\/cases\/\d+$/)
    caseId = Number(/\/cases\/(\d+)$/.exec(page.url())[1])
    await waitForPage(page)
    assert.equal((await anna.client.expect('GET', `/api/v1/intakes/${intake.id}`)).case_id, caseId)
    assert.equal(await text(page.locator('h1')), 'Bērziņu ģimene')
    assert.equal(await text(page.locator('[data-testid="case-lead"]')), 'Anna Bērziņa')
    const stages = page.locator('[data-testid="stage-progress"] li')
    assert.equal(await stages.count(), 8, 'every stage is shown')
    assert.match(await text(page.locator('[aria-current="step"]')), /Pieteikums/)
    assert.match(await text(page.locator('[data-testid="case-timeline"]')), /Gadījums atvērts.*Pieteikums P-/)
    await noSeriousAxe(page, 'case page at intake')

    // A move needs a reason: the dialog says so while it is too short.
    await page.locator('[data-testid="move-agreement"]').click()
    const dialog = page.locator('dialog[open]')
    await dialog.getByRole('textbox').fill('x')
    await dialog.getByRole('button', { name: 'Pāriet' }).click()
    assert.match(await text(dialog), /vismaz 3/)
    await dialog.getByRole('button', { name: 'Atcelt' }).click()
    await moveTo(page, 'agreement', 'vienošanās', 'Pirmā tikšanās ar ģimeni norunāta.')

    // The page in English too.
    await chooseLanguage(page, 'en')
    assert.match(await text(page.locator('#case-plan h2')), /Cooperation plan/)
    assert.match(await text(page.locator('[aria-current="step"]')), /Agreement/)
    await chooseLanguage(page, 'lv')
    assertNoProblems(problems, 'case page')
  })
})

test('2. agreement with the signed PDF, then an assessment completed and its result', async () => {
  assert.ok(caseId, 'test 1 opened the case')
  await asAnna(async ({ page, problems }) => {
    await visit(page, `/cases/${caseId}`)
    const agreement = section(page, 'agreement')
    // Validation while typing: nobody ticked yet.
    await agreement.getByRole('button', { name: 'Saglabāt vienošanos' }).click()
    assert.match(await text(agreement), /Atzīmējiet vismaz vienu personu\./)
    await agreement.getByLabel('Anna Bērziņa').check()
    await agreement.getByLabel(/Jānis/).check()
    await agreement.getByLabel('Parakstītā vienošanās (PDF vai attēls)').setInputFiles({
      name: 'vienosanas.pdf', mimeType: 'application/pdf', buffer: pdf('Vienosanas par sadarbibu'),
    })
    await agreement.getByRole('button', { name: 'Saglabāt vienošanos' }).click()
    await agreement.getByText('Vienošanās un parakstītais dokuments saglabāti.').waitFor()
    assert.match(await text(agreement.locator('[data-testid="agreement-facts"]')), /Anna Bērziņa.*Jānis/)
    await page.locator('[data-testid="documents-list"]').getByRole('link', { name: 'vienosanas.pdf' }).waitFor()

    // A file that is not what its name says is refused by its content (415), the reason shown.
    const documents = section(page, 'documents')
    await documents.getByLabel(/^Datne/).setInputFiles({ name: 'izziņa.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Tikai teksts, nevis PDF.') })
    await documents.getByRole('button', { name: 'Augšupielādēt' }).click()
    const refused = documents.locator('[data-testid="form-problem"]')
    await refused.waitFor()
    assert.match(await text(refused), /Šāda veida failu pievienot nevar\./)
    assert.equal(await documents.locator('[data-testid="documents-list"] li').count(), 1)
    problems.splice(0, problems.length, ...problems.filter((p) => !/HTTP 415: .*\/documents\?|status of 415/.test(p)))

    await moveTo(page, 'initial_assessment', 'sākotnējā izvērtēšana', 'Vienošanās parakstīta.')

    // Start an assessment with the instrument for an adult in crisis.
    await page.getByLabel('Izvērtēšanas instruments').selectOption('adult-in-crisis')
    await page.getByRole('button', { name: 'Sākt izvērtēšanu' }).click()
    await page.waitForURL(/\/cases\/\d+\/assessments\/\d+$/)
    await waitForPage(page)
    const form = page.locator('[data-testid="assessment-form"]')
    await form.waitFor()
    await noSeriousAxe(page, 'assessment form')
    // Completing with nothing answered names the open questions.
    await form.getByRole('button', { name: 'Pabeigt izvērtēšanu' }).click()
    assert.match(await text(page.locator('[data-testid="assessment-missing"]')), /Neatbildēti obligātie jautājumi: \d+\./)
    assert.ok(await form.locator('.question--invalid').count() > 10, 'each unanswered required question is marked')
    assert.match(await text(form.locator('.question--invalid').first()), /Atbildiet uz šo jautājumu\./)

    // Answer every question: the second choice of each (a mix of difficulties and strengths).
    const questions = form.locator('.question')
    const count = await questions.count()
    for (let i = 0; i < count; i += 1) {
      const question = questions.nth(i)
      const radios = question.locator('input[type="radio"]')
      if (await radios.count()) await radios.nth(Math.min(1, (await radios.count()) - 1)).check()
      else if (await question.locator('input[type="checkbox"]').count()) await question.locator('input[type="checkbox"]').first().check()
      else await question.locator('textarea').fill('Krīze sākās pēc darba zaudēšanas; ģimene atbalsta.')
    }
    assert.equal(await text(page.locator('[data-testid="assessment-missing"]')), 'Visi obligātie jautājumi atbildēti.')

    // The server's answer errors name their path: the message shows at that question.
    await page.route('**/api/v1/cases/*/assessments/*', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 422,
            contentType: 'application/problem+json',
            body: JSON.stringify({ title: 'Ievaddati nav derīgi', status: 422, errors: [{ field: 'answers.members.0.answers.distress', message: 'Vērtība 7 nav skalā (0, 1, 2, 3).' }] }),
          })
        : route.fallback(),
      { times: 1 },
    )
    await form.getByRole('button', { name: 'Saglabāt melnrakstu' }).click()
    await form.locator('.question--invalid[data-question="distress"]').waitFor()
    assert.match(await text(form.locator('[data-question="distress"]')), /Vērtība 7 nav skalā \(0, 1, 2, 3\)\./)
    problems.splice(0, problems.length, ...problems.filter((p) => !/HTTP 422: .*\/assessments\/|status of 422/.test(p)))
    await form.getByRole('button', { name: 'Saglabāt melnrakstu' }).click()
    await form.getByText('Melnraksts saglabāts.').waitFor()
    await form.getByRole('button', { name: 'Pabeigt izvērtēšanu' }).click()

    const result = page.locator('[data-testid="assessment-result"]')
    await result.waitFor()
    assert.match(await text(result.locator('[data-testid="overall-level"]')), /^(zems|vidējs|augsts|ļoti augsts)$/)
    const member = result.locator('section[data-testid^="result-member-"]').first()
    assert.match(await text(member.locator('h2')), /Anna Bērziņa/)
    const headers = await member.locator('thead th').allTextContents()
    assert.deepEqual(headers.map((h) => h.trim()), ['Joma', 'Grūtības', 'Stiprās puses (resursi)'], 'difficulties beside strengths')
    assert.ok(await member.locator('tbody tr').count() >= 3, 'a row per domain')
    await noSeriousAxe(page, 'assessment result')

    await page.getByRole('link', { name: 'Atpakaļ uz gadījumu' }).click()
    await waitForPage(page)
    assert.match(await text(section(page, 'assessments')), /pabeigts/)
    assertNoProblems(problems, 'agreement and assessment')
  })
})

test('3. a visit note, a plan with a task and the family’s agreement, submitted', async () => {
  assert.ok(caseId, 'test 1 opened the case')
  await asAnna(async ({ page, problems }) => {
    await visit(page, `/cases/${caseId}`)
    const notes = section(page, 'notes')
    await notes.getByLabel('Veids').selectOption('visit')
    await notes.getByRole('button', { name: 'Saglabāt piezīmi' }).click()
    assert.match(await text(notes), /Ierakstiet piezīmes tekstu\./)
    await notes.getByLabel(/^Teksts/).fill('Apmeklējums mājās: bērni paēduši, mājoklis sakopts.\nMāte stāsta par parādiem.')
    await notes.getByRole('button', { name: 'Saglabāt piezīmi' }).click()
    await notes.getByText('Piezīme saglabāta.').waitFor()
    assert.match(await text(notes.locator('[data-testid="notes-list"]')), /Apmeklējums,.*Anna Bērziņa.*bērni paēduši/)

    await moveTo(page, 'in_depth_assessment', 'padziļinātā izvērtēšana', 'Sākotnējā izvērtēšana pabeigta.')
    await moveTo(page, 'plan', 'sadarbības plāns', 'Izvērtēšana pabeigta, gatavojam plānu.')

    const plan = section(page, 'plan')
    await plan.locator('[data-testid="plan-new"]').click()
    const editor = plan.locator('[data-testid="plan-editor"]')
    await editor.getByRole('button', { name: 'Saglabāt plāna melnrakstu' }).click()
    assert.match(await text(editor), /Aizpildiet šo lauku\./, 'the empty goal is pointed out')
    await editor.getByLabel(/^Mērķis/).fill('Ģimene nokārto parādus un sastāda budžetu')
    const link = editor.getByLabel('Saistītās izvērtētās grūtības')
    const linkValues = await link.locator('option').evaluateAll((options) => options.map((o) => o.value).filter(Boolean))
    assert.ok(linkValues.length > 0, 'the assessed difficulties are offered as links')
    await link.selectOption(linkValues[0])
    await editor.getByLabel(/^Uzdevums/).fill('Apmeklēt budžeta plānošanas nodarbības')
    await editor.getByLabel(/^Izpildes termiņš/).fill(rigaDate(-1))
    assert.match(await text(editor), /Datums nevar būt pagātnē\./, 'a past due date is refused while typing')
    await editor.getByLabel(/^Izpildes termiņš/).fill(rigaDate(14))
    // A worker is found by name for a task (here tried, then the task is given to Anna).
    await editor.getByLabel(/^Atbildīgais( \(|$)/).selectOption('worker')
    const taskWorker = editor.locator('[data-testid="task-worker"]')
    assert.equal(await text(taskWorker.locator('.plan-editor__chosen')), 'Darbinieks nav izvēlēts.')
    await taskWorker.getByLabel(/^Atbildīgais darbinieks/).fill('kalni')
    await taskWorker.getByRole('button', { name: 'Izvēlēties: Ilze Kalniņa' }).click()
    assert.equal(await text(taskWorker.locator('.plan-editor__chosen')), 'Izvēlētais darbinieks: Ilze Kalniņa')
    await editor.getByLabel(/^Atbildīgais( \(|$)/).selectOption('member')
    await editor.getByLabel(/^Ģimenes loceklis/).selectOption({ label: 'Anna Bērziņa' })
    // A second task for the school, chosen from the partner register by name (its users then see
    // it in their portal: test 4).
    await editor.getByRole('button', { name: 'Pievienot uzdevumu' }).click()
    const schoolTask = editor.locator('[data-testid="goal-0-task-1"]')
    await schoolTask.getByLabel(/^Uzdevums/).fill(SCHOOL_TASK)
    await schoolTask.getByLabel(/^Izpildes termiņš/).fill(rigaDate(21))
    await schoolTask.getByLabel(/^Atbildīgais( \(|$)/).selectOption('partner')
    await schoolTask.getByLabel(/^Meklēt iestādi partneru reģistrā/).fill('vidussk')
    await schoolTask.getByRole('button', { name: 'Izvēlēties: Liepājas 5. vidusskola' }).click()
    assert.equal(await text(schoolTask.locator('.plan-editor__chosen')), 'Izvēlētā iestāde: Liepājas 5. vidusskola')
    await noSeriousAxe(page, 'plan editor with a register institution')
    await editor.getByLabel(/^Pārskatīšanas datums/).fill(rigaDate(60))
    await editor.getByRole('button', { name: 'Saglabāt plāna melnrakstu' }).click()
    await plan.getByText(/Plāns Nr\. \d+ saglabāts\./).waitFor()
    assert.match(await text(plan.locator('[data-testid="plan-draft"]')), /Apmeklēt budžeta plānošanas nodarbības.*Anna Bērziņa/)
    assert.match(await text(plan.locator('[data-testid="plan-draft"]')), new RegExp(`${SCHOOL_TASK}.*Liepājas 5\\. vidusskola`))
    // The task is the register's institution (by its id), not a name typed in.
    const draft = await anna.client.expect('GET', `/api/v1/cases/${caseId}/plan`)
    const sent = draft.draft.goals[0].tasks[1].responsible
    assert.equal(sent.kind, 'partner')
    assert.ok(Number.isInteger(sent.partner_id), `partner_id sent: ${JSON.stringify(sent)}`)
    assert.equal(sent.name, 'Liepājas 5. vidusskola')

    const agreement = plan.locator('[data-testid="plan-agreement-form"]')
    await agreement.getByLabel('Anna Bērziņa').check()
    await agreement.getByRole('button', { name: 'Reģistrēt ģimenes piekrišanu' }).click()
    await plan.getByText('Plāna izmaiņas saglabātas.').waitFor()
    await plan.locator('[data-testid="plan-draft"] [data-testid="plan-family-agreement"]').getByText(/Anna Bērziņa/).waitFor()
    await plan.locator('[data-testid="plan-submit"]').click()
    await plan.getByText('Plāns iesniegts vadītājam apstiprināšanai.').waitFor()
    assert.equal(await text(plan.locator('[data-testid="plan-awaiting"]')), 'Plāns gaida vadītāja lēmumu.')
    await noSeriousAxe(page, 'plan submitted')

    // Implementation needs the approved plan: the server says why.
    await page.locator('[data-testid="move-implementation"]').click()
    const dialog = page.locator('dialog[open]')
    await dialog.getByRole('textbox').fill('Plāns gatavs.')
    await dialog.getByRole('button', { name: 'Pāriet' }).click()
    await dialog.locator('[data-testid="form-problem"]').waitFor()
    await dialog.getByRole('button', { name: 'Atcelt' }).click()
    // An assessment per member: every household member with a role guessed from the age, the
    // household's own sections once. (Left as a draft: the walk goes on with the other one.)
    await page.getByLabel('Izvērtēšanas instruments').selectOption('family-children')
    await page.getByRole('button', { name: 'Sākt izvērtēšanu' }).click()
    await page.waitForURL(/\/assessments\/\d+$/)
    await waitForPage(page)
    const family = page.locator('[data-testid="assessment-form"]')
    assert.equal(await family.getByLabel('Loma: Marta Bērziņa').inputValue(), 'child')
    assert.equal(await family.getByLabel('Loma: Jānis Bērziņš').inputValue(), 'adult')
    assert.match(await text(family.locator('h2').first()), /\(mājsaimniecība\)/)
    assert.equal(await family.locator('section[data-member]').count(), 4, 'a part for each member')
    await family.getByRole('checkbox', { name: 'Roberts Bērziņš' }).uncheck()
    assert.equal(await family.locator('section[data-member]').count(), 3, 'a member left out has no part')
    await noSeriousAxe(page, 'assessment per member')
    await page.goBack()
    await waitForPage(page)

    // That 409 was expected (the browser logs it too).
    problems.splice(0, problems.length, ...problems.filter((p) => !/HTTP 409: .*\/transitions$|status of 409/.test(p)))
    assertNoProblems(problems, 'note and plan')
  })
})

test('4. ilze approves the plan; anna implements it, marks the task done, reviews and goes on', async () => {
  assert.ok(caseId, 'test 1 opened the case')
  await asIlze(async ({ page, problems }) => {
    await visit(page, `/cases/${caseId}`)
    // The supervisor finds a co-worker of her department by name (she joins the case herself):
    // without diacritics, two words' beginnings.
    await page.getByText('Mainīt darbiniekus').click()
    const workers = page.locator('[data-testid="workers-form"]')
    assert.equal(await workers.getByLabel(/^Vadītājs/).inputValue(), String(anna.user.id))
    assert.equal(await text(workers.locator('.workers__none')), 'Līdzdarbinieku nav.')
    await workers.getByLabel('Meklēt līdzdarbinieku').fill('ilze kal')
    await workers.getByRole('button', { name: 'Pievienot: Ilze Kalniņa' }).click()
    assert.equal(await text(workers.locator('[data-testid="co-worker-list"] li span')), 'Ilze Kalniņa')
    assert.equal(await workers.getByLabel('Meklēt līdzdarbinieku').inputValue(), '')
    await workers.getByRole('button', { name: 'Saglabāt darbiniekus' }).click()
    await page.getByText('Darbinieki saglabāti.').waitFor()
    assert.equal(await text(page.locator('[data-testid="case-co-workers"]')), 'Ilze Kalniņa')

    const plan = section(page, 'plan')
    await plan.locator('[data-testid="plan-approve"]').click()
    await confirm(page, 'Apstiprināt plānu')
    await plan.getByText('Plāns apstiprināts.').waitFor()
    assert.equal(await text(plan.locator('[data-testid="plan-approved"] [data-testid="plan-status"]')), 'apstiprināts')
    assertNoProblems(problems, 'plan approval')
  })
  await asAnna(async ({ page, problems }) => {
    await visit(page, `/cases/${caseId}`)
    await page.locator('[data-testid="plan-approved"]').waitFor()
    assert.equal(await text(page.locator('[data-testid="case-co-workers"]')), 'Ilze Kalniņa', 'named from the plan she approved')
    await moveTo(page, 'implementation', 'īstenošana un uzraudzība', 'Plāns apstiprināts.')
    const current = section(page, 'plan').locator('[data-testid="plan-approved"]')
    const budgetTask = current.locator('[data-testid^="task-"]').filter({ hasText: 'Apmeklēt budžeta plānošanas nodarbības' })
    await budgetTask.getByLabel(/Uzdevuma “Apmeklēt budžeta plānošanas nodarbības” statuss/).selectOption('done')
    await budgetTask.getByRole('button', { name: 'Saglabāt statusu' }).click()
    await current.getByText('Statuss saglabāts.').waitFor()
    const task = await anna.client.expect('GET', `/api/v1/cases/${caseId}/plan`)
    assert.equal(task.current.goals[0].tasks[0].status, 'done')
    await moveTo(page, 'review', 'pārskatīšana', 'Uzdevums izpildīts, pārskatām plānu.')
    await moveTo(page, 'implementation', 'īstenošana un uzraudzība', 'Turpinām pēc plāna.')
    assertNoProblems(problems, 'implementation and review')
  })
  // The school's social pedagogue sees the task assigned in the plan editor in her portal (and
  // partners.test.mjs signs her in later with the enrolment saved here).
  const pedagogue = await enrolUser('pedagogs', undefined, { keepCodes: 0 })
  try {
    await withClientPage(browser, pedagogue.client, async ({ page, problems }) => {
      await visit(page, '/portal')
      const tasks = page.getByTestId('portal-tasks')
      await tasks.getByText(SCHOOL_TASK).waitFor()
      assert.match(await text(tasks), new RegExp(`${SCHOOL_TASK}.*Ģimene nokārto parādus un sastāda budžetu`))
      assertNoProblems(problems, 'partner portal tasks')
    })
  } finally {
    await pedagogue.client.request('DELETE', '/api/v1/session')
  }
})

test('5. anna creates an opinion for the orphan’s court and downloads its PDF', async () => {
  assert.ok(caseId, 'test 1 opened the case')
  await asAnna(async ({ page, problems }) => {
    await visit(page, `/cases/${caseId}`)
    const opinion = section(page, 'opinion')
    const form = opinion.locator('[data-testid="opinion-form"]')
    await form.getByLabel('Bāriņtiesai').check()
    await form.getByLabel(/^Adresāts/).fill('Liepājas bāriņtiesai')
    await form.getByLabel('Pieprasījums').fill('Bāriņtiesas 2026. gada 20. novembra vēstule Nr. 1-12/345')
    await form.getByLabel('Anna Bērziņa').check()
    // (The plan part of api-cases-records.md is not built by the server yet: left out here.)
    for (const part of ['Izvērtējums (grūtības un stiprās puses)', 'Spēkā esošais sadarbības plāns', 'Izvēlētas piezīmes', 'Sociālā darbinieka secinājumi']) {
      await form.getByLabel(part).check()
    }
    await form.getByRole('button', { name: 'Sagatavot atzinumu' }).click()
    assert.match(await text(form), /Izvēlieties izvērtējumu\./, 'the chosen parts need their content')
    const assessment = form.getByRole('combobox', { name: /^Izvērtējums/ })
    const values = await assessment.locator('option').evaluateAll((options) => options.map((o) => o.value).filter(Boolean))
    await assessment.selectOption(values[0])
    await form.getByLabel(/Apmeklējums,/).check()
    await form.getByLabel(/^Secinājumi/).fill('Ģimene sadarbojas; bērnu vajadzības tiek nodrošinātas. Ieteicams turpināt sociālo darbu.')
    await form.getByRole('button', { name: 'Sagatavot atzinumu' }).click()
    const created = opinion.locator('[data-testid="opinion-created"]')
    await created.waitFor()
    const reference = /Atzinums (\S+) sagatavots/.exec(await text(created))?.[1]
    assert.ok(reference, 'the reference number is shown')

    const [download] = await Promise.all([page.waitForEvent('download'), created.getByRole('link', { name: 'Lejupielādēt PDF' }).click()])
    const file = join(dir, 'atzinums.pdf')
    await download.saveAs(file)
    assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-')
    let pdfText = ''
    try {
      pdfText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    } catch (e) {
      if (e.code !== 'ENOENT') throw e // no pdftotext installed: the header check above must do
    }
    if (pdfText) {
      const flat = pdfText.replace(/\s+/g, ' ')
      assert.match(flat, /Liepājas bāriņtiesai/)
      assert.ok(flat.includes(reference), `the reference ${reference} is in the PDF`)
      assert.match(flat, /Anna Bērziņa/)
      assert.match(flat, /bērnu vajadzības tiek nodrošinātas/)
    }
    assert.match(await text(section(page, 'timeline')), new RegExp(`Atzinums ${reference.replace(/[/.]/g, '\\$&')} — Liepājas bāriņtiesai`))
    assertNoProblems(problems, 'opinion')
  })
})

test('6. anna asks to close the case, ilze approves, the case shows closed', async () => {
  assert.ok(caseId, 'test 1 opened the case')
  await asAnna(async ({ page, problems }) => {
    await visit(page, `/cases/${caseId}`)
    const closure = section(page, 'closure')
    await closure.getByRole('button', { name: 'Lūgt slēgt gadījumu' }).click()
    assert.match(await text(closure), /Izvēlieties iemeslu\..*Izvēlieties novērtējumu\./)
    await closure.getByLabel('Slēgšanas iemesls').selectOption('goals_reached')
    await closure.getByLabel(/^5 — /).check()
    await closure.getByLabel('Piezīme').fill('Ģimene patstāvīgi tiek galā ar budžetu.')
    await closure.getByRole('button', { name: 'Lūgt slēgt gadījumu' }).click()
    await closure.locator('[data-testid="closure-pending"]').waitFor()
    assert.match(await text(closure.locator('[data-testid="closure-pending"]')), /Anna Bērziņa lūdza slēgt gadījumu/)
    assert.equal(await closure.locator('[data-testid="closure-approve"]').count(), 0, 'only a supervisor decides')
    assertNoProblems(problems, 'closure request')
  })
  await asIlze(async ({ page, problems }) => {
    await visit(page, `/cases/${caseId}`)
    const closure = section(page, 'closure')
    await closure.locator('[data-testid="closure-approve"]').click()
    await confirm(page, 'Apstiprināt slēgšanu')
    await closure.locator('[data-testid="closure-facts"]').waitFor()
    assert.equal(await text(page.locator('[data-testid="case-stage"]')), 'slēgts')
    assertNoProblems(problems, 'closure approval')
  })
  await asAnna(async ({ page, problems }) => {
    await visit(page, `/cases/${caseId}`)
    assert.equal(await text(page.locator('[data-testid="case-stage"]')), 'slēgts')
    assert.match(await text(page.locator('[aria-current="step"]')), /Slēgts/)
    assert.match(await text(section(page, 'closure').locator('[data-testid="closure-facts"]')), /Mērķi sasniegti.*5/)
    assert.equal(await page.locator('[data-testid="note-form"]').count(), 0, 'a closed case takes no notes')
    assert.equal(await text(page.locator('[data-testid="move-agreement"]')), 'Atvērt gadījumu no jauna')
    await noSeriousAxe(page, 'closed case')
    assertNoProblems(problems, 'closed case')
  })
})

test('7. the case page: a case not found, a part that fails to load and loads again', async () => {
  assert.ok(caseId, 'test 1 opened the case')
  await asAnna(async ({ page, problems }) => {
    await visit(page, '/cases/999999')
    assert.equal(await text(page.locator('h1')), 'Gadījums')
    assert.match(await text(page.locator('#main')), /Gadījums nav atrasts.*Šāda gadījuma nav vai jums nav piekļuves tam\./)
    assert.deepEqual(problems.splice(0).filter((p) => !/\/api\/v1\/cases\/999999|status of 404/.test(p)), [])

    // The notes fail once: that part shows the error with "try again"; the rest of the page works.
    let failures = 1
    const notesPage = (u) => u.pathname === `/api/v1/cases/${caseId}/notes` && u.searchParams.get('page_size') === '10'
    await page.route(notesPage, (route) =>
      failures-- > 0 ? route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"title":"Pakalpojums nav pieejams","status":503}' }) : route.fallback(),
    )
    await visit(page, `/cases/${caseId}`)
    const notes = section(page, 'notes')
    assert.match(await text(notes), /Neizdevās ielādēt datus.*Pakalpojums nav pieejams/)
    assert.equal(await text(page.locator('[data-testid="case-stage"]')), 'slēgts')
    await notes.getByRole('button', { name: 'Mēģināt vēlreiz' }).click()
    await notes.locator('[data-testid="notes-list"]').waitFor()
    assert.match(await text(notes), /bērni paēduši/)
    assert.deepEqual(problems.filter((p) => !/HTTP 503|status of 503/.test(p)), [])
  })
})

test('8. a note whose text the server cannot open is shown with its date and author and a clear marker', async () => {
  assert.ok(caseId, 'test 1 opened the case')
  await asAnna(async ({ page, problems }) => {
    // The server answers such a note with "text": null, "unreadable": true (key missing or text damaged).
    const notesPage = (u) => u.pathname === `/api/v1/cases/${caseId}/notes` && u.searchParams.get('page_size') === '10'
    await page.route(notesPage, async (route) => {
      const real = await route.fetch()
      const body = await real.json()
      body.items[0] = { ...body.items[0], text: null, unreadable: true }
      await route.fulfill({ response: real, json: body })
    })
    await visit(page, `/cases/${caseId}`)
    const notes = section(page, 'notes')
    await notes.locator('[data-testid="notes-list"]').waitFor()
    const marked = notes.locator('[data-testid="note-unreadable"]')
    assert.equal(await marked.count(), 1)
    assert.match(await text(marked), /^Teksts nav atverams — /)
    assert.match(await text(notes.locator('.notes__item').first()), /Anna Bērziņa/, 'its author and date are still shown')
    assertNoProblems(problems, 'unreadable note')
  })
})
