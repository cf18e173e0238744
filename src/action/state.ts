/**
 * Everything the main step leaves for the post step (`STATE_<name>`), in one place: each name,
 * its shape, a typed setter and one typed loader. Each piece is saved the moment it is known, so
 * a main step killed at any point has left what the post step needs. State never holds a
 * secret: a value the redactor would change is not saved.
 */
import type { Redactor } from '../core/redactor.js'
import type { ProjectScope } from '../harness/urls.js'
import type { ActionsCore } from './runtime.js'

/** The state names; nothing else in the action names a state. */
export const StateName = {
  /** JSON of Watched: saved as soon as Harness accepted the trigger with `wait` */
  Watched: 'watched',
  /** the execution's planExecutionId, saved as soon as it is known */
  ExecutionId: 'executionId',
  /** `true` once the main step has dealt with the execution (seen it end, aborted it, left it) */
  Done: 'done'
} as const

/** What the post step needs to find the execution itself: the event, and where it lives. */
export interface Watched extends ProjectScope {
  /** the REST base main used (`https://app.harness.io/gateway`) */
  gateway: string
  eventId: string
}

/** What the post step finds. */
export type LoadedState =
  /** main never got to wait on an accepted trigger (not fired, no `wait`, or killed before) */
  | { kind: 'nothing' }
  /** main dealt with the execution itself */
  | { kind: 'done' }
  /** main was stopped before it saw the execution end, or could not abort it */
  | { kind: 'unfinished'; watched: Watched; executionId?: string }
  /** state that this action cannot have written */
  | { kind: 'unreadable'; problem: string }

/** Harness ids (event ids, planExecutionId, identifiers): short, URL-safe, one line. */
const ID_SHAPE = /^[A-Za-z0-9_$-]{1,128}$/

type StateCore = Pick<ActionsCore, 'saveState' | 'getState'>

export class ActionState {
  constructor(
    private readonly core: StateCore,
    private readonly redactor: Pick<Redactor, 'redact'>
  ) {}

  /** false when a value is not fit to be saved (not an id, or it holds a secret) */
  saveWatched(watched: Watched): boolean {
    const ids = [watched.eventId, watched.accountId, watched.orgId, watched.projectId]
    if (!ids.every(id => this.isSafeId(id)) || !this.isSafe(watched.gateway)) return false
    const { gateway, accountId, orgId, projectId, eventId } = watched
    this.core.saveState(
      StateName.Watched,
      JSON.stringify({ gateway, accountId, orgId, projectId, eventId })
    )
    return true
  }

  saveExecutionId(executionId: string): boolean {
    if (!this.isSafeId(executionId)) return false
    this.core.saveState(StateName.ExecutionId, executionId)
    return true
  }

  markDone(): void {
    this.core.saveState(StateName.Done, 'true')
  }

  load(): LoadedState {
    if (this.core.getState(StateName.Done) === 'true') return { kind: 'done' }
    const raw = this.core.getState(StateName.Watched)
    if (!raw) return { kind: 'nothing' }
    const watched = parseWatched(raw)
    if (!watched || !this.isSafe(watched.gateway)) {
      return { kind: 'unreadable', problem: `state '${StateName.Watched}' is not what main saves` }
    }
    const executionId = this.core.getState(StateName.ExecutionId) || undefined
    if (executionId !== undefined && !this.isSafeId(executionId)) {
      return { kind: 'unreadable', problem: `state '${StateName.ExecutionId}' is not an id` }
    }
    return { kind: 'unfinished', watched, executionId }
  }

  private isSafeId(value: string): boolean {
    return ID_SHAPE.test(value) && this.isSafe(value)
  }

  private isSafe(value: string): boolean {
    return this.redactor.redact(value) === value
  }
}

function parseWatched(raw: string): Watched | undefined {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  const ids = [record.eventId, record.accountId, record.orgId, record.projectId]
  if (!ids.every(id => typeof id === 'string' && ID_SHAPE.test(id))) return undefined
  if (typeof record.gateway !== 'string' || !/^https?:\/\/\S+$/.test(record.gateway)) {
    return undefined
  }
  return {
    gateway: record.gateway,
    accountId: record.accountId as string,
    orgId: record.orgId as string,
    projectId: record.projectId as string,
    eventId: record.eventId as string
  }
}
