#!/usr/bin/env node
// Starts the Harness emulator for manual use: node emulator/cli.js [--port N] [--pending-reads N]
//   [--statuses Running,ApprovalWaiting,Success] [--mandate-authorization]
// Prints the URL and the default world's identifiers, then one line per request until Ctrl-C.
import { parseArgs } from 'node:util'
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_KEY,
  DEFAULT_IDS,
  DEFAULT_WEBHOOK_TOKEN,
  startEmulator
} from './server.js'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'pending-reads': { type: 'string', default: '0' },
    statuses: { type: 'string' },
    'mandate-authorization': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false }
  }
})

if (values.help) {
  console.log(
    'node emulator/cli.js [--port N] [--pending-reads N] [--statuses A,B,C] [--mandate-authorization]'
  )
  process.exit(0)
}

const emulator = await startEmulator({
  port: Number(values.port),
  mandateAuthorization: values['mandate-authorization'],
  event: { pendingReads: Number(values['pending-reads']) },
  execution: values.statuses ? { statuses: values.statuses.split(',') } : undefined,
  log: line => console.log(`${new Date().toISOString()} ${line}`)
})

const query =
  `accountIdentifier=${DEFAULT_ACCOUNT_ID}&orgIdentifier=${DEFAULT_IDS.orgId}` +
  `&projectIdentifier=${DEFAULT_IDS.projectId}&pipelineIdentifier=${DEFAULT_IDS.pipelineId}` +
  `&triggerIdentifier=${DEFAULT_IDS.triggerId}`
console.log(`Harness emulator listening on ${emulator.url}`)
console.log(`  harness-url:  ${emulator.url}`)
console.log(`  account-id:   ${DEFAULT_ACCOUNT_ID}`)
console.log(`  api-key:      ${DEFAULT_API_KEY}   (a fake key)`)
console.log(
  `  webhook-url:  ${emulator.url}/gateway/pipeline/api/webhook/custom/${DEFAULT_WEBHOOK_TOKEN}/v3?${query}`
)
console.log(`  GitHub API:   ${emulator.url}/repos/{owner}/{repo}/issues/{n}/comments`)

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    emulator.close().then(() => process.exit(0))
  })
}
