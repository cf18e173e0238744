import type { IncomingHttpHeaders } from 'node:http'

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  headers?: Record<string, string>
  body?: string
  /** per request: connect + send + whole answer */
  timeoutMs: number
  /** an answer larger than this fails with kind `too-large` after reading no more than this */
  maxResponseBytes: number
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
  void request
  throw new Error('not implemented')
}
