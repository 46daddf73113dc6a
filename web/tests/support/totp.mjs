// TOTP codes as an authenticator app computes them (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits).
import { createHmac } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
export const STEP_SECONDS = 30

/** Decodes RFC 4648 base32 (spaces, hyphens, padding and case ignored). */
export function base32Decode(text) {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '')
  let bits = 0
  let value = 0
  const bytes = []
  for (const char of clean) {
    const index = ALPHABET.indexOf(char)
    if (index < 0) throw new Error(`not base32: ${char}`)
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Buffer.from(bytes)
}

/** The time step (counter) of a moment, by default now. */
export const stepAt = (ms = Date.now()) => Math.floor(ms / 1000 / STEP_SECONDS)

/** The 6-digit code of a base32 secret for a time step (RFC 4226 dynamic truncation). */
export function totp(secret, step = stepAt()) {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(step))
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest()
  const offset = mac[mac.length - 1] & 0x0f
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000
  return String(number).padStart(6, '0')
}

/**
 * A code that has not been used yet: the server accepts each code once, so when `lastStep`
 * (the step of the code used before) is the current one, this waits for the next step.
 * Returns `{ code, step }`; keep `step` for the next call.
 */
export async function freshCode(secret, lastStep = -1) {
  let step = stepAt()
  while (step <= lastStep) {
    const wait = (step + 1) * STEP_SECONDS * 1000 - Date.now() + 200
    await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 50)))
    step = stepAt()
  }
  return { code: totp(secret, step), step }
}
