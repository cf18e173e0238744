import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  NetworkError,
  sendRequest,
  sendRequestTrusting,
  type HttpRequest
} from '../src/harness/http/request.js'
import {
  freePort,
  makeSelfSignedCertificate,
  startProxy,
  startRawServer,
  startServer,
  withEnv,
  type LoopbackServer,
  type SelfSignedCertificate
} from './helpers/loopback-http.js'

const NO_PROXY_ENV = {
  HTTPS_PROXY: undefined,
  https_proxy: undefined,
  HTTP_PROXY: undefined,
  http_proxy: undefined,
  NO_PROXY: undefined,
  no_proxy: undefined
}

function get(url: string, overrides: Partial<HttpRequest> = {}): HttpRequest {
  return { method: 'GET', url, timeoutMs: 5000, maxResponseBytes: 1024 * 1024, ...overrides }
}

async function failureOf(promise: Promise<unknown>): Promise<NetworkError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(NetworkError)
    return error as NetworkError
  }
  throw new Error('expected the request to fail')
}

describe('sendRequest over plain HTTP', () => {
  let server: LoopbackServer
  beforeAll(async () => {
    server = await startServer((seen, response) => {
      if (seen.url.startsWith('/moved')) {
        response.writeHead(302, { Location: 'https://elsewhere.example/next?token=abc' })
        response.end()
        return
      }
      response.writeHead(201, { 'Content-Type': 'application/json', 'X-Echo': seen.method })
      response.end(JSON.stringify({ got: seen.body }))
    })
  })
  afterAll(() => server.close())

  it('sends the body with its Content-Length and returns status, headers and body', async () => {
    const body = JSON.stringify({ image: 'ghcr.io/acme/api', note: 'héllo' })
    const response = await sendRequest({
      ...get(`${server.origin}/hook?x=1`),
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body
    })
    expect(response.status).toBe(201)
    expect(response.headers['x-echo']).toBe('POST')
    expect(JSON.parse(response.body)).toEqual({ got: body })
    const seen = server.requests.at(-1)
    expect(seen?.url).toBe('/hook?x=1')
    expect(seen?.headers['content-length']).toBe(String(Buffer.byteLength(body)))
    expect(seen?.headers.host).toBe(`127.0.0.1:${server.port}`)
  })

  it('sends Content-Length 0 for a PUT without a body', async () => {
    await sendRequest({ ...get(`${server.origin}/abort`), method: 'PUT' })
    expect(server.requests.at(-1)?.headers['content-length']).toBe('0')
  })

  it('returns a redirect as it is, without following it', async () => {
    const before = server.requests.length
    const response = await sendRequest(get(`${server.origin}/moved`))
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('https://elsewhere.example/next?token=abc')
    expect(server.requests.length).toBe(before + 1)
  })
})

describe('sendRequest failures', () => {
  it('times out when the server accepts and never answers, and closes the connection', async () => {
    let closed!: () => void
    const serverSawClose = new Promise<void>(resolve => (closed = resolve))
    const silent = await startRawServer(socket => {
      socket.resume()
      socket.on('close', () => closed())
    })
    try {
      const started = Date.now()
      const error = await failureOf(sendRequest(get(`${silent.origin}/x`, { timeoutMs: 300 })))
      expect(Date.now() - started).toBeLessThan(3000)
      expect(error.kind).toBe('timeout')
      expect(error.mayHaveReached).toBe(true)
      expect(error.message).toBe(`GET 127.0.0.1:${silent.port}: the request timed out after 0.3 s`)
      await serverSawClose
    } finally {
      await silent.close()
    }
  })

  it('stops reading a body larger than the limit (declared length)', async () => {
    const big = await startServer((_, response) => response.end('x'.repeat(5000)))
    try {
      const error = await failureOf(sendRequest(get(big.origin, { maxResponseBytes: 1024 })))
      expect(error.kind).toBe('too-large')
      expect(error.mayHaveReached).toBe(true)
      expect(error.message).toBe(
        `GET 127.0.0.1:${big.port}: the answer is larger than 1 KiB; stopped reading it`
      )
    } finally {
      await big.close()
    }
  })

  it('stops reading a chunked body once it passes the limit', async () => {
    let writes = 0
    const endless = await startServer((_, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' })
      const timer = setInterval(() => {
        writes++
        response.write('y'.repeat(400))
      }, 5)
      response.on('close', () => clearInterval(timer))
    })
    try {
      const error = await failureOf(sendRequest(get(endless.origin, { maxResponseBytes: 1000 })))
      expect(error.kind).toBe('too-large')
      expect(error.message).toContain('larger than 1000 bytes')
      expect(writes).toBeLessThan(100)
    } finally {
      await endless.close()
    }
  })

  it('reports a connection cut before any answer as a reset that may have reached', async () => {
    const rude = await startRawServer(socket => socket.once('data', () => socket.destroy()))
    try {
      const error = await failureOf(
        sendRequest({ ...get(`${rude.origin}/hook`), method: 'POST', body: '{}' })
      )
      expect(error.kind).toBe('reset')
      expect(error.mayHaveReached).toBe(true)
      expect(error.message).toMatch(new RegExp(`^POST 127\\.0\\.0\\.1:${rude.port}: `))
    } finally {
      await rude.close()
    }
  })

  it('reports a TCP reset (RST) as a reset', async () => {
    const rude = await startRawServer(socket => socket.once('data', () => socket.resetAndDestroy()))
    try {
      const error = await failureOf(sendRequest(get(rude.origin)))
      expect(error.kind).toBe('reset')
      expect(error.message).toContain('ECONNRESET')
    } finally {
      await rude.close()
    }
  })

  it('reports a body cut in the middle as a reset', async () => {
    const half = await startRawServer(socket =>
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"status":')
        setTimeout(() => socket.destroy(), 20)
      })
    )
    try {
      const error = await failureOf(sendRequest(get(half.origin)))
      expect(error.kind).toBe('reset')
      expect(error.mayHaveReached).toBe(true)
    } finally {
      await half.close()
    }
  })

  it('reports connection refused as never reached, naming method and host but not the path', async () => {
    const port = await freePort()
    const error = await failureOf(
      sendRequest({
        ...get(`http://127.0.0.1:${port}/custom/SECRETTOKEN/v3?accountIdentifier=acc`),
        method: 'POST',
        body: '{}'
      })
    )
    expect(error.kind).toBe('connection-refused')
    expect(error.mayHaveReached).toBe(false)
    expect(error.message).toBe(`POST 127.0.0.1:${port}: connection refused (ECONNREFUSED)`)
    expect(error.message).not.toContain('SECRETTOKEN')
  })

  it('reports an unknown host as a DNS failure that never reached', async () => {
    const error = await failureOf(sendRequest(get('http://harness-trigger.invalid/x?token=abc')))
    expect(error.kind).toBe('dns')
    expect(error.mayHaveReached).toBe(false)
    expect(error.message).toMatch(/^GET harness-trigger\.invalid:80: .*(ENOTFOUND|EAI_AGAIN)/)
    expect(error.message).not.toContain('token')
  })

  it('fails TLS spoken to a plain HTTP server as TLS', async () => {
    const plain = await startServer((_, response) => response.end('plain'))
    try {
      const error = await failureOf(sendRequest(get(`https://127.0.0.1:${plain.port}/`)))
      expect(error.kind).toBe('tls')
      expect(error.mayHaveReached).toBe(false)
    } finally {
      await plain.close()
    }
  })

  it('refuses a URL that is not http or https without echoing it', async () => {
    const error = await failureOf(sendRequest(get('ftp://host.example/secret-path')))
    expect(error.kind).toBe('other')
    expect(error.message).not.toContain('secret-path')
  })
})

const certificate: SelfSignedCertificate | undefined = makeSelfSignedCertificate([
  'harness.test',
  '127.0.0.1'
])
if (!certificate) {
  console.warn('openssl is not available: the HTTPS tests of request.test.ts are skipped')
}
const describeWithCertificate = certificate ? describe : describe.skip

describeWithCertificate('sendRequest over HTTPS (self-signed certificate from openssl)', () => {
  let server: LoopbackServer | undefined
  beforeAll(async () => {
    if (!certificate) return
    server = await startServer((seen, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify({ path: seen.url, sni: seen.servername ?? null }))
    }, certificate)
  })
  afterAll(() => server?.close())

  it('talks HTTPS to a server whose certificate it trusts', async () => {
    const send = sendRequestTrusting((certificate as SelfSignedCertificate).cert)
    const response = await send(get(`https://127.0.0.1:${server?.port}/secure?x=1`))
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ path: '/secure?x=1', sni: null })
  })

  it('fails an untrusted certificate as TLS, never reached, pointing at NODE_EXTRA_CA_CERTS', async () => {
    const error = await failureOf(sendRequest(get(`https://127.0.0.1:${server?.port}/secure`)))
    expect(error.kind).toBe('tls')
    expect(error.mayHaveReached).toBe(false)
    expect(error.message).toContain(`GET 127.0.0.1:${server?.port}: TLS failed`)
    expect(error.message).toContain('DEPTH_ZERO_SELF_SIGNED_CERT')
    expect(error.message).toContain('NODE_EXTRA_CA_CERTS')
  })

  it('fails a certificate for another host name as TLS', async () => {
    const send = sendRequestTrusting((certificate as SelfSignedCertificate).cert)
    const error = await failureOf(send(get(`https://localhost:${server?.port}/`)))
    expect(error.kind).toBe('tls')
    expect(error.message).toContain('ERR_TLS_CERT_ALTNAME_INVALID')
  })

  it('goes through an HTTPS_PROXY with a CONNECT tunnel, credentials and SNI', async () => {
    const proxy = await startProxy()
    try {
      const send = sendRequestTrusting((certificate as SelfSignedCertificate).cert)
      const response = await withEnv(
        { ...NO_PROXY_ENV, HTTPS_PROXY: `http://user:p%40ss@127.0.0.1:${proxy.port}` },
        () => send(get(`https://harness.test:${server?.port}/through?q=1`))
      )
      expect(response.status).toBe(200)
      expect(JSON.parse(response.body)).toEqual({ path: '/through?q=1', sni: 'harness.test' })
      expect(proxy.tunnels).toEqual([`harness.test:${server?.port}`])
      const expected = `Basic ${Buffer.from('user:p@ss').toString('base64')}`
      expect(proxy.authorizations).toEqual([expected])
    } finally {
      await proxy.close()
    }
  })
})

describe('sendRequest through proxies', () => {
  let server: LoopbackServer
  let proxy: Awaited<ReturnType<typeof startProxy>>
  beforeAll(async () => {
    server = await startServer((seen, response) => {
      response.end(JSON.stringify({ path: seen.url, host: seen.headers.host }))
    })
    proxy = await startProxy()
  })
  afterAll(async () => {
    await server.close()
    await proxy.close()
  })

  it('sends plain HTTP to an HTTP_PROXY with the absolute URL', async () => {
    const response = await withEnv(
      { ...NO_PROXY_ENV, HTTP_PROXY: `http://127.0.0.1:${proxy.port}` },
      () => sendRequest(get(`http://harness.test:${server.port}/gateway/x?a=b`))
    )
    expect(JSON.parse(response.body)).toEqual({
      path: '/gateway/x?a=b',
      host: `harness.test:${server.port}`
    })
    expect(proxy.forwarded.at(-1)).toBe(`http://harness.test:${server.port}/gateway/x?a=b`)
  })

  it('bypasses the proxy for hosts in NO_PROXY and for loopback', async () => {
    const before = proxy.forwarded.length
    // 0.0.0.0 reaches the local host but is not a loopback name, so only NO_PROXY keeps it direct.
    const proxied = await withEnv(
      { ...NO_PROXY_ENV, HTTP_PROXY: `http://127.0.0.1:${proxy.port}` },
      () => sendRequest(get(`http://0.0.0.0:${server.port}/a`))
    )
    expect(proxied.status).toBe(200)
    expect(proxy.forwarded.length).toBe(before + 1)

    const direct = await withEnv(
      {
        ...NO_PROXY_ENV,
        HTTP_PROXY: `http://127.0.0.1:${proxy.port}`,
        NO_PROXY: 'x.example,0.0.0.0'
      },
      () => sendRequest(get(`http://0.0.0.0:${server.port}/b`))
    )
    expect(direct.status).toBe(200)
    const loopback = await withEnv(
      { ...NO_PROXY_ENV, HTTP_PROXY: `http://127.0.0.1:${proxy.port}` },
      () => sendRequest(get(`${server.origin}/c`))
    )
    expect(loopback.status).toBe(200)
    expect(proxy.forwarded.length).toBe(before + 1)
    expect(server.requests.map(seen => seen.url).slice(-3)).toEqual(['/a', '/b', '/c'])
  })

  it('fails with kind proxy, never reached, when the proxy refuses the CONNECT', async () => {
    const refusing = await startProxy(407)
    try {
      const error = await failureOf(
        withEnv({ ...NO_PROXY_ENV, HTTPS_PROXY: `http://127.0.0.1:${refusing.port}` }, () =>
          sendRequest({ ...get('https://harness.test/hook?token=abc'), method: 'POST', body: '{}' })
        )
      )
      expect(error.kind).toBe('proxy')
      expect(error.mayHaveReached).toBe(false)
      expect(error.message).toBe(
        `POST harness.test:443: the proxy 127.0.0.1:${refusing.port} refused the tunnel to harness.test:443 (HTTP 407 Refused by test proxy)`
      )
      expect(refusing.tunnels).toEqual(['harness.test:443'])
    } finally {
      await refusing.close()
    }
  })

  it('fails with kind proxy when the proxy cannot be reached', async () => {
    const port = await freePort()
    const error = await failureOf(
      withEnv({ ...NO_PROXY_ENV, HTTPS_PROXY: `http://127.0.0.1:${port}` }, () =>
        sendRequest(get('https://harness.test/x'))
      )
    )
    expect(error.kind).toBe('proxy')
    expect(error.mayHaveReached).toBe(false)
    expect(error.message).toBe(
      `GET harness.test:443: could not reach the proxy 127.0.0.1:${port}: connection refused (ECONNREFUSED)`
    )
  })
})

describe('sendRequest and the cancel signal', () => {
  it('an already aborted signal sends nothing, and says so', async () => {
    const server = await startRawServer(() => {})
    try {
      const error = await failureOf(
        sendRequest(get(`${server.origin}/x`, { signal: AbortSignal.abort() }))
      )
      expect(error.kind).toBe('cancelled')
      expect(error.mayHaveReached).toBe(false)
      expect(server.connections).toBe(0)
    } finally {
      await server.close()
    }
  })

  it('aborting abandons a request in flight at once and closes its socket', async () => {
    let closedAt = 0
    const server = await startRawServer(socket => {
      socket.on('data', () => {})
      socket.on('close', () => (closedAt = Date.now()))
    })
    try {
      const controller = new AbortController()
      const pending = sendRequest(
        get(`${server.origin}/hangs`, { timeoutMs: 30_000, signal: controller.signal })
      )
      await new Promise(done => setTimeout(done, 150))
      const abortedAt = Date.now()
      controller.abort()
      const error = await failureOf(pending)
      expect(error.kind).toBe('cancelled')
      expect(Date.now() - abortedAt).toBeLessThan(200)
      await new Promise(done => setTimeout(done, 100))
      expect(closedAt).toBeGreaterThanOrEqual(abortedAt)
    } finally {
      await server.close()
    }
  })
})
