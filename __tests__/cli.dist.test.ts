/**
 * `node dist/cli.js` as each CI runs it, against the emulator over real HTTP: the body Harness
 * received (the `ci` object, the top-level `branch`), stdout in both formats, the output file,
 * every exit code, cancellation, and no secret on any stream (runCli scans every run).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import {
  API_KEY,
  WEBHOOK_TOKEN,
  harnessErrorBody,
  startEmulator,
  v3WebhookUrl,
  type Emulator
} from './helpers/index.js'
import { CLI_ENTRY, harnessEnv, runCli } from './helpers/run-cli.js'

const SHA = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

function lastBody(): Record<string, unknown> {
  const event = emulator.events.at(-1)
  if (!event) throw new Error('the emulator received no trigger')
  return event.payload as Record<string, unknown>
}

function json(stdout: string): Record<string, string> {
  expect(stdout.trimEnd().split('\n')).toHaveLength(1)
  return JSON.parse(stdout) as Record<string, string>
}

/** Each CI's variables as its documentation lists them, and what the body must then carry. */
const CI_RUNS: Array<{
  name: string
  env: Record<string, string>
  ci: Record<string, unknown>
  branch?: string
}> = [
  {
    name: 'GitLab push',
    env: {
      GITLAB_CI: 'true',
      CI_COMMIT_SHA: SHA,
      CI_COMMIT_BRANCH: 'main',
      CI_PIPELINE_URL: 'https://gitlab.example.com/g/api/-/pipelines/7',
      CI_PIPELINE_ID: '7',
      CI_PROJECT_PATH: 'g/api',
      CI_JOB_NAME: 'deploy',
      GITLAB_USER_LOGIN: 'dev',
      CI_PIPELINE_SOURCE: 'push'
    },
    ci: {
      provider: 'gitlab',
      repository: 'g/api',
      branch: 'main',
      sha: SHA,
      runId: '7',
      runUrl: 'https://gitlab.example.com/g/api/-/pipelines/7',
      job: 'deploy',
      actor: 'dev',
      event: 'push'
    },
    branch: 'main'
  },
  {
    name: 'GitLab merge request',
    env: {
      GITLAB_CI: 'true',
      CI_COMMIT_SHA: SHA,
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
      CI_MERGE_REQUEST_IID: '42',
      CI_PIPELINE_URL: 'https://gitlab.example.com/g/api/-/pipelines/8',
      CI_PIPELINE_SOURCE: 'merge_request_event'
    },
    ci: {
      provider: 'gitlab',
      branch: 'feature/login',
      sha: SHA,
      runUrl: 'https://gitlab.example.com/g/api/-/pipelines/8',
      event: 'merge_request_event',
      prNumber: 42
    },
    branch: 'feature/login'
  },
  {
    name: 'Jenkins multibranch pull request',
    env: {
      JENKINS_URL: 'https://jenkins.example.com/',
      GIT_COMMIT: SHA,
      BRANCH_NAME: 'PR-9',
      CHANGE_ID: '9',
      CHANGE_BRANCH: 'fix/timeout',
      CHANGE_AUTHOR: 'dev',
      BUILD_URL: 'https://jenkins.example.com/job/api/job/PR-9/3/',
      BUILD_NUMBER: '3',
      JOB_NAME: 'api/PR-9'
    },
    ci: {
      provider: 'jenkins',
      branch: 'fix/timeout',
      sha: SHA,
      runId: '3',
      runUrl: 'https://jenkins.example.com/job/api/job/PR-9/3/',
      job: 'api/PR-9',
      actor: 'dev',
      prNumber: 9
    },
    branch: 'fix/timeout'
  },
  {
    name: 'Jenkins freestyle (GIT_BRANCH=origin/x)',
    env: {
      JENKINS_URL: 'https://jenkins.example.com/',
      GIT_COMMIT: SHA,
      GIT_BRANCH: 'origin/release/1.2',
      GIT_URL: 'https://ci-bot:glpat-CloneToken123@git.example.com/g/api.git',
      BUILD_URL: 'https://jenkins.example.com/job/api/12/',
      BUILD_NUMBER: '12',
      JOB_NAME: 'api'
    },
    ci: {
      provider: 'jenkins',
      repository: 'https://git.example.com/g/api.git',
      branch: 'release/1.2',
      sha: SHA,
      runId: '12',
      runUrl: 'https://jenkins.example.com/job/api/12/',
      job: 'api'
    },
    branch: 'release/1.2'
  },
  {
    name: 'CircleCI',
    env: {
      CIRCLECI: 'true',
      CIRCLE_SHA1: SHA,
      CIRCLE_BRANCH: 'feature/x',
      CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/api/55',
      CIRCLE_BUILD_NUM: '55',
      CIRCLE_PULL_REQUEST: 'https://github.com/acme/api/pull/17',
      CIRCLE_PROJECT_USERNAME: 'acme',
      CIRCLE_PROJECT_REPONAME: 'api',
      CIRCLE_JOB: 'deploy',
      CIRCLE_USERNAME: 'dev'
    },
    ci: {
      provider: 'circleci',
      repository: 'acme/api',
      branch: 'feature/x',
      sha: SHA,
      runId: '55',
      runUrl: 'https://circleci.com/gh/acme/api/55',
      job: 'deploy',
      actor: 'dev',
      prNumber: 17
    },
    branch: 'feature/x'
  },
  {
    name: 'Bitbucket Pipelines',
    env: {
      BITBUCKET_BUILD_NUMBER: '21',
      BITBUCKET_COMMIT: SHA,
      BITBUCKET_BRANCH: 'feature/x',
      BITBUCKET_REPO_FULL_NAME: 'acme/api',
      BITBUCKET_PR_ID: '5'
    },
    ci: {
      provider: 'bitbucket',
      repository: 'acme/api',
      branch: 'feature/x',
      sha: SHA,
      runId: '21',
      runUrl: 'https://bitbucket.org/acme/api/pipelines/results/21',
      prNumber: 5
    },
    branch: 'feature/x'
  },
  {
    name: 'Azure Pipelines, branch feature/x',
    env: {
      TF_BUILD: 'True',
      BUILD_SOURCEVERSION: SHA,
      BUILD_SOURCEBRANCH: 'refs/heads/feature/x',
      BUILD_SOURCEBRANCHNAME: 'x',
      SYSTEM_COLLECTIONURI: 'https://dev.azure.com/acme/',
      SYSTEM_TEAMPROJECT: 'payments',
      BUILD_BUILDID: '314',
      BUILD_REPOSITORY_NAME: 'api',
      BUILD_REASON: 'IndividualCI'
    },
    ci: {
      provider: 'azure',
      repository: 'api',
      branch: 'feature/x',
      sha: SHA,
      runId: '314',
      runUrl: 'https://dev.azure.com/acme/payments/_build/results?buildId=314',
      event: 'IndividualCI'
    },
    branch: 'feature/x'
  },
  {
    name: 'Buildkite',
    env: {
      BUILDKITE: 'true',
      BUILDKITE_COMMIT: SHA,
      BUILDKITE_BRANCH: 'main',
      BUILDKITE_BUILD_URL: 'https://buildkite.com/acme/api/builds/8',
      BUILDKITE_BUILD_NUMBER: '8',
      BUILDKITE_PULL_REQUEST: 'false',
      BUILDKITE_SOURCE: 'webhook'
    },
    ci: {
      provider: 'buildkite',
      branch: 'main',
      sha: SHA,
      runId: '8',
      runUrl: 'https://buildkite.com/acme/api/builds/8',
      event: 'webhook'
    },
    branch: 'main'
  }
]

describe('harness-trigger in each CI', () => {
  it.each(CI_RUNS)('$name: the body carries ci, branch and tag; stdout the outputs', async run => {
    const result = await runCli({ env: { ...harnessEnv(emulator), ...run.env }, emulator })
    expect(result.stderr).toContain('Harness accepted the trigger')
    expect(result.exitCode).toBe(0)
    const body = lastBody()
    expect(body.ci).toEqual(run.ci)
    expect(body.branch).toBe(run.branch)
    expect(body.tag).toBe(SHA)
    const outputs = json(result.stdout)
    expect(Object.keys(outputs)).toEqual(['eventCorrelationId', 'uiUrl', 'apiUrl', 'uiSetupUrl'])
    expect(outputs.eventCorrelationId).toBe(emulator.events.at(-1)?.id)
  })

  it('a GitLab tag pipeline sends no branch', async () => {
    const result = await runCli({
      env: {
        ...harnessEnv(emulator),
        GITLAB_CI: 'true',
        CI_COMMIT_SHA: SHA,
        CI_COMMIT_TAG: 'v2.0.0'
      },
      emulator
    })
    expect(result.exitCode).toBe(0)
    expect(lastBody()).not.toHaveProperty('branch')
    expect(lastBody().ci).toEqual({ provider: 'gitlab', sha: SHA })
  })

  describe('a local Git checkout', () => {
    let repo: string
    let sha: string
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim()
    beforeAll(() => {
      repo = realpathSync(mkdtempSync(join(tmpdir(), 'harness-cli-repo-')))
      git('init', '--quiet', '--initial-branch=trunk/next')
      git(
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@example.com',
        'commit',
        '--quiet',
        '--allow-empty',
        '-m',
        'one'
      )
      sha = git('rev-parse', 'HEAD')
    })
    afterAll(() => rmSync(repo, { recursive: true, force: true }))

    it('sends the checked-out commit and branch', async () => {
      const result = await runCli({ env: harnessEnv(emulator), cwd: repo, emulator })
      expect(result.exitCode).toBe(0)
      expect(lastBody()).toMatchObject({
        ci: { provider: 'local', sha, branch: 'trunk/next' },
        branch: 'trunk/next',
        tag: sha
      })
    })

    it('a detached HEAD has a commit but no branch', async () => {
      git('checkout', '--quiet', '--detach')
      try {
        const result = await runCli({ env: harnessEnv(emulator), cwd: repo, emulator })
        expect(result.exitCode).toBe(0)
        expect(lastBody().ci).toEqual({ provider: 'local', sha })
        expect(lastBody()).not.toHaveProperty('branch')
      } finally {
        git('checkout', '--quiet', 'trunk/next')
      }
    })
  })

  it('outside any CI and any checkout: provider local, no commit, no tag', async () => {
    const result = await runCli({ env: harnessEnv(emulator), emulator })
    expect(result.exitCode).toBe(0)
    expect(lastBody().ci).toEqual({ provider: 'local' })
    expect(lastBody()).not.toHaveProperty('tag')
    expect(result.stderr).toContain('No image found')
  })

  it('--ci-context=false sends neither ci nor branch; the tag is still the commit', async () => {
    const result = await runCli({
      args: ['--ci-context=false', '--image', 'ghcr.io/acme/api'],
      env: { ...harnessEnv(emulator), ...CI_RUNS[0].env },
      emulator
    })
    expect(result.exitCode).toBe(0)
    expect(lastBody()).toEqual({ image: 'ghcr.io/acme/api', tag: SHA })
  })
})

describe('stdout and the output file', () => {
  it('--format dotenv prints name=value lines that the shell reads back exactly', async () => {
    const result = await runCli({
      args: ['--format', 'dotenv', '--output-file', 'harness.env'],
      env: harnessEnv(emulator),
      outputFile: 'harness.env',
      emulator
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(
      /^eventCorrelationId=\w+\nuiUrl='http.*'\napiUrl=\S+\nuiSetupUrl=\S+\n$/
    )
    expect(result.outputFile).toBe(result.stdout)
    const dir = mkdtempSync(join(tmpdir(), 'harness-cli-source-'))
    let sourced: string
    try {
      writeFileSync(join(dir, 'harness.env'), result.outputFile ?? '')
      sourced = execFileSync(
        'sh',
        ['-c', 'set -a; . ./harness.env; printf "%s\\n%s" "$eventCorrelationId" "$uiUrl"'],
        { cwd: dir, encoding: 'utf8' }
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    expect(sourced.split('\n')).toEqual([
      emulator.events[0].id,
      expect.stringMatching(/deployments\?pipelineIdentifier=deploy_api&page=0$/)
    ])
  })

  it('--wait adds the execution outputs, each with its final value, in both places', async () => {
    const result = await runCli({
      args: ['--wait', '--poll-interval=1s', '--timeout=30s'],
      env: { ...harnessEnv(emulator), HARNESS_OUTPUT_FILE: 'out.env' },
      outputFile: 'out.env',
      emulator
    })
    expect(result.exitCode).toBe(0)
    const outputs = json(result.stdout)
    expect(outputs).toMatchObject({
      webhookStatus: 'TARGET_EXECUTION_REQUESTED',
      executionId: emulator.executions[0].planExecutionId,
      status: 'Success'
    })
    expect(outputs.executionUrl).toContain(emulator.executions[0].planExecutionId)
    expect(result.outputFile).toContain('status=Success\n')
    expect(result.outputFile?.split('\n').filter(Boolean)).toHaveLength(8)
  })
})

describe('exit codes', () => {
  it('2: an input error names the option and its variable, and sends nothing', async () => {
    const env = harnessEnv(emulator)
    delete (env as Record<string, string | undefined>).HARNESS_PROJECT_ID
    const result = await runCli({ env, emulator })
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain('--project-id (HARNESS_PROJECT_ID): required')
    expect(emulator.requests).toHaveLength(0)
    expect(json(result.stdout)).toEqual({})
  })

  it('2: an unknown option, named; a bad boolean in a variable, named', async () => {
    const unknown = await runCli({ args: ['--projcet-id', 'x'], env: harnessEnv(emulator) })
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toContain('unknown option --projcet-id')
    const bad = await runCli({ env: { ...harnessEnv(emulator), HARNESS_WAIT: 'yes' }, emulator })
    expect(bad.exitCode).toBe(2)
    expect(bad.stderr).toContain('--wait (HARNESS_WAIT): expected true or false')
    expect(emulator.requests).toHaveLength(0)
  })

  it('1: Harness refused the trigger (its message, the secret it echoed removed)', async () => {
    emulator.fault('webhook', [
      {
        status: 400,
        body: harnessErrorBody('INVALID_REQUEST', `Trigger token ${WEBHOOK_TOKEN} is not valid`)
      }
    ])
    const result = await runCli({ env: harnessEnv(emulator), emulator })
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(/^error: .*is not valid/m)
    expect(result.stderr).toContain('***')
    expect(json(result.stdout)).toEqual({})
  })

  it('1: the execution failed; the outputs known are still printed', async () => {
    emulator.reset({ execution: { statuses: ['Running', 'Failed'], failureMessage: 'boom' } })
    const result = await runCli({
      args: ['--wait', '--poll-interval', '1s'],
      env: harnessEnv(emulator),
      emulator
    })
    expect(result.exitCode).toBe(1)
    expect(json(result.stdout)).toMatchObject({
      eventCorrelationId: emulator.events[0].id,
      executionId: emulator.executions[0].planExecutionId,
      status: 'Failed'
    })
  })

  it('1: the trigger event never started an execution', async () => {
    emulator.reset({ event: { outcome: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS' } })
    const result = await runCli({
      args: ['--wait', '--poll-interval', '1s'],
      env: harnessEnv(emulator),
      emulator
    })
    expect(result.exitCode).toBe(1)
    expect(json(result.stdout)).toMatchObject({
      webhookStatus: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS'
    })
  })

  it('3: the wait timed out (and with --abort-on-timeout the execution is aborted)', async () => {
    emulator.reset({ execution: { statuses: ['Running'] } })
    const plain = await runCli({
      args: ['--wait', '--timeout=2s', '--poll-interval=500ms'],
      env: harnessEnv(emulator),
      emulator
    })
    expect(plain.exitCode).toBe(3)
    expect(json(plain.stdout)).toMatchObject({ status: 'Running' })
    expect(emulator.requestsTo('abort')).toHaveLength(0)

    const aborting = await runCli({
      args: ['--wait', '--timeout=2s', '--poll-interval=500ms', '--abort-on-timeout'],
      env: harnessEnv(emulator),
      emulator
    })
    expect(aborting.exitCode).toBe(3)
    expect(emulator.executions[1].interrupts).toHaveLength(1)
    expect(aborting.stderr).toContain('Harness accepted it')
  })

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const)('%s while waiting: the execution is aborted at once, exit %d', async (name, code) => {
    emulator.reset({ execution: { statuses: ['Running'] } })
    const result = await runCli({
      args: ['--wait', '--poll-interval=5s'],
      env: harnessEnv(emulator),
      emulator,
      signal: { name, whenRequest: 'execution', afterMs: 200 }
    })
    expect(result.exitCode).toBe(code)
    const [execution] = emulator.executions
    expect(execution.interrupts).toHaveLength(1)
    const abort = emulator.requestsTo('abort')[0]
    expect(abort.time - result.signalsSent[0].at).toBeLessThan(1000)
    expect(json(result.stdout)).toMatchObject({
      executionId: execution.planExecutionId,
      status: 'Running'
    })
  })

  it('SIGINT during a hung status read: abandoned at once, aborted, exit 130', async () => {
    emulator.reset({ execution: { statuses: ['Running'] } })
    emulator.fault('execution', [{ delayMs: 0 }, { hang: true }])
    const result = await runCli({
      args: ['--wait', '--poll-interval=500ms'],
      env: { ...harnessEnv(emulator), HARNESS_TRIGGER_REQUEST_TIMEOUT: '60s' },
      emulator,
      signal: {
        name: 'SIGINT',
        afterMs: 300,
        whenRequest: () => emulator.requestsTo('execution').length >= 2
      }
    })
    expect(result.exitCode).toBe(130)
    expect(emulator.executions[0].interrupts).toHaveLength(1)
    expect(result.durationMs).toBeLessThan(10000)
  })

  it('--no-abort-on-cancel: SIGINT ends the wait and leaves the execution running', async () => {
    emulator.reset({ execution: { statuses: ['Running'] } })
    const result = await runCli({
      args: ['--wait', '--poll-interval=5s', '--no-abort-on-cancel'],
      env: harnessEnv(emulator),
      emulator,
      signal: { name: 'SIGINT', whenRequest: 'execution', afterMs: 200 }
    })
    expect(result.exitCode).toBe(130)
    expect(emulator.requestsTo('abort')).toHaveLength(0)
  })

  it('SIGINT during the POST retry backoff: no trigger is sent again, nothing deployed', async () => {
    emulator.fault('webhook', [{ status: 429, body: 'slow down' }])
    const result = await runCli({
      env: harnessEnv(emulator),
      emulator,
      signal: { name: 'SIGINT', whenRequest: 'webhook', afterMs: 100 }
    })
    expect(result.exitCode).toBe(130)
    expect(emulator.requestsTo('webhook')).toHaveLength(1)
    expect(emulator.events).toHaveLength(0)
    expect(result.stderr).toContain('Harness did not take the trigger, and it was not sent again')
    expect(result.durationMs).toBeLessThan(5000)
  })
})

describe('secrets', () => {
  it('given as options they work, a warning says so, and no stream shows them', async () => {
    const env = harnessEnv(emulator)
    const rest: Record<string, string | undefined> = { ...env }
    delete rest.HARNESS_API_KEY
    delete rest.HARNESS_WEBHOOK_TOKEN
    const result = await runCli({
      args: [
        `--api-key=${API_KEY}`,
        '--webhook-token',
        WEBHOOK_TOKEN,
        '--wait',
        '--poll-interval=1s'
      ],
      env: rest,
      emulator
    })
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toContain('--api-key was given on the command line')
    expect(result.stderr).toContain('HARNESS_WEBHOOK_TOKEN instead')
  })

  it('a copied webhook URL works from HARNESS_WEBHOOK_URL; its token shows nowhere', async () => {
    emulator.fault('webhook', [
      {
        status: 500,
        body: harnessErrorBody('UNKNOWN_ERROR', `failed for ${v3WebhookUrl(emulator)}`)
      }
    ])
    const result = await runCli({
      args: ['--format=dotenv'],
      env: { HARNESS_WEBHOOK_URL: v3WebhookUrl(emulator) },
      emulator
    })
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toContain('failed for')
  })
})

describe('the file itself', () => {
  let dir: string
  beforeAll(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'harness-cli-bin-')))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('runs as the bin npm links (a symlink, through its #! line)', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      bin: Record<string, string>
      version: string
    }
    expect(manifest.bin).toEqual({ 'harness-trigger': 'dist/cli.js' })
    expect(readFileSync(CLI_ENTRY, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    const bin = join(dir, 'harness-trigger')
    symlinkSync(CLI_ENTRY, bin)
    const out = execFileSync(bin, ['--version'], {
      encoding: 'utf8',
      env: { PATH: `${dirname(process.execPath)}:${process.env.PATH}` }
    })
    expect(out).toBe(`${manifest.version}\n`)
  })

  it('runs alone, fetched as harness-trigger.mjs (no chunk, no package.json beside it)', async () => {
    const copy = join(dir, 'harness-trigger.mjs')
    copyFileSync(CLI_ENTRY, copy)
    chmodSync(copy, 0o644)
    // Asynchronous: the emulator answers from this process.
    const { stdout } = await promisify(execFile)(process.execPath, [copy], {
      cwd: dir,
      env: { PATH: process.env.PATH, ...harnessEnv(emulator) }
    })
    expect(json(stdout).eventCorrelationId).toBe(emulator.events[0].id)
  })
})
