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

  constructor(kind: ApiError['kind'], status: number, problem: Problem | null, message: string) {
    super(message)
    this.name = 'ApiError'
    this.kind = kind
    this.status = status
    this.problem = problem
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
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
}

/** Calls the API on the same origin in the UI language and returns the parsed JSON body. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLocale(),
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError('network', 0, null, `Network error calling ${path}`)
  }
  const body = await readJson(response)
  if (!response.ok) {
    const problem = parseProblem(body, response.status)
    throw new ApiError('http', response.status, problem, problem?.title || `HTTP ${response.status} from ${path}`)
  }
  if (body === undefined || body === null) {
    throw new ApiError('invalid', response.status, null, `Response from ${path} is not JSON`)
  }
  return body as T
}

export const apiGet = <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal })

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
