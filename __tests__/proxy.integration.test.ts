/**
 * HTTPS_PROXY and NO_PROXY, end to end. Loopback never goes through a proxy, so Harness gets a
 * made-up name, `harness.test`, that no DNS knows: only the proxy (which tunnels every CONNECT to
 * the emulator) can reach it. Going through the proxy therefore works, and bypassing it fails on
 * DNS, which proves the bypass.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  identifierInputs,
  runAction,
  startEmulator,
  type Emulator,
  type RunActionOptions
} from './helpers/index.js'
import { certificateForHost, type CertificateFiles } from './support/certificates.js'
import { startConnectProxy, type ConnectProxy } from './support/connect-proxy.js'
import { errorsOf, expectOrderlyEnd } from './support/run-checks.js'

const HOST = 'harness.test'

let emulator: Emulator
let certificate: CertificateFiles
let proxy: ConnectProxy
beforeAll(async () => {
  certificate = certificateForHost(HOST)
  emulator = await startEmulator({ tls: certificate })
  proxy = await startConnectProxy({ tunnelToPort: emulator.port })
})
afterAll(async () => {
  await proxy.close()
  await emulator.close()
  certificate.remove()
})
beforeEach(() => {
  emulator.reset()
  proxy.connects.length = 0
})

const harnessUrl = () => `https://${HOST}:${emulator.port}`

/** A run against https://harness.test:PORT that trusts the test certificate. */
function throughProxy(
  env: Record<string, string>,
  inputs: Record<string, string> = {}
): RunActionOptions {
  return {
    emulator,
    inputs: { ...identifierInputs(emulator), 'harness-url': harnessUrl(), ...inputs },
    env: { NODE_EXTRA_CA_CERTS: certificate.certPath, ...env }
  }
}

describe('HTTPS_PROXY', () => {
  it('carries the trigger through a CONNECT tunnel to the Harness host', async () => {
    const result = await runAction(throughProxy({ HTTPS_PROXY: proxy.url }))
    expectOrderlyEnd(result)
    expect(errorsOf(result)).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(proxy.connects).toEqual([`${HOST}:${emulator.port}`])
    const [post] = emulator.requestsTo('webhook')
    expect(post.headers.host).toBe(`${HOST}:${emulator.port}`)
    expect(result.outputs.eventCorrelationId).toBe(emulator.events[0].id)
  })

  it('carries every read of a wait through the proxy as well', async () => {
    const result = await runAction(
      throughProxy(
        { https_proxy: proxy.url },
        { wait: 'true', 'poll-interval': '100ms', timeout: '20s' }
      )
    )
    expectOrderlyEnd(result)
    expect(errorsOf(result)).toEqual([])
    expect(result.outputs.status).toBe('Success')
    expect(emulator.requestsTo('execution').length).toBeGreaterThan(0)
    // One tunnel per request, each to the Harness host, none anywhere else.
    expect(proxy.connects).toHaveLength(emulator.requests.length)
    expect(new Set(proxy.connects)).toEqual(new Set([`${HOST}:${emulator.port}`]))
  })

  it('NO_PROXY bypasses it: the action resolves harness.test itself, and fails on DNS', async () => {
    const result = await runAction(throughProxy({ HTTPS_PROXY: proxy.url, NO_PROXY: HOST }))
    expectOrderlyEnd(result)
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)[0]).toMatch(
      new RegExp(`${HOST.replace('.', '\\.')}:${emulator.port}: host name not found`)
    )
    expect(proxy.connects).toEqual([])
    expect(emulator.requests).toHaveLength(0)
  })

  it('a NO_PROXY list with a domain suffix bypasses it too', async () => {
    const result = await runAction(
      throughProxy({ HTTPS_PROXY: proxy.url, no_proxy: 'example.com, .test' })
    )
    expectOrderlyEnd(result)
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)[0]).toMatch(/host name not found/)
    expect(proxy.connects).toEqual([])
  })

  it('a NO_PROXY for other hosts leaves the proxy in use', async () => {
    const result = await runAction(
      throughProxy({ HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com,harness.io' })
    )
    expect(result.exitCode).toBe(0)
    expect(proxy.connects).toEqual([`${HOST}:${emulator.port}`])
  })

  it('a proxy that refuses the tunnel (407): a clear failure, and the POST is not sent again', async () => {
    const refusing = await startConnectProxy({ tunnelToPort: emulator.port, refuseWith: 407 })
    try {
      const result = await runAction(throughProxy({ HTTPS_PROXY: refusing.url }))
      expectOrderlyEnd(result)
      expect(result.exitCode).toBe(1)
      const [error] = errorsOf(result)
      expect(error).toContain(`proxy 127.0.0.1:${refusing.port}`)
      expect(error).toMatch(/HTTP 407/)
      expect(error).toContain(`${HOST}:${emulator.port}`)
      expect(refusing.connects).toHaveLength(1)
      expect(emulator.requests).toHaveLength(0)
      expect(result.stdout).not.toMatch(/retry \d of/)
    } finally {
      await refusing.close()
    }
  })

  it('sends the credentials of the proxy URL to the proxy, and never shows them', async () => {
    const password = 'Pr0xyPassw0rdNotForLogs'
    const refusing = await startConnectProxy({ tunnelToPort: emulator.port, refuseWith: 407 })
    try {
      const withCredentials = `http://deploy:${password}@127.0.0.1:${refusing.port}`
      const result = await runAction({
        ...throughProxy({ HTTPS_PROXY: withCredentials }),
        secrets: { 'the proxy password': password }
      })
      expect(result.exitCode).toBe(1)
      expect(refusing.authorizations).toEqual([
        `Basic ${Buffer.from(`deploy:${password}`).toString('base64')}`
      ])
      expect(errorsOf(result)[0]).toMatch(/HTTP 407/)
    } finally {
      await refusing.close()
    }
  })
})
