import http from 'node:http'
import net, { type Socket } from 'node:net'
import type { ConnectionOptions } from 'node:tls'
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { classifySocketError } from './socket-errors.js'

/** Where a request goes, in the forms the socket layer and the messages need. */
export interface Target {
  url: URL
  secure: boolean
  /** without IPv6 brackets, as `net.connect` wants it */
  hostname: string
  port: number
  /** `host:port`, the only part of a URL that messages may show */
  hostPort: string
}

/** A connected socket, ready for the HTTP request. */
export interface Route {
  socket: Socket
  /** plain HTTP through a proxy: the request line carries the absolute URL */
  viaHttpProxy: boolean
  proxyAuthorization?: string
}

/** The proxy could not be reached or would not carry the request: the target never saw it. */
export class ProxyFailure extends Error {
  constructor(detail: string) {
    super(detail)
    this.name = 'ProxyFailure'
  }
}

export function targetOfUrl(url: URL): Target {
  const secure = url.protocol === 'https:'
  const port = url.port ? Number(url.port) : secure ? 443 : 80
  return {
    url,
    secure,
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    hostPort: `${url.hostname}:${port}`
  }
}

/**
 * Opens the connection for one request: straight to the target, or through the proxy that
 * HTTP(S)_PROXY/NO_PROXY choose (a CONNECT tunnel for HTTPS). Every socket made is handed to
 * `track` at once, so the caller's deadline can destroy it.
 */
export async function openRoute(
  target: Target,
  ca: string | undefined,
  track: (socket: Socket) => void
): Promise<Route> {
  const proxy = getProxyUrl(target.url)
  if (!proxy) {
    const socket = await connectTo(target, ca, track)
    await connected(socket, target.secure)
    return { socket, viaHttpProxy: false }
  }

  const proxyTarget = targetOfUrl(proxy)
  const proxyAuthorization = basicAuthorization(proxy)
  let proxySocket: Socket
  try {
    proxySocket = await connectTo(proxyTarget, undefined, track)
    await connected(proxySocket, proxyTarget.secure)
  } catch (error) {
    const { detail } = classifySocketError(error)
    throw new ProxyFailure(`could not reach the proxy ${proxyTarget.hostPort}: ${detail}`)
  }
  if (!target.secure) return { socket: proxySocket, viaHttpProxy: true, proxyAuthorization }

  const tunnel = await openTunnel(proxySocket, target, proxyTarget, proxyAuthorization)
  const { connect } = await loadTls()
  const socket = connect({ ...tlsOptions(target, ca), socket: tunnel })
  track(socket)
  await connected(socket, true)
  return { socket, viaHttpProxy: false }
}

async function connectTo(
  target: Target,
  ca: string | undefined,
  track: (socket: Socket) => void
): Promise<Socket> {
  const socket = target.secure
    ? (await loadTls()).connect({ ...tlsOptions(target, ca), port: target.port })
    : net.connect({ host: target.hostname, port: target.port })
  track(socket)
  return socket
}

/** node:tls (and OpenSSL's set-up) loads only when a connection needs it: start-up is the cost. */
function loadTls(): Promise<typeof import('node:tls')> {
  return import('node:tls')
}

function tlsOptions(target: Target, ca: string | undefined): ConnectionOptions {
  return {
    host: target.hostname,
    // SNI takes host names only (RFC 6066); certificate checks still use `host`.
    ...(net.isIP(target.hostname) ? {} : { servername: target.hostname }),
    ...(ca ? { ca } : {})
  }
}

/** Resolves when the socket is connected (and the TLS handshake done), rejects on its error. */
function connected(socket: Socket, secure: boolean): Promise<void> {
  const ready = secure ? 'secureConnect' : 'connect'
  return new Promise((resolve, reject) => {
    const cleanUp = () => {
      socket.off(ready, onReady)
      socket.off('error', onError)
      socket.off('close', onClose)
    }
    const onReady = () => {
      cleanUp()
      resolve()
    }
    const onError = (error: Error) => {
      cleanUp()
      reject(error)
    }
    const onClose = () => {
      cleanUp()
      reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    }
    socket.once(ready, onReady)
    socket.once('error', onError)
    socket.once('close', onClose)
  })
}

function openTunnel(
  proxySocket: Socket,
  target: Target,
  proxy: Target,
  proxyAuthorization: string | undefined
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: target.hostPort }
    if (proxyAuthorization) headers['Proxy-Authorization'] = proxyAuthorization
    const connect = http.request({
      method: 'CONNECT',
      path: target.hostPort,
      headers,
      createConnection: () => proxySocket
    })
    connect.once('connect', (answer, socket, head) => {
      const status = answer.statusCode ?? 0
      if (status >= 200 && status < 300) {
        if (head.length > 0) socket.unshift(head)
        resolve(socket)
        return
      }
      socket.destroy()
      const reason = answer.statusMessage ? ` ${answer.statusMessage}` : ''
      reject(
        new ProxyFailure(
          `the proxy ${proxy.hostPort} refused the tunnel to ${target.hostPort} (HTTP ${status}${reason})`
        )
      )
    })
    connect.once('error', error => {
      const { detail } = classifySocketError(error)
      reject(new ProxyFailure(`the proxy ${proxy.hostPort} failed during CONNECT: ${detail}`))
    })
    connect.end()
  })
}

function basicAuthorization(proxy: URL): string | undefined {
  if (!proxy.username) return undefined
  const credentials = `${proxy.username}:${proxy.password}`
  return `Basic ${Buffer.from(credentials).toString('base64')}`
}
