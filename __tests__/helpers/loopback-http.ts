import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import https from 'node:https'
import net, { type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A request as a loopback server saw it. */
export interface SeenRequest {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
  /** SNI name on a TLS server */
  servername?: string
}

export interface LoopbackServer {
  port: number
  /** `http://127.0.0.1:port` (or https) */
  origin: string
  requests: SeenRequest[]
  /** TCP connections accepted so far */
  connections: number
  close(): Promise<void>
}

type Handler = (request: SeenRequest, response: ServerResponse) => void

/** An HTTP (or, with a key pair, HTTPS) server on 127.0.0.1 that records every request. */
export async function startServer(
  handler: Handler,
  tls?: { key: string; cert: string }
): Promise<LoopbackServer> {
  const requests: SeenRequest[] = []
  const listener = (incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const seen: SeenRequest = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        servername:
          (incoming.socket as Socket & { servername?: string | false }).servername || undefined
      }
      requests.push(seen)
      handler(seen, response)
    })
  }
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener)
  return listen(server, tls ? 'https' : 'http', requests)
}

/** A bare TCP server for misbehaving peers (never answering, cutting the connection). */
export async function startRawServer(onSocket: (socket: Socket) => void): Promise<LoopbackServer> {
  return listen(net.createServer(onSocket), 'http', [])
}

async function listen(
  server: net.Server,
  scheme: string,
  requests: SeenRequest[]
): Promise<LoopbackServer> {
  const sockets = new Set<Socket>()
  const result = { connections: 0 }
  server.on('connection', (socket: Socket) => {
    result.connections++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    origin: `${scheme}://127.0.0.1:${port}`,
    requests,
    get connections() {
      return result.connections
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

/** A port on which nothing listens (bound, then released). */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}

export interface SelfSignedCertificate {
  key: string
  cert: string
}

/**
 * A throwaway self-signed certificate for `names` (DNS names and IPs) made with openssl,
 * or undefined when openssl is not installed.
 */
export function makeSelfSignedCertificate(names: string[]): SelfSignedCertificate | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'harness-trigger-tls-'))
  try {
    const san = names.map(name => (net.isIP(name) ? `IP:${name}` : `DNS:${name}`)).join(',')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${names[0]}`,
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem')
      ],
      { stdio: 'ignore' }
    )
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8')
    }
  } catch {
    return undefined
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface TestProxy {
  port: number
  /** `host:port` of every CONNECT, in order */
  tunnels: string[]
  /** request lines of plain proxied HTTP requests (absolute URLs) */
  forwarded: string[]
  /** Proxy-Authorization headers seen (CONNECT and plain) */
  authorizations: (string | undefined)[]
  close(): Promise<void>
}

/**
 * A tiny forward proxy: CONNECT tunnels and plain absolute-URL requests, both sent on to
 * 127.0.0.1 whatever the host name (so names like `harness.test` reach the loopback servers).
 * With `refuseWith`, every CONNECT is answered with that status instead.
 */
export async function startProxy(refuseWith?: number): Promise<TestProxy> {
  const tunnels: string[] = []
  const forwarded: string[] = []
  const authorizations: (string | undefined)[] = []
  const server = http.createServer((incoming, response) => {
    forwarded.push(incoming.url ?? '')
    authorizations.push(incoming.headers['proxy-authorization'])
    const url = new URL(incoming.url ?? '')
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: url.port,
        method: incoming.method,
        path: `${url.pathname}${url.search}`,
        headers: incoming.headers,
        agent: false
      },
      answer => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      }
    )
    upstream.on('error', () => response.destroy())
    incoming.pipe(upstream)
  })
  server.on('connect', (incoming: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push(incoming.url ?? '')
    authorizations.push(incoming.headers['proxy-authorization'])
    if (refuseWith) {
      client.end(`HTTP/1.1 ${refuseWith} Refused by test proxy\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    const port = Number((incoming.url ?? '').split(':').pop())
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  const listening = await listen(server, 'http', [])
  return { port: listening.port, tunnels, forwarded, authorizations, close: listening.close }
}

/** Runs `body` with the given environment variables set (undefined: removed), then restores them. */
export async function withEnv<T>(
  vars: Record<string, string | undefined>,
  body: () => Promise<T>
): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map(name => [name, process.env[name]]))
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
  apply(vars)
  try {
    return await body()
  } finally {
    apply(saved)
  }
}
