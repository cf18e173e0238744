import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { targetOfUrl, openRoute, ProxyFailure, type Route, type Target } from './route.js'
import { classifySocketError } from './socket-errors.js'

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  headers?: Record<string, string>
  body?: string
  /** per request: connect + send + whole answer */
  timeoutMs: number
  /** an answer larger than this fails with kind `too-large` after reading no more than this */
  maxResponseBytes: number
  /**
   * Abandons the request at once when aborted (the sockets are destroyed); it then fails with
   * kind `cancelled`. Already aborted: nothing is sent.
   */
  signal?: AbortSignal
}

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

export type NetworkErrorKind =
  | 'connection-refused'
  | 'timeout'
  | 'reset'
  | 'dns'
  | 'tls'
  | 'too-large'
  | 'proxy'
  | 'cancelled'
  | 'other'

/**
 * A request that got no complete HTTP answer. `mayHaveReached` is false only when the server
 * provably never saw the request (connection refused, DNS failure, TLS handshake failure, a
 * proxy that refused the CONNECT): only then may a non-idempotent POST be sent again.
 * The message names what happened and the host, never the URL's path or query (secrets live there).
 */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly kind: NetworkErrorKind,
    readonly mayHaveReached: boolean
  ) {
    super(message)
    this.name = 'NetworkError'
  }
}

/**
 * One HTTP(S) request with node:http/https (never `fetch`: it costs ~100 ms at start-up).
 * Honours HTTPS_PROXY/HTTP_PROXY/NO_PROXY (rules from `@actions/http-client/lib/proxy`), custom CAs
 * through NODE_EXTRA_CA_CERTS (Node does that itself), follows no redirect (a 3xx is returned as is).
 */
export function sendRequest(request: HttpRequest): Promise<HttpResponse> {
  return exchange(request, undefined)
}

/**
 * `sendRequest` that trusts `ca` (PEM) instead of the default roots: for tests against a
 * self-signed loopback server. The action itself relies on NODE_EXTRA_CA_CERTS.
 */
export function sendRequestTrusting(ca: string): (request: HttpRequest) => Promise<HttpResponse> {
  return request => exchange(request, ca)
}

async function exchange(request: HttpRequest, ca: string | undefined): Promise<HttpResponse> {
  const target = parseTarget(request)
  const label = `${request.method} ${target.hostPort}`
  const { signal } = request
  if (signal?.aborted) {
    throw new NetworkError(`${label}: cancelled before it was sent`, 'cancelled', false)
  }
  // Every socket is destroyed when the exchange ends, whatever happened: no keep-alive socket
  // may hold the process open, and a timed-out or cancelled request must not linger.
  const sockets: Socket[] = []
  let timer: NodeJS.Timeout | undefined
  let onAbort: (() => void) | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const after = `${Number((request.timeoutMs / 1000).toFixed(3))} s`
      reject(new NetworkError(`${label}: the request timed out after ${after}`, 'timeout', true))
    }, request.timeoutMs)
    onAbort = () => {
      // Bytes may have left already: a cancelled request may have reached the server.
      reject(new NetworkError(`${label}: cancelled; the request was abandoned`, 'cancelled', true))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
  try {
    const delivery = deliver(request, target, ca, label, socket => sockets.push(socket))
    return await Promise.race([delivery, deadline])
  } catch (error) {
    throw asNetworkError(error, label)
  } finally {
    clearTimeout(timer)
    if (onAbort) signal?.removeEventListener('abort', onAbort)
    for (const socket of sockets) socket.destroy()
  }
}

function parseTarget(request: HttpRequest): Target {
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    throw new NetworkError(`${request.method}: the URL is not valid`, 'other', false)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NetworkError(
      `${request.method} ${url.host}: only http: and https: URLs are supported`,
      'other',
      false
    )
  }
  return targetOfUrl(url)
}

async function deliver(
  request: HttpRequest,
  target: Target,
  ca: string | undefined,
  label: string,
  track: (socket: Socket) => void
): Promise<HttpResponse> {
  const route = await openRoute(target, ca, track)
  try {
    return await exchangeOver(route, request, target, label)
  } catch (error) {
    throw afterConnecting(error, label)
  }
}

/**
 * Once the connection is up (the TLS handshake done), the request is on its way: whatever fails
 * now, the server may have read it, so no error from here on says it was not sent. Before (refused,
 * DNS, a failed handshake) is the only time it provably was not.
 */
function afterConnecting(error: unknown, label: string): NetworkError {
  const failure = asNetworkError(error, label)
  if (failure.mayHaveReached) return failure
  const detail =
    failure.kind === 'tls'
      ? `the TLS connection failed after the request was sent (${socketCode(error)})`
      : classifySocketError(error).detail
  const kind =
    failure.kind === 'connection-refused' || failure.kind === 'dns' ? 'other' : failure.kind
  return new NetworkError(`${label}: ${detail}`, kind, true)
}

function socketCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code ? code : 'no error code'
}

function exchangeOver(
  route: Route,
  request: HttpRequest,
  target: Target,
  label: string
): Promise<HttpResponse> {
  const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8')
  const { url } = target
  return new Promise((resolve, reject) => {
    const outgoing = http.request({
      method: request.method,
      path: route.viaHttpProxy
        ? `${url.protocol}//${url.host}${url.pathname}${url.search}`
        : `${url.pathname}${url.search}`,
      headers: outgoingHeaders(request, target, route, body),
      createConnection: () => route.socket
    })
    outgoing.once('error', reject)
    outgoing.once('response', answer => {
      readAnswer(answer, request.maxResponseBytes, label).then(resolve, reject)
    })
    outgoing.end(body)
  })
}

function outgoingHeaders(
  request: HttpRequest,
  target: Target,
  route: Route,
  body: Buffer | undefined
): Record<string, string> {
  const headers: Record<string, string> = { Host: target.url.host, ...request.headers }
  if (body !== undefined || request.method !== 'GET') {
    headers['Content-Length'] = String(body?.length ?? 0)
  }
  if (route.proxyAuthorization) headers['Proxy-Authorization'] = route.proxyAuthorization
  return headers
}

/** Reads the body up to `limit` bytes; one byte more and the answer is dropped. */
function readAnswer(answer: IncomingMessage, limit: number, label: string): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      answer.destroy()
      const message = `${label}: the answer is larger than ${formatBytes(limit)}; stopped reading it`
      reject(new NetworkError(message, 'too-large', true))
    }
    if (Number(answer.headers['content-length']) > limit) {
      tooLarge()
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    answer.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge()
      else chunks.push(chunk)
    })
    answer.once('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body })
    })
    answer.once('error', reject)
    answer.once('close', () => {
      if (!answer.complete)
        reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    })
  })
}

function asNetworkError(error: unknown, label: string): NetworkError {
  if (error instanceof NetworkError) return error
  if (error instanceof ProxyFailure)
    return new NetworkError(`${label}: ${error.message}`, 'proxy', false)
  const failure = classifySocketError(error)
  return new NetworkError(`${label}: ${failure.detail}`, failure.kind, failure.mayHaveReached)
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}
