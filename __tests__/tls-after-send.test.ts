/**
 * A TLS error after the POST was written is not a handshake failure: Harness may have read the
 * request, so the message says it may have taken the trigger and that a rerun may deploy twice.
 * Only a failure before any byte of the request (here: an untrusted certificate) says it was not
 * sent. Against a TLS server on loopback that breaks the TLS stream once the request has arrived.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { AddressInfo, Socket } from 'node:net'
import tls from 'node:tls'
import { HarnessClient } from '../src/harness/client.js'
import { NetworkError, sendRequest, sendRequestTrusting } from '../src/harness/http/request.js'
import { Redactor } from '../src/core/redactor.js'
import { selfSignedCertificate } from './helpers/index.js'

const certificate = selfSignedCertificate()

interface BreakingServer {
  origin: string
  /** bytes of request the server had decrypted before it broke the stream */
  received: number
  close(): Promise<void>
}

/** Once any request bytes arrive, writes plain bytes onto the raw TCP socket under the TLS. */
async function startBreakingServer(): Promise<BreakingServer> {
  const raw = new WeakMap<object, Socket>()
  const state = { received: 0 }
  const server = tls.createServer(certificate, secure => {
    secure.once('data', (chunk: Buffer) => {
      state.received += chunk.length
      raw.get(secure)?.write('not a TLS record at all\r\n\r\n')
    })
    secure.on('error', () => undefined)
  })
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
  })
  // The raw socket of each TLS socket, to write under it.
  server.on('secureConnection', secure => {
    const underlying = [...sockets].find(socket => socket.remotePort === secure.remotePort)
    if (underlying) raw.set(secure, underlying)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `https://127.0.0.1:${port}`,
    get received() {
      return state.received
    },
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

let server: BreakingServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function clientFor(origin: string, trusted: boolean): HarnessClient {
  return new HarnessClient({
    endpoint: { origin, gateway: `${origin}/gateway`, ui: `${origin}/ng/#` },
    redactor: new Redactor(),
    send: trusted ? sendRequestTrusting(certificate.cert) : sendRequest,
    sleep: async () => undefined,
    requestTimeoutMs: 5000
  })
}

const webhookUrl = (origin: string) =>
  `${origin}/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=acc&orgIdentifier=default&projectIdentifier=p&pipelineIdentifier=x&triggerIdentifier=y`

async function failureOf(promise: Promise<unknown>): Promise<NetworkError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(NetworkError)
    return error as NetworkError
  }
  throw new Error('expected the POST to fail')
}

describe('a TLS error', () => {
  it('after the POST was written says Harness may have taken it and a rerun may deploy twice', async () => {
    server = await startBreakingServer()
    const error = await failureOf(
      clientFor(server.origin, true).fireWebhook(webhookUrl(server.origin), '{"a":1}')
    )
    expect(server.received).toBeGreaterThan(0)
    expect(error.mayHaveReached).toBe(true)
    expect(error.message).toMatch(/after the request was sent|connection was reset|closed/)
    expect(error.message).not.toMatch(/handshake/)
    expect(error.message).toContain('Harness may have taken the trigger')
    expect(error.message).toContain('a rerun may deploy twice')
  })

  it('in the handshake, before any byte of the request, says it was not sent', async () => {
    server = await startBreakingServer()
    const error = await failureOf(
      clientFor(server.origin, false).fireWebhook(webhookUrl(server.origin), '{"a":1}')
    )
    expect(server.received).toBe(0)
    expect(error.mayHaveReached).toBe(false)
    expect(error.kind).toBe('tls')
    expect(error.message).toMatch(/not trusted/)
    expect(error.message).not.toContain('may have taken')
  })
})
