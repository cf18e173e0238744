// The floor of `npm run bench`: the least a correct fire-and-forget trigger can cost in Node. It
// does the action's job with built-ins only: read the inputs the runner sets, mask the secrets
// (`::add-mask::`, before anything else is printed or sent), build the v3 webhook URL, POST the
// JSON body (github context, image, tag) with X-Api-Key through node:http(s), and write
// eventCorrelationId and uiUrl to GITHUB_OUTPUT, refusing a value that could start a second line.
// No validation beyond that, no retries, no proxies, no summary: the action's cost above this
// script is what its toolkit and its care cost.
//
// Built-ins come through process.getBuiltinModule (Node 20.16+, 22.3+), falling back to
// createRequire, never through an ESM import: on Node 24 an ESM import of node:http evaluates
// http's lazy WebSocket getters and with them undici (+35 ms), which no action needs to pay.
// `import.meta` costs nothing; `node:module` is loaded by Node's ESM loader anyway.
import { createRequire } from 'node:module'

const builtin = process.getBuiltinModule ?? createRequire(import.meta.url)
const { appendFileSync, readFileSync } = builtin('node:fs')

const input = name => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim()
const env = name => process.env[name] || undefined

/** The runner's workflow command: every later line of the log shows the value as ***. */
function mask(secret) {
  if (secret) process.stdout.write(`::add-mask::${secret}\n`)
}

function webhookUrl() {
  const given = input('webhook-url')
  if (given) return given
  const base = (input('harness-url') || 'https://app.harness.io').replace(/\/+$/, '')
  const gateway = base.endsWith('/gateway') ? base : `${base}/gateway`
  const query = new URLSearchParams({
    accountIdentifier: input('account-id'),
    orgIdentifier: input('org-id') || 'default',
    projectIdentifier: input('project-id'),
    pipelineIdentifier: input('pipeline-id'),
    triggerIdentifier: input('trigger-id')
  })
  const token = encodeURIComponent(input('webhook-token'))
  return `${gateway}/pipeline/api/webhook/custom/${token}/v3?${query}`
}

function githubContext() {
  const eventPath = env('GITHUB_EVENT_PATH')
  const event = eventPath ? JSON.parse(readFileSync(eventPath, 'utf8')) : {}
  const [server, repository, runId] = [
    env('GITHUB_SERVER_URL'),
    env('GITHUB_REPOSITORY'),
    env('GITHUB_RUN_ID')
  ]
  return {
    repository,
    ref: env('GITHUB_REF'),
    branch: env('GITHUB_HEAD_REF') ?? env('GITHUB_REF_NAME'),
    sha: env('GITHUB_SHA'),
    runId,
    runAttempt: env('GITHUB_RUN_ATTEMPT'),
    runUrl:
      server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined,
    workflow: env('GITHUB_WORKFLOW'),
    job: env('GITHUB_JOB'),
    actor: env('GITHUB_ACTOR'),
    event: env('GITHUB_EVENT_NAME'),
    prNumber: event.pull_request?.number
  }
}

/** `registry/name:tag` → image and tag; a bare name takes the tag input, else the commit SHA. */
function imageAndTag() {
  const image = input('image')
  const colon = image.lastIndexOf(':')
  if (colon > image.lastIndexOf('/'))
    return { image: image.slice(0, colon), tag: image.slice(colon + 1) }
  return { image: image || undefined, tag: input('tag') || env('GITHUB_SHA') }
}

function post(url, body, apiKey) {
  const { request } = builtin(url.startsWith('https:') ? 'node:https' : 'node:http')
  const headers = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'User-Agent': 'harness-trigger-floor',
    'Content-Length': String(Buffer.byteLength(body))
  }
  if (apiKey) headers['X-Api-Key'] = apiKey
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, res => {
      const chunks = []
      res.on('data', chunk => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() })
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** `name=value` is one line of the command file: a value with a line break could forge another. */
function outputLine(name, value) {
  if (typeof value !== 'string' || /[\r\n]/.test(value)) {
    throw new Error(`Harness's ${name} is not a one-line string.`)
  }
  return `${name}=${value}\n`
}

const apiKey = input('api-key')
mask(apiKey)
mask(input('webhook-token'))
const github = githubContext()
// The top-level branch: what a Git-stored pipeline needs (interface.md, body section).
const body = JSON.stringify({
  github,
  ...(github.branch ? { branch: github.branch } : {}),
  ...imageAndTag()
})
const answer = await post(webhookUrl(), body, apiKey)
const data = answer.status === 200 ? JSON.parse(answer.text).data : undefined
if (!data?.eventCorrelationId) {
  console.error(`The webhook answered HTTP ${answer.status}.`)
  process.exit(1)
}
appendFileSync(
  process.env.GITHUB_OUTPUT,
  outputLine('eventCorrelationId', data.eventCorrelationId) + outputLine('uiUrl', data.uiUrl)
)
