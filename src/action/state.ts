import type { ProjectScope } from '../harness/urls.js'

/** Saved by the main phase for the post phase (`STATE_<name>`); never holds a secret. */
export const States = {
  /** JSON of PendingAbort while an execution is being watched; empty once nothing is left to do */
  PendingAbort: 'pendingAbort'
} as const

/** What the post phase needs to abort an execution the main phase did not see finish. */
export interface PendingAbort extends ProjectScope {
  gateway: string
  executionId: string
}

export function parsePendingAbort(raw: string): PendingAbort | undefined {
  if (!raw) return undefined
  try {
    const value = JSON.parse(raw) as Partial<PendingAbort>
    const fields = [value.gateway, value.accountId, value.orgId, value.projectId, value.executionId]
    return fields.every(field => typeof field === 'string' && field !== '')
      ? (value as PendingAbort)
      : undefined
  } catch {
    return undefined
  }
}
