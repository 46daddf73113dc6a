// The Latvian personal identity code (personas kods), as in /work/shared/domain/latvia.md:
// - 11 digits, shown as XXXXXX-XXXXX; the hyphen is optional on input;
// - old format DDMMYY-CNNNZ (until 2017-06-30): a real birth date, century digit C
//   (0 → 1800s, 1 → 1900s, 2 → 2000s) and check digit Z = (1101 − Σ wᵢ·dᵢ) mod 11 mod 10;
// - new format (from 2017-07-01): 3, then 2–9, then random digits; whether a check digit
//   applies is not confirmed, so a failing old-style check is only a warning.
// No I/O and no UI text here: the caller turns the result into a message.

export type CodeProblem = 'format' | 'date' | 'century' | 'future' | 'checkDigit'

export type CodeCheck =
  | { ok: true; format: 'old'; code: string; birthDate: string }
  | { ok: true; format: 'new'; code: string; checkDigitWarning: boolean }
  | { ok: false; problem: CodeProblem }

const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const SHAPE = /^(\d{6})-?(\d{5})$/

/** The check digit the old-format rule gives for the first ten digits. */
export function checkDigit(digits: string): number {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(digits[i]), 0)
  return (((1101 - sum) % 11) + 11) % 11 % 10
}

/** `YYYY-MM-DD` when the parts make a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Today in Europe/Riga as `YYYY-MM-DD`. */
export function todayInRiga(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date())
}

/** Checks a code as typed (spaces around are ignored). */
export function checkPersonalCode(input: string, today = todayInRiga()): CodeCheck {
  const match = SHAPE.exec(input.trim())
  if (!match) return { ok: false, problem: 'format' }
  const digits = match[1] + match[2]
  const code = `${match[1]}-${match[2]}`
  const checkHolds = checkDigit(digits) === Number(digits[10])
  if (digits[0] === '3' && digits[1] >= '2') return { ok: true, format: 'new', code, checkDigitWarning: !checkHolds }

  const century = { '0': 1800, '1': 1900, '2': 2000 }[digits[6]]
  if (century === undefined) return { ok: false, problem: 'century' }
  const birthDate = isoDate(century + Number(digits.slice(4, 6)), Number(digits.slice(2, 4)), Number(digits.slice(0, 2)))
  if (!birthDate) return { ok: false, problem: 'date' }
  if (birthDate > today) return { ok: false, problem: 'future' }
  if (!checkHolds) return { ok: false, problem: 'checkDigit' }
  return { ok: true, format: 'old', code, birthDate }
}
