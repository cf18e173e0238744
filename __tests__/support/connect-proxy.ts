/**
 * A tiny HTTPS proxy for tests: it answers CONNECT by opening a tunnel to one loopback port,
 * whatever host was asked for, and records every CONNECT target. It never sees inside the tunnel.
 */
import { createServer, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'

export interface ConnectProxy {
  /** `http://127.0.0.1:PORT`, for HTTPS_PROXY */
  url: string
  port: number
  /** the request targets of every CONNECT, in order (`harness.test:8443`) */
  connects: string[]
  /** the Proxy-Authorization header of each CONNECT ('' when there was none) */
  authorizations: string[]
  close(): Promise<void>
}

export interface ConnectProxyOptions {
  /** the loopback port every tunnel leads to */
  tunnelToPort: number
  /** refuse every CONNECT with this status (e.g. 407) instead of opening the tunnel */
  refuseWith?: number
}

const REASONS: Record<number, string> = {
  403: 'Forbidden',
  407: 'Proxy Authentication Required',
  502: 'Bad Gateway'
}

export async function startConnectProxy(options: ConnectProxyOptions): Promise<ConnectProxy> {
  const connects: string[] = []
  const authorizations: string[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((_request, response) => {
    // Only tunnels here: a plain request through this proxy is a test mistake.
    response.writeHead(405, { 'content-type': 'text/plain' }).end('CONNECT only\n')
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  server.on('connect', (request, client: Socket, head: Buffer) => {
    connects.push(request.url ?? '')
    authorizations.push(request.headers['proxy-authorization'] ?? '')
    client.on('error', () => client.destroy())
    if (options.refuseWith) {
      const status = options.refuseWith
      client.end(
        `HTTP/1.1 ${status} ${REASONS[status] ?? 'Refused'}\r\n` +
          'Proxy-Authenticate: Basic realm="test proxy"\r\n' +
          'Content-Length: 0\r\nConnection: close\r\n\r\n'
      )
      return
    }
    const upstream = connect(options.tunnelToPort, '127.0.0.1')
    sockets.add(upstream)
    upstream.once('close', () => sockets.delete(upstream))
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.once('close', () => upstream.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    connects,
    authorizations,
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
