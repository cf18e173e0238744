import { describe, it, expect } from '@jest/globals'
import { settingErrorOf } from './support/setting-error-of.js'
import { buildBody, parseJsonObjectInput } from '../src/core/body.js'
import { githubContextFromEnv } from '../src/action/github-context.js'

const PUSH_ENV = {
  GITHUB_REPOSITORY: 'acme/api',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REF_NAME: 'main',
  GITHUB_REF_TYPE: 'branch',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_WORKFLOW: 'deploy',
  GITHUB_JOB: 'trigger',
  GITHUB_ACTOR: 'octocat',
  GITHUB_EVENT_NAME: 'push'
}

describe('githubContextFromEnv', () => {
  it('reads a branch push', () => {
    expect(githubContextFromEnv(PUSH_ENV)).toEqual({
      repository: 'acme/api',
      ref: 'refs/heads/main',
      branch: 'main',
      sha: '0123456789abcdef0123456789abcdef01234567',
      runId: '42',
      runAttempt: '2',
      runUrl: 'https://github.com/acme/api/actions/runs/42',
      workflow: 'deploy',
      job: 'trigger',
      actor: 'octocat',
      event: 'push'
    })
  })

  it('takes the head branch and PR number on a pull request', () => {
    const env = {
      ...PUSH_ENV,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_REF_NAME: '7/merge',
      GITHUB_REF_TYPE: 'branch',
      GITHUB_HEAD_REF: 'feature/x'
    }
    const context = githubContextFromEnv(env, { number: 7, pull_request: { number: 7 } })
    expect(context.branch).toBe('feature/x')
    expect(context.prNumber).toBe(7)
  })

  it('reads the PR number from pull_request.number, else from number', () => {
    const env = { ...PUSH_ENV, GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_HEAD_REF: 'f' }
    expect(githubContextFromEnv(env, { pull_request: { number: 12 } }).prNumber).toBe(12)
    expect(githubContextFromEnv(env, { number: 13 }).prNumber).toBe(13)
  })

  it("falls back to the payload's head ref on review events, where GITHUB_HEAD_REF is empty", () => {
    const env = { ...PUSH_ENV, GITHUB_EVENT_NAME: 'pull_request_review', GITHUB_HEAD_REF: '' }
    const payload = { pull_request: { number: 3, head: { ref: 'fix/y' } } }
    expect(githubContextFromEnv(env, payload)).toMatchObject({ branch: 'fix/y', prNumber: 3 })
  })

  it('has no PR number outside pull request events', () => {
    expect(
      githubContextFromEnv(PUSH_ENV, { number: 7, pull_request: { number: 7 } })
    ).not.toHaveProperty('prNumber')
  })

  it('has no branch on a tag push', () => {
    const env = {
      ...PUSH_ENV,
      GITHUB_REF: 'refs/tags/v1',
      GITHUB_REF_NAME: 'v1',
      GITHUB_REF_TYPE: 'tag'
    }
    expect(githubContextFromEnv(env)).not.toHaveProperty('branch')
  })

  it('takes the branch from GITHUB_REF when the ref type is missing', () => {
    const env = {
      ...PUSH_ENV,
      GITHUB_REF_TYPE: undefined,
      GITHUB_REF_NAME: undefined,
      GITHUB_REF: 'refs/heads/release/1'
    }
    expect(githubContextFromEnv(env).branch).toBe('release/1')
  })

  it('leaves out absent and empty values, and the run URL when a part is missing', () => {
    const context = githubContextFromEnv({
      GITHUB_REPOSITORY: 'acme/api',
      GITHUB_ACTOR: '',
      GITHUB_RUN_ID: '5'
    })
    expect(context).toEqual({ repository: 'acme/api', runId: '5' })
    expect(Object.values(context)).not.toContain(undefined)
  })

  it('ignores a PR number that is not a positive whole number', () => {
    const env = { ...PUSH_ENV, GITHUB_EVENT_NAME: 'pull_request', GITHUB_HEAD_REF: 'f' }
    expect(githubContextFromEnv(env, { number: '7' })).not.toHaveProperty('prNumber')
  })
})

describe('parseJsonObjectInput', () => {
  it('parses an object', () => {
    expect(parseJsonObjectInput('payload', ' {"env":"prod","n":[1,2]} ')).toEqual({
      env: 'prod',
      n: [1, 2]
    })
  })

  it.each([
    ['an array', '[1,2]', 'got an array'],
    ['null', 'null', 'got null'],
    ['a string', '"prod"', 'got a string'],
    ['a number', '42', 'got a number'],
    ['an empty value', '  ', 'got an empty value']
  ])('refuses %s', (_, raw, says) => {
    const error = settingErrorOf(() => parseJsonObjectInput('payload', raw))
    expect(error.setting).toBe('payload')
    expect(error.problem).toContain('expected a JSON object')
    expect(error.message).toContain(says)
  })

  it("gives the parser's short reason, without a stack or the input text", () => {
    const raw = '{"secretish": "do-not-echo-me", "broken": }'
    const error = settingErrorOf(() => parseJsonObjectInput('payload', raw))
    expect(error.problem).toMatch(/^expected a JSON object, but it is not valid JSON: \S/)
    expect(error.message).toContain("Unexpected token '}'")
    expect(error.message).not.toContain('do-not-echo-me')
    expect(error.message).not.toContain('\n')
    expect(error.message).not.toMatch(/\bat \S+:\d+/)
  })

  it('says where the JSON ends too early', () => {
    const error = settingErrorOf(() => parseJsonObjectInput('build-outputs', '{"a":1'))
    expect(error.setting).toBe('build-outputs')
    expect(error.message).toContain('position 6')
  })

  it('keeps a __proto__ key as data', () => {
    const parsed = parseJsonObjectInput('payload', '{"__proto__":{"x":1}}')
    expect(Object.keys(parsed)).toEqual(['__proto__'])
  })
})

describe('buildBody', () => {
  const github = { repository: 'acme/api', sha: 'abc', prNumber: undefined }

  it('layers github, derived, payload and inputs, each over the one before', () => {
    const body = buildBody({
      context: { key: 'github', value: github },
      derived: { image: 'derived/image', tag: 'derived-tag', digest: undefined },
      payload: { tag: 'payload-tag', env: 'prod', github: { custom: true } },
      inputs: { image: 'input/image' }
    })
    expect(body).toEqual({
      github: { custom: true },
      image: 'input/image',
      tag: 'payload-tag',
      env: 'prod'
    })
  })

  it('adds the github context without undefined keys', () => {
    const body = buildBody({ context: { key: 'github', value: github }, derived: {}, inputs: {} })
    expect(body).toEqual({ github: { repository: 'acme/api', sha: 'abc' } })
    expect(JSON.stringify(body)).toBe('{"github":{"repository":"acme/api","sha":"abc"}}')
  })

  it("sends the context's branch as the top-level branch, which a payload branch overrides", () => {
    const context = { key: 'github', value: { branch: 'main' }, branch: 'main' }
    expect(buildBody({ context, derived: {}, inputs: {} })).toEqual({
      github: { branch: 'main' },
      branch: 'main'
    })
    const fromPayload = buildBody({ context, derived: {}, payload: { branch: 'rel' }, inputs: {} })
    expect(fromPayload.branch).toBe('rel')
    expect(buildBody({ context: { key: 'ci', value: {} }, derived: {}, inputs: {} })).toEqual({
      ci: {}
    })
  })

  it('has no github key when the context is off, and no image key when none was found', () => {
    expect(buildBody({ derived: { tag: 't' }, inputs: {} })).toEqual({ tag: 't' })
  })

  it('carries the digest from derived values and from inputs', () => {
    const digest = `sha256:${'a'.repeat(64)}`
    expect(buildBody({ derived: { digest }, inputs: {} })).toEqual({ digest })
    expect(buildBody({ derived: { digest: 'old' }, inputs: { digest } }).digest).toBe(digest)
  })

  it('accepts an input that says the same as the payload', () => {
    expect(buildBody({ derived: {}, payload: { tag: '1.0' }, inputs: { tag: '1.0' } })).toEqual({
      tag: '1.0'
    })
  })

  it.each([
    ['image', { image: 'ghcr.io/a/b' }, { image: 'ghcr.io/x/y' }, 'image'],
    ['tag', { tag: '1.0' }, { tag: '2.0' }, 'tag'],
    ['tag against a number', { tag: '1' }, { tag: 1 }, 'tag'],
    ['digest', { digest: 'sha256:a' }, { digest: 'sha256:b' }, 'image']
  ])('refuses an input %s that disagrees with the payload', (_, inputs, payload, input) => {
    const error = settingErrorOf(() => buildBody({ derived: {}, payload, inputs }))
    expect(error.setting).toBe(input)
    expect(error.message).toContain('set it in one place only')
  })

  it('lets the payload override derived values without complaint', () => {
    expect(
      buildBody({ derived: { image: 'a', tag: 'b' }, payload: { image: 'c' }, inputs: {} })
    ).toEqual({
      image: 'c',
      tag: 'b'
    })
  })

  it('keeps a payload key named __proto__ as a key of the body', () => {
    const payload = parseJsonObjectInput('payload', '{"__proto__":{"polluted":true},"a":1}')
    const body = buildBody({ derived: {}, payload, inputs: {} })
    expect(JSON.parse(JSON.stringify(body))).toEqual(
      JSON.parse('{"__proto__":{"polluted":true},"a":1}')
    )
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype)
  })
})
