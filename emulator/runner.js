// The GitHub runner's side of a step, as `npm run demo` and the test helpers play it: the
// environment the runner gives a JavaScript action (INPUT_* with action.yml's defaults, GITHUB_*
// context, the command files) and the reading of those files afterwards. Dependency-free.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** What `${{ github.token }}` becomes: a fake installation token. */
export const FAKE_GITHUB_TOKEN = 'ghs_FakeInstallationToken0123456789abcdef'

/** The runner context of every simulated run (tests override single variables through `env`). */
export const RUNNER_CONTEXT = Object.freeze({
  repository: 'acme/api',
  sha: '3f786850e387550fdab836ed7e6dc881de23001b',
  ref: 'refs/heads/main',
  refName: 'main',
  runId: '4242424242',
  runNumber: '17',
  runAttempt: '1',
  serverUrl: 'https://github.com',
  actor: 'octocat',
  workflow: 'deploy',
  job: 'deploy'
})

/**
 * Unquotes a YAML scalar as action.yml writes them ('single', "double" or plain).
 * @param {string} raw
 */
function yamlScalar(raw) {
  const text = raw.trim()
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) throw new Error(`Unterminated quote: ${text}`)
    return text.slice(1, -1).replace(/''/g, "'")
  }
  if (text.startsWith('"')) return /** @type {string} */ (JSON.parse(text))
  if (text === '|' || text === '>' || /^[|>][+-]?$/.test(text)) {
    throw new Error('Block scalars in action.yml defaults are not supported by this reader')
  }
  return text.replace(/\s+#.*$/, '')
}

/**
 * The `default` of every input of an action.yml (inputs without one are left out). A small
 * reader for the flat shape action.yml files have, not a YAML parser.
 * @param {string} text the action.yml
 * @returns {Record<string, string>}
 */
export function readActionDefaults(text) {
  /** @type {Record<string, string>} */
  const defaults = {}
  let inInputs = false
  /** @type {number | undefined} */
  let nameIndent
  /** @type {string | undefined} */
  let current
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#.*)?$/.test(line)) continue
    const indent = line.length - line.trimStart().length
    if (indent === 0) {
      inInputs = /^inputs:\s*$/.test(line)
      continue
    }
    if (!inInputs) continue
    nameIndent ??= indent
    const entry = /^\s*([^:#]+?):(.*)$/.exec(line)
    if (indent === nameIndent && entry) current = entry[1].trim()
    else if (indent > nameIndent && current && entry?.[1].trim() === 'default') {
      defaults[current] = yamlScalar(entry[2])
    }
  }
  return defaults
}

/**
 * The runner's variable for an input: `INPUT_` + name upper-cased, spaces to `_`, hyphens kept.
 * @param {string} name
 */
export function inputVariable(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * Resolves the `${{ github.* }}` expressions a default may hold.
 * @param {string} value
 * @param {Record<string, string>} github
 */
function evaluateDefault(value, github) {
  return value.replace(/\$\{\{\s*github\.(\w+)\s*\}\}/g, (_match, name) => {
    if (!(name in github)) throw new Error(`No simulated value for \${{ github.${name} }}`)
    return github[name]
  })
}

/**
 * A push event, as GITHUB_EVENT_PATH holds it.
 * @returns {{ name: string, payload: Record<string, unknown> }}
 */
export function pushEvent() {
  const [owner, name] = RUNNER_CONTEXT.repository.split('/')
  return {
    name: 'push',
    payload: {
      ref: RUNNER_CONTEXT.ref,
      after: RUNNER_CONTEXT.sha,
      repository: { full_name: RUNNER_CONTEXT.repository, name, owner: { login: owner } },
      sender: { login: RUNNER_CONTEXT.actor },
      head_commit: { id: RUNNER_CONTEXT.sha, message: 'Ship it' }
    }
  }
}

/**
 * A pull_request event for PR `number` (head branch `feature/x` into `main`).
 * @param {number} number
 * @returns {{ name: string, payload: Record<string, unknown> }}
 */
export function pullRequestEvent(number) {
  const [owner, name] = RUNNER_CONTEXT.repository.split('/')
  const repository = { full_name: RUNNER_CONTEXT.repository, name, owner: { login: owner } }
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        html_url: `${RUNNER_CONTEXT.serverUrl}/${RUNNER_CONTEXT.repository}/pull/${number}`,
        head: { ref: 'feature/x', sha: RUNNER_CONTEXT.sha },
        base: { ref: 'main' }
      },
      repository,
      sender: { login: RUNNER_CONTEXT.actor }
    }
  }
}

/**
 * GITHUB_REF and friends as the runner derives them from the event.
 * @param {{ name: string, payload: Record<string, unknown> }} event
 */
function refVariables(event) {
  const pr =
    /** @type {{ number?: number, head?: { ref?: string }, base?: { ref?: string } } | undefined} */ (
      event.payload.pull_request
    )
  if (pr && /^pull_request/.test(event.name)) {
    return {
      GITHUB_REF: `refs/pull/${pr.number}/merge`,
      GITHUB_REF_NAME: `${pr.number}/merge`,
      GITHUB_REF_TYPE: 'branch',
      GITHUB_HEAD_REF: pr.head?.ref ?? '',
      GITHUB_BASE_REF: pr.base?.ref ?? ''
    }
  }
  return {
    GITHUB_REF: RUNNER_CONTEXT.ref,
    GITHUB_REF_NAME: RUNNER_CONTEXT.refName,
    GITHUB_REF_TYPE: 'branch'
  }
}

/**
 * @typedef {{ output: string, state: string, env: string, path: string, summary: string }} RunnerFiles
 */

/**
 * Lays out one step's environment in `tempDir`: the command files, the event file, the runner
 * context, every input default of action.yml, then `inputs` (undefined removes one), then `env`
 * (undefined removes a variable). Only PATH and HOME come from this process.
 * @param {{ actionYml: string, tempDir: string, inputs?: Record<string, string | undefined>,
 *   env?: Record<string, string | undefined>, state?: Record<string, string>,
 *   event?: { name: string, payload: Record<string, unknown> } }} options
 * @returns {{ env: Record<string, string>, files: RunnerFiles, inputs: Record<string, string> }}
 */
export function prepareStep(options) {
  const { tempDir } = options
  const runnerTemp = join(tempDir, 'runner-temp')
  const workspace = join(tempDir, 'workspace')
  mkdirSync(runnerTemp, { recursive: true })
  mkdirSync(workspace, { recursive: true })
  /** @type {RunnerFiles} */
  const files = {
    output: join(tempDir, 'github_output'),
    state: join(tempDir, 'github_state'),
    env: join(tempDir, 'github_env'),
    path: join(tempDir, 'github_path'),
    summary: join(tempDir, 'step_summary.md')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const event = options.event ?? pushEvent()
  const eventPath = join(tempDir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(event.payload, null, 2))

  const [owner] = RUNNER_CONTEXT.repository.split('/')
  /** @type {Record<string, string | undefined>} */
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: RUNNER_CONTEXT.repository,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_SHA: RUNNER_CONTEXT.sha,
    ...refVariables(event),
    GITHUB_RUN_ID: RUNNER_CONTEXT.runId,
    GITHUB_RUN_NUMBER: RUNNER_CONTEXT.runNumber,
    GITHUB_RUN_ATTEMPT: RUNNER_CONTEXT.runAttempt,
    GITHUB_SERVER_URL: RUNNER_CONTEXT.serverUrl,
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_ACTOR: RUNNER_CONTEXT.actor,
    GITHUB_WORKFLOW: RUNNER_CONTEXT.workflow,
    GITHUB_JOB: RUNNER_CONTEXT.job,
    GITHUB_ACTION: 'harness-trigger',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'Emulated Runner'
  }

  const github = {
    token: FAKE_GITHUB_TOKEN,
    sha: RUNNER_CONTEXT.sha,
    repository: RUNNER_CONTEXT.repository,
    ref: /** @type {string} */ (env.GITHUB_REF),
    server_url: RUNNER_CONTEXT.serverUrl,
    run_id: RUNNER_CONTEXT.runId,
    actor: RUNNER_CONTEXT.actor
  }
  /** @type {Record<string, string | undefined>} */
  const inputs = {}
  const defaults = readActionDefaults(readFileSync(options.actionYml, 'utf8'))
  for (const [name, value] of Object.entries(defaults))
    inputs[name] = evaluateDefault(value, github)
  Object.assign(inputs, options.inputs)
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
  Object.assign(env, options.env)

  return { env: definedOnly(env), files, inputs: definedOnly(inputs) }
}

/**
 * @param {Record<string, string | undefined>} record
 * @returns {Record<string, string>}
 */
function definedOnly(record) {
  /** @type {Record<string, string>} */
  const result = {}
  for (const [name, value] of Object.entries(record)) if (value !== undefined) result[name] = value
  return result
}

/**
 * Reads a GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV file: `name=value` lines and
 * `name<<DELIMITER` … `DELIMITER` blocks. A later value of a name wins, as on the runner.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseCommandFile(text) {
  /** @type {Record<string, string>} */
  const values = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '')
    if (line === '') continue
    const block = /^([^=<]+)<<(.+)$/.exec(line)
    if (block) {
      const [, name, delimiter] = block
      const end = lines.findIndex(
        (candidate, j) => j > i && candidate.replace(/\r$/, '') === delimiter
      )
      if (end < 0) throw new Error(`Unterminated ${name}<<${delimiter} block in a command file`)
      values[name] = lines.slice(i + 1, end).join('\n')
      i = end
      continue
    }
    const pair = /^([^=]+)=(.*)$/.exec(line)
    if (!pair) throw new Error(`Malformed command file line: ${line}`)
    values[pair[1]] = pair[2]
  }
  return values
}

/**
 * What the step left in its command files.
 * @param {RunnerFiles} files
 */
export function readStepFiles(files) {
  const read = (/** @type {string} */ file) => readFileSync(file, 'utf8')
  return {
    outputs: parseCommandFile(read(files.output)),
    state: parseCommandFile(read(files.state)),
    env: parseCommandFile(read(files.env)),
    path: read(files.path).split('\n').filter(Boolean),
    summary: read(files.summary)
  }
}
