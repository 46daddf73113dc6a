// The UI messages in both languages (no server, no browser): every key the code uses with t(),
// $t() or a route's titleKey exists in Latvian and English, both languages have the same keys with
// the same {placeholders}, no message is empty, and the area files never repeat a top-level key
// (index.ts merges them with a spread, so a repeated key would silently replace another).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const web = join(dirname(fileURLToPath(import.meta.url)), '..')
const i18nDir = join(web, 'src', 'i18n')
const srcDir = join(web, 'src')

/** The message files of one language: lv.json / en.json and the area files *.lv.json / *.en.json. */
function messageFiles(locale) {
  return readdirSync(i18nDir)
    .filter((name) => name === `${locale}.json` || name.endsWith(`.${locale}.json`))
    .map((name) => ({ name, messages: JSON.parse(readFileSync(join(i18nDir, name), 'utf8')) }))
}

/** Flattens nested messages into `a.b.c` → text. */
function flatten(messages, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object') flatten(value, path, out)
    else out.set(path, value)
  }
  return out
}

function merged(locale) {
  return Object.assign({}, ...messageFiles(locale).map((f) => f.messages))
}

const lv = flatten(merged('lv'))
const en = flatten(merged('en'))
const languages = { lv, en }

/** Whether `path` names a group of messages (an object) in the flattened messages. */
function isGroup(flat, path) {
  const start = `${path}.`
  for (const key of flat.keys()) if (key.startsWith(start)) return true
  return false
}

/** Source files of the UI (.vue and .ts), without the message files themselves. */
function sourceFiles(dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.(vue|ts)$/.test(name)) out.push(path)
  }
  return out
}

// t('a.b'), $t("a.b"), te('a.b'), i18n.global.t('a.b'), titleKey: 'a.b', labelKey: 'a.b', …
const STATIC = /(?:(?<![\w$.])\$?t|\bte|\.t)\(\s*(['"])([\w.-]+)\1|\b\w*(?:title|label|message|text|Title|Label|Message|Text)Key:\s*(['"])([\w.-]+)\3/g
// t(`services.kinds.${kind}`): the part before ${ must be a group of messages.
const DYNAMIC = /(?:(?<![\w$.])\$?t|\.t)\(\s*`([\w.-]*)\$\{/g

/** Every key used in the code: `static` (whole keys) and `groups` (prefixes of dynamic keys). */
function usedKeys() {
  const staticKeys = []
  const groups = []
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8')
    const where = relative(web, file)
    for (const m of text.matchAll(STATIC)) staticKeys.push({ key: m[2] ?? m[4], where })
    for (const m of text.matchAll(DYNAMIC)) {
      if (m[1].endsWith('.')) groups.push({ key: m[1].slice(0, -1), where })
    }
  }
  return { staticKeys, groups }
}

/** The {placeholders} of a message, sorted (vue-i18n named interpolation). */
function placeholders(text) {
  return [...String(text).matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1]).sort().join(',')
}

test('the code finds keys to check (the scanner works)', () => {
  const { staticKeys, groups } = usedKeys()
  assert.ok(staticKeys.length > 500, `only ${staticKeys.length} keys found`)
  assert.ok(groups.length > 10, `only ${groups.length} dynamic keys found`)
  assert.ok(staticKeys.some((k) => k.key === 'services.catalogue.title'))
})

test('every key used by the code exists in Latvian and English', () => {
  const { staticKeys, groups } = usedKeys()
  const missing = []
  for (const [locale, flat] of Object.entries(languages)) {
    for (const { key, where } of staticKeys) {
      // A key may name a message or (as with tm() / rt()) a group of messages.
      if (!flat.has(key) && !isGroup(flat, key)) missing.push(`${locale}: ${key} (${where})`)
    }
    for (const { key, where } of groups) {
      if (!isGroup(flat, key)) missing.push(`${locale}: ${key}.* (${where})`)
    }
  }
  assert.deepEqual([...new Set(missing)], [])
})

test('Latvian and English have the same keys', () => {
  const onlyLv = [...lv.keys()].filter((k) => !en.has(k))
  const onlyEn = [...en.keys()].filter((k) => !lv.has(k))
  assert.deepEqual({ onlyLv, onlyEn }, { onlyLv: [], onlyEn: [] })
})

test('a message has the same {placeholders} in both languages and is never empty', () => {
  const wrong = []
  for (const [key, text] of lv) {
    if (!en.has(key)) continue
    const other = en.get(key)
    if (String(text).trim() === '' || String(other).trim() === '') wrong.push(`${key}: empty`)
    // Plural forms ("a | b") may drop a placeholder in one form: compare the union of all forms.
    const a = placeholders(text)
    const b = placeholders(other)
    if (a !== b) wrong.push(`${key}: lv {${a}} en {${b}}`)
  }
  assert.deepEqual(wrong, [])
})

test('the area message files never repeat a top-level key', () => {
  for (const locale of ['lv', 'en']) {
    const seen = new Map()
    const repeated = []
    for (const { name, messages } of messageFiles(locale)) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) repeated.push(`${key}: ${seen.get(key)} and ${name}`)
        else seen.set(key, name)
      }
    }
    assert.deepEqual(repeated, [], locale)
  }
})

test('the same area files exist for both languages', () => {
  const areas = (locale) => messageFiles(locale).map((f) => f.name.replace(`${locale}.json`, '')).sort()
  assert.deepEqual(areas('lv'), areas('en'))
})
