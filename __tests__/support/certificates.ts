/**
 * Throw-away self-signed certificates as files, for NODE_EXTRA_CA_CERTS (which takes a path) and
 * for names other than 127.0.0.1 (a made-up host that only a proxy can reach).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface CertificateFiles {
  key: string
  cert: string
  /** the certificate's PEM file: the value for NODE_EXTRA_CA_CERTS */
  certPath: string
  /** removes the files */
  remove(): void
}

/** A certificate for one DNS name (openssl must be on PATH). */
export function certificateForHost(hostname: string): CertificateFiles {
  return selfSignedFiles(hostname, `DNS:${hostname}`)
}

/** A certificate for `subjectAltName` (e.g. `IP:127.0.0.1` or `DNS:harness.test`), as files. */
export function selfSignedFiles(commonName: string, subjectAltName: string): CertificateFiles {
  const dir = mkdtempSync(join(tmpdir(), 'harness-cert-'))
  const keyPath = join(dir, 'key.pem')
  const certPath = join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      `/CN=${commonName}`,
      '-addext',
      `subjectAltName=${subjectAltName}`
    ],
    { stdio: 'pipe' }
  )
  return {
    key: readFileSync(keyPath, 'utf8'),
    cert: readFileSync(certPath, 'utf8'),
    certPath,
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}

/** Writes a PEM certificate (e.g. from `selfSignedCertificate()`) to a file of its own. */
export function certificateFile(cert: string): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'harness-ca-'))
  const path = join(dir, 'ca.pem')
  writeFileSync(path, cert)
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
