/** What a failed socket means for the caller: the kind, and whether the server may have seen it. */
export interface SocketFailure {
  kind: 'connection-refused' | 'dns' | 'reset' | 'tls' | 'other'
  mayHaveReached: boolean
  /** a short phrase without host, path or query, e.g. `connection refused (ECONNREFUSED)` */
  detail: string
}

const UNTRUSTED_CERTIFICATE = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED'
])

const OTHER_CERTIFICATE_PROBLEMS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  CERT_NOT_YET_VALID: 'the server certificate is not valid yet',
  CERT_REVOKED: 'the server certificate is revoked',
  CERT_SIGNATURE_FAILURE: 'the server certificate has a bad signature',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not name this host',
  HOSTNAME_MISMATCH: 'the server certificate does not name this host'
}

/** Maps a Node socket/TLS error to its meaning. Node's own message is kept out: it may hold a URL. */
export function classifySocketError(error: unknown): SocketFailure {
  const code = errorCode(error)
  if (code === 'ECONNREFUSED') {
    return {
      kind: 'connection-refused',
      mayHaveReached: false,
      detail: 'connection refused (ECONNREFUSED)'
    }
  }
  if (code === 'ENOTFOUND') {
    return { kind: 'dns', mayHaveReached: false, detail: 'host name not found (ENOTFOUND)' }
  }
  if (code === 'EAI_AGAIN') {
    return { kind: 'dns', mayHaveReached: false, detail: 'DNS lookup failed for now (EAI_AGAIN)' }
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return { kind: 'reset', mayHaveReached: true, detail: `the connection was reset (${code})` }
  }
  if (isTlsCode(code)) return { kind: 'tls', mayHaveReached: false, detail: tlsDetail(code) }
  if (errorMessage(error) === 'socket hang up') {
    return {
      kind: 'reset',
      mayHaveReached: true,
      detail: 'the server closed the connection without answering (socket hang up)'
    }
  }
  return {
    kind: 'other',
    mayHaveReached: true,
    detail: `the request failed (${code || 'no error code'})`
  }
}

function isTlsCode(code: string): boolean {
  return (
    UNTRUSTED_CERTIFICATE.has(code) ||
    code in OTHER_CERTIFICATE_PROBLEMS ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code === 'EPROTO'
  )
}

function tlsDetail(code: string): string {
  if (UNTRUSTED_CERTIFICATE.has(code)) {
    return (
      `TLS failed: the server certificate is not trusted (${code}); ` +
      'for a private or self-signed CA, point NODE_EXTRA_CA_CERTS at its PEM file'
    )
  }
  const problem = OTHER_CERTIFICATE_PROBLEMS[code]
  return problem ? `TLS failed: ${problem} (${code})` : `the TLS handshake failed (${code})`
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : ''
}
