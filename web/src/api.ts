import { currentLocale } from './i18n'

/** One field-level problem reported by the server (RFC 9457 extension `errors`). */
export interface FieldProblem {
  field: string
  message: string
}

/** The body of an `application/problem+json` answer. */
export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  errors: FieldProblem[]
  /** The whole body, for extension members of a problem type (e.g. `candidates` of a 409). */
  extensions: Record<string, unknown>
}

/**
 * A failed API call. `kind` tells why:
 * - `network`: no answer at all (server down, connection lost);
 * - `http`: the server answered with an error status (`problem` is set when it sent problem+json);
 * - `invalid`: a success status but a body that is not the JSON we expected.
 */
export class ApiError extends Error {
  readonly kind: 'network' | 'http' | 'invalid'
  readonly status: number
  readonly problem: Problem | null
  /** Seconds to wait before trying again (`Retry-After` of a 429 answer), when the server said. */
  readonly retryAfter: number | null

  constructor(
    kind: ApiError['kind'],
    status: number,
    problem: Problem | null,
    message: string,
    retryAfter: number | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
    this.kind = kind
    this.status = status
    this.problem = problem
    this.retryAfter = retryAfter
  }

  /** Messages for a given field, for AppField's validation slot. */
  fieldErrors(field: string): string[] {
    return (this.problem?.errors ?? []).filter((e) => e.field === field).map((e) => e.message)
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads a problem+json body defensively; anything missing gets a sensible default. */
export function parseProblem(body: unknown, status: number): Problem | null {
  if (!isRecord(body)) return null
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
    : []
  return {
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: typeof body.title === 'string' ? body.title : '',
    status: typeof body.status === 'number' ? body.status : status,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    errors,
    extensions: body,
  }
}

/** `Retry-After` as seconds (it may also be an HTTP date). */
function retryAfterSeconds(value: string | null): number | null {
  if (!value) return null
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

// ---- Session plumbing: CSRF token and "not signed in" -------------------------------------

let csrfToken: string | null = null
let onUnauthorized: ((path: string) => void) | null = null

/** The session's CSRF token, sent as `X-CSRF-Token` on every changing request once known. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Called when a call answers 401 (the session ended); the app then shows the login page. */
export function setUnauthorizedHandler(handler: ((path: string) => void) | null): void {
  onUnauthorized = handler
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
  /** A 401 is an expected answer of this call (login steps): do not leave the page for it. */
  allowUnauthorized?: boolean
}

/** The headers of every call: UI language, JSON answers, CSRF token on changing requests. */
function requestHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLocale(),
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  return headers
}

/** Turns an answer (status, parsed body) into the result or an ApiError. */
function settle<T>(
  path: string,
  status: number,
  body: unknown,
  retryAfter: string | null,
  allowUnauthorized = false,
): T {
  if (status < 200 || status > 299) {
    const problem = parseProblem(body, status)
    if (status === 401 && !allowUnauthorized) onUnauthorized?.(path)
    const message = problem?.title || `HTTP ${status} from ${path}`
    throw new ApiError('http', status, problem, message, retryAfterSeconds(retryAfter))
  }
  if (status === 204) return undefined as T
  if (body === undefined || body === null) {
    throw new ApiError('invalid', status, null, `Response from ${path} is not JSON`)
  }
  return body as T
}

function parseJson(text: string): unknown {
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Calls the API on the same origin in the UI language and returns the parsed JSON body. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET'
  const headers = requestHeaders(method)
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError('network', 0, null, `Network error calling ${path}`)
  }
  const body = parseJson(await response.text())
  return settle<T>(path, response.status, body, response.headers.get('Retry-After'), options.allowUnauthorized)
}

export interface UploadOptions {
  contentType: string
  /** Called while the body is sent: bytes sent so far and in all. */
  onProgress?: (sent: number, total: number) => void
  signal?: AbortSignal
}

/**
 * Sends a file as the body of a POST, reporting the upload progress (XMLHttpRequest: fetch
 * cannot). Answers like apiRequest.
 */
export function apiUpload<T>(path: string, file: Blob, options: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    xhr.withCredentials = true
    for (const [name, value] of Object.entries(requestHeaders('POST'))) xhr.setRequestHeader(name, value)
    xhr.setRequestHeader('Content-Type', options.contentType)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total)
    }
    xhr.onerror = () => reject(new ApiError('network', 0, null, `Network error calling ${path}`))
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'))
    xhr.onload = () => {
      try {
        resolve(settle<T>(path, xhr.status, parseJson(xhr.responseText), xhr.getResponseHeader('Retry-After')))
      } catch (e) {
        reject(e)
      }
    }
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(file)
  })
}

export const apiGet = <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal })
export const apiPost = <T>(path: string, body: unknown = {}) => apiRequest<T>(path, { method: 'POST', body })
export const apiPatch = <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body })
export const apiDelete = (path: string) => apiRequest<void>(path, { method: 'DELETE' })

/** A query string from the non-empty values (`?a=1&b=x`), or '' when there are none. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

// ---- Types of the endpoints the UI uses ----------------------------------------------------

export type LocalizedText = { lv: string; en: string }

export interface Team {
  id: number
  name: LocalizedText
}

export interface Department {
  id: number
  code: string
  name: LocalizedText
  teams: Team[]
}

export interface Municipality {
  id: number
  name: string
  departments: Department[]
}

export interface VersionInfo {
  name: string
  version: string
}

export interface Readiness {
  status: string
  database?: string
  engine?: string
}
