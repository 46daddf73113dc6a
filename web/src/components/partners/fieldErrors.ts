// The server's messages for a field a form has no own rule for (e.g. `contacts.2.email`).
import { ApiError } from '../../api'

export const serverErrors = (problem: unknown, field: string): string[] =>
  problem instanceof ApiError ? problem.fieldErrors(field) : []
