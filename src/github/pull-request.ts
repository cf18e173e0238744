import { isRecord } from '../harness/plain.js'
/**
 * What a GitHub event says of its pull request: one reading for the body's context and for the PR
 * comment alike. Pure and free of Octokit, so the action's body code can use it at start-up.
 */

/** Events whose payload names the pull request the run belongs to. */
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
])

export function isPullRequestEvent(eventName: string | undefined): boolean {
  return eventName !== undefined && PULL_REQUEST_EVENTS.has(eventName)
}

/** The pull request's number and head branch in an event payload; absent parts are undefined. */
export function pullRequestOfPayload(payload: unknown): { number?: number; headRef?: string } {
  if (!isRecord(payload)) return {}
  const pr = isRecord(payload.pull_request) ? payload.pull_request : undefined
  const head = pr && isRecord(pr.head) ? pr.head : undefined
  const number = positiveInteger(pr?.number) ?? positiveInteger(payload.number)
  const headRef = typeof head?.ref === 'string' && head.ref ? head.ref : undefined
  return { number, headRef }
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
}
