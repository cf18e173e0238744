// For `npm run bench -- --https`: a throw-away self-signed certificate for 127.0.0.1, so that both
// sides pay what they pay against the real Harness (TLS and a CA file), not a plain-HTTP shortcut.
// Needs the openssl command.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * @param {string} dir where the key and certificate are written
 * @returns {{ key: string, cert: string, certFile: string }}
 */
export function selfSignedCertificate(dir) {
  const keyFile = join(dir, 'key.pem')
  const certFile = join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1']
    ],
    { stdio: 'pipe' }
  )
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile }
}
