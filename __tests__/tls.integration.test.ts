/**
 * HTTPS to a server whose certificate no public CA signed (a self-managed Harness behind a company
 * CA): refused with a message that names the way out, NODE_EXTRA_CA_CERTS, which then works.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  identifierInputs,
  runAction,
  selfSignedCertificate,
  startEmulator,
  type Emulator
} from './helpers/index.js'
import { certificateFile } from './support/certificates.js'
import { errorsOf, expectOrderlyEnd } from './support/run-checks.js'

let emulator: Emulator
let ca: { path: string; remove(): void }
beforeAll(async () => {
  const certificate = selfSignedCertificate()
  ca = certificateFile(certificate.cert)
  emulator = await startEmulator({ tls: certificate })
})
afterAll(async () => {
  await emulator.close()
  ca.remove()
})
beforeEach(() => emulator.reset())

describe('a certificate no public CA signed', () => {
  it('is refused before any request, with a message that names NODE_EXTRA_CA_CERTS', async () => {
    expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const result = await runAction({ emulator, inputs: identifierInputs(emulator) })
    expectOrderlyEnd(result)
    expect(result.exitCode).toBe(1)
    const errors = errorsOf(result)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/not trusted/)
    expect(errors[0]).toContain('NODE_EXTRA_CA_CERTS')
    expect(errors[0]).toContain(`127.0.0.1:${emulator.port}`)
    // The handshake failed: Harness never saw the trigger, and nothing was sent again.
    expect(emulator.requests).toHaveLength(0)
    expect(result.stdout).not.toMatch(/retry \d of/)
    expect(result.outputs).toEqual({})
  })

  it('is trusted through NODE_EXTRA_CA_CERTS: fire and wait succeed', async () => {
    const result = await runAction({
      emulator,
      inputs: { ...identifierInputs(emulator), wait: 'true', 'poll-interval': '100ms' },
      env: { NODE_EXTRA_CA_CERTS: ca.path }
    })
    expectOrderlyEnd(result)
    expect(errorsOf(result)).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('Success')
    expect(emulator.requestsTo('webhook')).toHaveLength(1)
    expect(emulator.requestsTo('execution').length).toBeGreaterThan(0)
  })
})
