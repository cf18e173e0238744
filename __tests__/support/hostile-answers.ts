/**
 * A Harness and a GitHub on loopback whose answers are scripted per route, for tests that put
 * hostile text in every field (no code shared with src/). Routes are told apart by their paths,
 * as the real services have them.
 */
import type { ServerResponse } from 'node:http'
import { startServer, type LoopbackServer, type SeenRequest } from '../helpers/loopback-http.js'

export type HostileRoute =
  | 'webhook'
  | 'event-details'
  /** triggerProcessingDetails: unscripted, it answers 404 and the client reads the details route */
  | 'processing-details'
  | 'event-history'
  | 'execution'
  | 'abort'
  | 'github-list'
  | 'github-create'
  | 'github-update'
  | 'other'

export interface Answer {
  status: number
  body?: string
  headers?: Record<string, string>
}

/** The answer for a route; `n` counts the requests to that route so far (from 0). */
export type Script = Partial<Record<HostileRoute, (n: number, request: SeenRequest) => Answer>>

export function routeOf(request: Pick<SeenRequest, 'method' | 'url'>): HostileRoute {
  const path = request.url.split('?')[0]
  if (path.includes('/webhook/custom/')) return 'webhook'
  if (/\/webhook\/triggerExecutionDetails/.test(path)) return 'event-details'
  if (/\/webhook\/triggerProcessingDetails/.test(path)) return 'processing-details'
  if (path.includes('/triggers/eventHistory/')) return 'event-history'
  if (path.includes('/pipelines/execution/')) return 'execution'
  if (path.includes('/execute/interrupt/')) return 'abort'
  if (/\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(path)) {
    return request.method === 'POST' ? 'github-create' : 'github-list'
  }
  if (/\/repos\/[^/]+\/[^/]+\/issues\/comments\/\d+$/.test(path)) return 'github-update'
  return 'other'
}

export interface HostileServer extends LoopbackServer {
  /** requests seen per route */
  count(route: HostileRoute): number
}

export async function startHostileServer(script: Script): Promise<HostileServer> {
  const counts = new Map<HostileRoute, number>()
  const server = await startServer((request, response: ServerResponse) => {
    const route = routeOf(request)
    const n = counts.get(route) ?? 0
    counts.set(route, n + 1)
    const answer = script[route]?.(n, request) ?? { status: 404, body: '{}' }
    response.writeHead(answer.status, {
      'Content-Type': 'application/json',
      ...answer.headers
    })
    response.end(answer.body)
  })
  return Object.assign(server, { count: (route: HostileRoute) => counts.get(route) ?? 0 })
}

export const harnessSuccess = (data: unknown): Answer => ({
  status: 200,
  body: JSON.stringify({ status: 'SUCCESS', data, correlationId: 'c1' })
})

/**
 * The event's processing details, as the route asked answers them: `triggerProcessingDetails`
 * gives them bare, `triggerExecutionDetails(V2)` inside `webhookProcessingDetails`, next to
 * `executionUrl` (and whatever else `around` holds).
 */
export function eventAnswer(
  request: Pick<SeenRequest, 'url'>,
  processing: Record<string, unknown>,
  around: Record<string, unknown> = {}
): Answer {
  if (request.url.includes('/webhook/triggerProcessingDetails')) return harnessSuccess(processing)
  return harnessSuccess({ webhookProcessingDetails: processing, ...around })
}

export const harnessFailure = (status: number, code: string, message: string): Answer => ({
  status,
  body: JSON.stringify({ status: 'ERROR', code, message, correlationId: 'c1' })
})
