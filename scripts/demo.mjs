// npm run demo: the action, end to end, without Harness or GitHub.
//
// Starts the Harness emulator on loopback, runs the bundled action (dist/index.js) the way a GitHub
// runner would, with `wait: true`, and shows its log, its outputs and its job summary. Needs no
// `npm install`: the emulator and this script use Node's standard library only.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_KEY,
  DEFAULT_IDS,
  DEFAULT_WEBHOOK_TOKEN,
  prepareStep,
  readStepFiles,
  startEmulator
} from '../emulator/index.js'

const root = fileURLToPath(new URL('..', import.meta.url))

// Harness's side: the event stays queued for two reads, then the pipeline runs two stages and
// waits for an approval on the way.
const emulator = await startEmulator({
  event: { pendingReads: 2 },
  execution: {
    statuses: ['Running', 'ApprovalWaiting', 'Running', 'Success'],
    stages: [
      { name: 'Build', statuses: ['Running', 'Success'] },
      { name: 'Deploy to prod', statuses: ['NotStarted', 'ApprovalWaiting', 'Running', 'Success'] }
    ]
  }
})

// The workflow's side: the step as a user would write it.
const inputs = {
  'harness-url': emulator.url,
  'account-id': DEFAULT_ACCOUNT_ID,
  'project-id': DEFAULT_IDS.projectId,
  'pipeline-id': DEFAULT_IDS.pipelineId,
  'trigger-id': DEFAULT_IDS.triggerId,
  'webhook-token': DEFAULT_WEBHOOK_TOKEN,
  'api-key': DEFAULT_API_KEY, // a fake key the emulator accepts
  image: 'ghcr.io/acme/api:1.4.2',
  wait: 'true',
  'poll-interval': '1s',
  timeout: '2m'
}

// A runner does not print workflow commands as they are written: it masks the values of
// ::add-mask:: from then on, shows ::debug:: only with step debug logging, shows annotations as
// "Notice: …", "Warning: …", "Error: …" (with their title) and a group by its name.
const masked = []
const ANNOTATIONS = { notice: 'Notice', warning: 'Warning', error: 'Error' }
const unescapeData = text => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = text => unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',')
const mask = text => masked.reduce((done, secret) => done.split(secret).join('***'), text)

/** The log line a runner shows for a line of the step's stdout, or undefined for none. */
function asRunnerShows(line) {
  const command = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/.exec(line)
  if (!command) return mask(line)
  const [, name, rawProperties = '', rawMessage] = command
  const message = unescapeData(rawMessage)
  if (name === 'add-mask') {
    if (message) masked.push(message)
    return undefined
  }
  if (name === 'debug') {
    return process.env.ACTIONS_STEP_DEBUG === 'true' ? mask(`Debug: ${message}`) : undefined
  }
  if (name === 'group') return mask(`▸ ${message}`)
  if (name === 'endgroup') return undefined
  if (name in ANNOTATIONS) {
    const title = /(?:^|,)title=([^,]*)/.exec(rawProperties)?.[1]
    const heading = title ? `${unescapeProperty(title)}: ` : ''
    return mask(`${ANNOTATIONS[name]}: ${heading}${message}`)
  }
  return mask(line)
}

const tempDir = mkdtempSync(join(tmpdir(), 'harness-trigger-demo-'))
const step = prepareStep({ actionYml: join(root, 'action.yml'), tempDir, inputs })

console.log(`Harness emulator on ${emulator.url}; running dist/index.js with wait: true\n`)
const exitCode = await new Promise(done => {
  const child = spawn(process.execPath, [join(root, 'dist', 'index.js')], {
    env: step.env,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  createInterface({ input: child.stdout }).on('line', line => {
    const shown = asRunnerShows(line)
    if (shown !== undefined) console.log(shown)
  })
  child.on('error', error => {
    console.error(`Could not start the action: ${error.message}`)
    done(1)
  })
  child.on('close', code => done(code ?? 1))
})

const { outputs, summary } = readStepFiles(step.files)
console.log('\n── Outputs ──')
for (const [name, value] of Object.entries(outputs)) console.log(`${name}: ${value}`)
console.log('\n── Job summary ──')
console.log(summary.trim() || '(none)')
console.log(`\nThe action exited with ${exitCode}.`)

await emulator.close()
rmSync(tempDir, { recursive: true, force: true })
process.exit(exitCode)
