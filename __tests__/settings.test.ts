import { describe, expect, it } from '@jest/globals'
import { readInputs } from '../src/action/inputs.js'
import { Redactor } from '../src/core/redactor.js'
import { SettingError } from '../src/harness/setting-error.js'

const ACCOUNT = 'Ab1-x_Z9'
const API_KEY = `pat.${ACCOUNT}.0123456789abcdef01234567.s3cr3tS3cr3tS3cr3tXy`
const TOKEN = 'tOk3n-With_Dash1234567'

interface Fixture {
  inputs?: Record<string, string>
  env?: Record<string, string>
  event?: Record<string, unknown>
}

function settingsFor({ inputs = {}, env = {}, event }: Fixture) {
  const masked: string[] = []
  const redactor = new Redactor(secret => masked.push(secret))
  const read = () =>
    readInputs({
      getInput: name => inputs[name] ?? '',
      env: { GITHUB_SHA: 'a'.repeat(40), GITHUB_REPOSITORY: 'acme/api', ...env },
      readEventPayload: () => event,
      redactor
    })
  return { read, masked, redactor }
}

const identifiers = {
  'account-id': ACCOUNT,
  'project-id': 'Shop',
  'pipeline-id': 'deploy_api',
  'trigger-id': 'on_build'
}

function settingErrorOf(fn: () => unknown): SettingError {
  try {
    fn()
  } catch (error) {
    if (error instanceof SettingError) return error
    throw error
  }
  throw new Error('expected a SettingError, got none')
}

describe('readSettings: the target', () => {
  it('builds the v2 URL from identifiers, org defaulting to "default"', () => {
    const settings = settingsFor({ inputs: identifiers }).read()
    const url = new URL(settings.webhookUrl)
    expect(settings.webhookVersion).toBe('v2')
    expect(url.origin).toBe('https://app.harness.io')
    expect(url.pathname).toBe('/gateway/pipeline/api/webhook/custom/v2')
    expect([...url.searchParams.keys()]).toEqual([
      'accountIdentifier',
      'orgIdentifier',
      'projectIdentifier',
      'pipelineIdentifier',
      'triggerIdentifier'
    ])
    expect(url.searchParams.get('orgIdentifier')).toBe('default')
    expect(settings.ids).toEqual({
      accountId: ACCOUNT,
      orgId: 'default',
      projectId: 'Shop',
      pipelineId: 'deploy_api',
      triggerId: 'on_build'
    })
  })

  it('builds the v3 URL when a webhook token is given, and masks the token', () => {
    const { read, masked } = settingsFor({
      inputs: { ...identifiers, 'webhook-token': TOKEN, 'harness-url': 'https://app3.harness.io/' }
    })
    const settings = read()
    expect(settings.webhookVersion).toBe('v3')
    expect(new URL(settings.webhookUrl).pathname).toBe(
      `/gateway/pipeline/api/webhook/custom/${TOKEN}/v3`
    )
    expect(masked).toContain(TOKEN)
  })

  it('takes everything from a copied v3 webhook URL and masks it whole', () => {
    const copied = `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=${ACCOUNT}&orgIdentifier=default&projectIdentifier=Shop&pipelineIdentifier=deploy_api&triggerIdentifier=on_build`
    const { read, masked } = settingsFor({ inputs: { 'webhook-url': copied } })
    const settings = read()
    expect(settings.webhookVersion).toBe('v3')
    expect(settings.ids.pipelineId).toBe('deploy_api')
    expect(masked).toContain(copied)
    expect(masked).toContain(TOKEN)
  })

  it('fills pipeline and trigger missing from a copied URL from the inputs', () => {
    const copied = `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=${ACCOUNT}&orgIdentifier=default&projectIdentifier=Shop`
    const settings = settingsFor({
      inputs: { 'webhook-url': copied, 'pipeline-id': 'p1', 'trigger-id': 't1' }
    }).read()
    const url = new URL(settings.webhookUrl)
    expect(url.searchParams.get('pipelineIdentifier')).toBe('p1')
    expect(url.searchParams.get('triggerIdentifier')).toBe('t1')
  })

  it('refuses a copied URL without a trigger identifier when trigger-id is not set', () => {
    const copied = `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=${ACCOUNT}&orgIdentifier=default&projectIdentifier=Shop&pipelineIdentifier=p1`
    const error = settingErrorOf(() => settingsFor({ inputs: { 'webhook-url': copied } }).read())
    expect(error.setting).toBe('trigger-id')
    expect(error.message).toMatch(/every custom trigger/)
  })

  it('refuses identifier inputs that contradict the copied URL', () => {
    const copied = `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=${ACCOUNT}&orgIdentifier=default&projectIdentifier=Shop&pipelineIdentifier=p1&triggerIdentifier=t1`
    const error = settingErrorOf(() =>
      settingsFor({ inputs: { 'webhook-url': copied, 'pipeline-id': 'p2' } }).read()
    )
    expect(error.setting).toBe('pipeline-id')
  })

  it('names the first missing identifier', () => {
    const error = settingErrorOf(() =>
      settingsFor({ inputs: { ...identifiers, 'project-id': '' } }).read()
    )
    expect(error.setting).toBe('project-id')
  })

  it('masks the webhook URL before it is rejected, and never repeats it', () => {
    const firstGen = `https://app.harness.io/gateway/api/webhooks/${TOKEN}?accountId=${ACCOUNT}`
    const { read, masked } = settingsFor({ inputs: { 'webhook-url': firstGen } })
    const error = settingErrorOf(read)
    expect(error.setting).toBe('webhook-url')
    expect(masked).toContain(firstGen)
    expect(error.message).not.toContain(TOKEN)
  })
})

describe('readSettings: keys and switches', () => {
  it('requires api-key with wait', () => {
    const error = settingErrorOf(() =>
      settingsFor({ inputs: { ...identifiers, wait: 'true' } }).read()
    )
    expect(error.setting).toBe('api-key')
  })

  it('rejects a key that is not shaped like a Harness token, without repeating it', () => {
    const error = settingErrorOf(() =>
      settingsFor({ inputs: { ...identifiers, 'api-key': 'hunter2-not-a-key' } }).read()
    )
    expect(error.setting).toBe('api-key')
    expect(error.message).not.toContain('hunter2')
  })

  it('rejects a key of another account', () => {
    const other = 'sat.OtherAcc.0123456789abcdef01234567.s3cr3tS3cr3tS3cr3tXy'
    const error = settingErrorOf(() =>
      settingsFor({ inputs: { ...identifiers, 'api-key': other } }).read()
    )
    expect(error.setting).toBe('api-key')
    expect(error.message).not.toContain('s3cr3t')
  })

  it('masks the API key and the GitHub token', () => {
    const { read, masked } = settingsFor({
      inputs: { ...identifiers, 'api-key': API_KEY, 'github-token': 'ghs_abcdefghijklmnop' }
    })
    expect(read().apiKey).toBe(API_KEY)
    expect(masked).toEqual(expect.arrayContaining([API_KEY, 'ghs_abcdefghijklmnop']))
  })

  it('reads booleans the YAML way and names a bad one', () => {
    const ok = settingsFor({
      inputs: { ...identifiers, 'api-key': API_KEY, wait: 'True', summary: 'FALSE' }
    }).read()
    expect(ok.wait).toBe(true)
    expect(ok.summary).toBe(false)
    const error = settingErrorOf(() =>
      settingsFor({ inputs: { ...identifiers, 'abort-on-cancel': 'yes' } }).read()
    )
    expect(error.setting).toBe('abort-on-cancel')
  })

  it('parses timeout and poll-interval, and refuses an interval longer than the timeout', () => {
    const ok = settingsFor({
      inputs: {
        ...identifiers,
        'api-key': API_KEY,
        wait: 'true',
        timeout: '15m',
        'poll-interval': '5s'
      }
    }).read()
    expect(ok.timeoutMs).toBe(15 * 60_000)
    expect(ok.pollIntervalMs).toBe(5000)
    const error = settingErrorOf(() =>
      settingsFor({
        inputs: {
          ...identifiers,
          'api-key': API_KEY,
          wait: 'true',
          timeout: '10s',
          'poll-interval': '1m'
        }
      }).read()
    )
    expect(error.setting).toBe('poll-interval')
  })
})

describe('readSettings: the body', () => {
  it('layers github context, derived image, payload and inputs', () => {
    const settings = settingsFor({
      inputs: {
        ...identifiers,
        'build-outputs': JSON.stringify({ image: 'ghcr.io/acme/api', tag: '1.0.0' }),
        payload: JSON.stringify({ env: 'prod', tag: 'from-payload' })
      },
      env: { GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch', GITHUB_REF: 'refs/heads/main' }
    }).read()
    expect(settings.body).toMatchObject({
      image: 'ghcr.io/acme/api',
      tag: 'from-payload',
      env: 'prod',
      github: { repository: 'acme/api', branch: 'main' }
    })
  })

  it('lets the image input win over build outputs and falls back to the commit SHA for the tag', () => {
    const settings = settingsFor({
      inputs: {
        ...identifiers,
        image: 'ghcr.io/acme/web',
        'build-outputs': JSON.stringify({ image: 'ghcr.io/acme/api' })
      }
    }).read()
    expect(settings.body.image).toBe('ghcr.io/acme/web')
    expect(settings.body.tag).toBe('a'.repeat(40))
  })

  it('refuses an image input that contradicts the payload', () => {
    const error = settingErrorOf(() =>
      settingsFor({
        inputs: { ...identifiers, image: 'nginx', payload: '{"image":"httpd"}' }
      }).read()
    )
    expect(error.message).toMatch(/image/)
  })

  it('names payload and build-outputs when they are not JSON objects', () => {
    expect(
      settingErrorOf(() => settingsFor({ inputs: { ...identifiers, payload: '{nope' } }).read())
        .setting
    ).toBe('payload')
    expect(
      settingErrorOf(() =>
        settingsFor({ inputs: { ...identifiers, 'build-outputs': '[1,2]' } }).read()
      ).setting
    ).toBe('build-outputs')
  })

  it('leaves the github object out when github-context is false', () => {
    const settings = settingsFor({ inputs: { ...identifiers, 'github-context': 'false' } }).read()
    expect(settings.body).not.toHaveProperty('github')
  })

  it('refuses a body Harness would throttle', () => {
    const big = JSON.stringify({ blob: 'x'.repeat(600_000) })
    const error = settingErrorOf(() =>
      settingsFor({ inputs: { ...identifiers, payload: big } }).read()
    )
    expect(error.setting).toBe('payload')
  })
})
