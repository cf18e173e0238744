import { describe, it, expect } from '@jest/globals'
import { SettingError } from '../src/harness/setting-error.js'
import { settingErrorOf } from './support/setting-error-of.js'
import {
  abortUrl,
  buildWebhookUrl,
  eventDetailsUrl,
  eventHistoryUrl,
  executionApiUrl,
  executionPageUrl,
  isLoopbackHost,
  isSameOrigin,
  normalizeHarnessUrl,
  parseWebhookUrl,
  type HarnessEndpoint,
  type TriggerIds
} from '../src/harness/urls.js'

const SAAS: HarnessEndpoint = {
  origin: 'https://app.harness.io',
  gateway: 'https://app.harness.io/gateway',
  ui: 'https://app.harness.io/ng/#'
}
const IDS: TriggerIds = {
  accountId: 'px7xd_BFRCi-pfWPYXVjvw',
  orgId: 'default',
  projectId: 'CD_Docs',
  pipelineId: 'Triggers',
  triggerId: 'Custom'
}
const TOKEN = 'Ab-9_zz-Qw_e1R2t3Y4u5I'
const QUERY =
  'accountIdentifier=px7xd_BFRCi-pfWPYXVjvw&orgIdentifier=default&projectIdentifier=CD_Docs&pipelineIdentifier=Triggers&triggerIdentifier=Custom'

describe('isLoopbackHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    '127.0.0.1',
    '127.255.3.4',
    '::1',
    '[::1]',
    '::ffff:127.0.0.1'
  ])('treats %s as loopback', host => {
    expect(isLoopbackHost(host)).toBe(true)
  })

  it.each([
    'app.harness.io',
    '128.0.0.1',
    '10.0.0.1',
    '::2',
    'localhost.example.com',
    '127.0.0.1.nip.io',
    ''
  ])('treats %j as not loopback', host => {
    expect(isLoopbackHost(host)).toBe(false)
  })
})

describe('normalizeHarnessUrl', () => {
  it.each([
    'https://app.harness.io',
    'https://app.harness.io/',
    'https://app.harness.io///',
    'https://app.harness.io/gateway',
    'https://app.harness.io/gateway/',
    'https://APP.Harness.IO/Gateway',
    '  https://app.harness.io:443/  '
  ])('reads %j as the SaaS endpoint', raw => {
    expect(normalizeHarnessUrl(raw)).toEqual(SAAS)
  })

  it('keeps a path prefix such as /gratis, with or without /gateway', () => {
    const expected = {
      origin: 'https://app.harness.io',
      gateway: 'https://app.harness.io/gratis/gateway',
      ui: 'https://app.harness.io/gratis/ng/#'
    }
    expect(normalizeHarnessUrl('https://app.harness.io/gratis')).toEqual(expected)
    expect(normalizeHarnessUrl('https://app.harness.io/gratis/gateway/')).toEqual(expected)
  })

  it('keeps a non-default port', () => {
    expect(normalizeHarnessUrl('https://harness.example.com:8443').gateway).toBe(
      'https://harness.example.com:8443/gateway'
    )
  })

  it.each(['http://localhost:8080', 'http://127.0.0.1:3000/gateway', 'http://[::1]:9000'])(
    'allows plain HTTP to loopback: %s',
    raw => {
      expect(normalizeHarnessUrl(raw).origin).toBe(raw.replace(/\/gateway$/, ''))
    }
  )

  it('refuses plain HTTP to a public host and says why', () => {
    const error = settingErrorOf(() => normalizeHarnessUrl('http://app.harness.io'))
    expect(error.setting).toBe('harness-url')
    expect(error.message).toContain('HTTPS is required')
  })

  it.each([
    ['another scheme', 'ftp://app.harness.io', 'https://'],
    ['no scheme', 'app.harness.io', 'not an absolute URL'],
    ['credentials', 'https://user:pw@app.harness.io', 'credentials'],
    ['a query', 'https://app.harness.io/?x=1', 'query'],
    ['an empty query', 'https://app.harness.io/?', 'query'],
    ['a fragment', 'https://app.harness.io/#top', 'fragment'],
    ['a UI link', 'https://app.harness.io/ng/account/abc', 'UI or API link'],
    ['an API link', 'https://app.harness.io/gateway/pipeline/api', 'UI or API link'],
    ['an empty value', ' ', 'empty']
  ])('rejects %s', (_, raw, says) => {
    const error = settingErrorOf(() => normalizeHarnessUrl(raw))
    expect(error.message).toContain(says)
    expect(error.message).toContain('https://app.harness.io')
  })

  it('never repeats credentials it refuses', () => {
    const error = settingErrorOf(() =>
      normalizeHarnessUrl('https://me:hunter22@harness.example.com')
    )
    expect(error.message).not.toContain('hunter22')
  })

  it('names the input it was given', () => {
    expect(settingErrorOf(() => normalizeHarnessUrl('ftp://x', 'other-url')).setting).toBe(
      'other-url'
    )
  })
})

describe('parseWebhookUrl', () => {
  it('reads a v2 URL', () => {
    expect(
      parseWebhookUrl(`https://app.harness.io/gateway/pipeline/api/webhook/custom/v2?${QUERY}`)
    ).toEqual({
      endpoint: SAAS,
      version: 'v2',
      ...IDS
    })
  })

  it('reads a v3 URL and its token, with - and _', () => {
    const parsed = parseWebhookUrl(
      `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?${QUERY}`
    )
    expect(parsed).toEqual({ endpoint: SAAS, version: 'v3', webhookToken: TOKEN, ...IDS })
  })

  it('accepts an accountIdentifier with -', () => {
    const parsed = parseWebhookUrl(
      'https://app.harness.io/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=a-b-c'
    )
    expect(parsed.accountId).toBe('a-b-c')
  })

  it('leaves out identifiers the URL does not have, and treats empty ones as absent', () => {
    const parsed = parseWebhookUrl(
      'https://app.harness.io/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=ACC&orgIdentifier=default&projectIdentifier=P&pipelineIdentifier='
    )
    expect(parsed).toEqual({
      endpoint: SAAS,
      version: 'v2',
      accountId: 'ACC',
      orgId: 'default',
      projectId: 'P'
    })
  })

  it('keeps a path prefix and a loopback HTTP origin', () => {
    const parsed = parseWebhookUrl(
      `http://127.0.0.1:4010/gratis/gateway/pipeline/api/webhook/custom/v2?${QUERY}`
    )
    expect(parsed.endpoint).toEqual({
      origin: 'http://127.0.0.1:4010',
      gateway: 'http://127.0.0.1:4010/gratis/gateway',
      ui: 'http://127.0.0.1:4010/gratis/ng/#'
    })
  })

  it('tolerates a URL without /gateway and sends to /gateway anyway', () => {
    const parsed = parseWebhookUrl(`https://app.harness.io/pipeline/api/webhook/custom/v2?${QUERY}`)
    expect(parsed.endpoint).toEqual(SAAS)
  })

  it('decodes encoded identifiers, such as $ in a pipeline id', () => {
    const parsed = parseWebhookUrl(
      'https://app.harness.io/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=ACC&pipelineIdentifier=pipe%241'
    )
    expect(parsed.pipelineId).toBe('pipe$1')
  })

  const secretUrls: Array<[string, string, string]> = [
    [
      'a FirstGen URL',
      `https://app.harness.io/gateway/api/webhooks/${TOKEN}?accountId=ACC`,
      'FirstGen'
    ],
    ['the v1 form', `https://app.harness.io/gateway/pipeline/api/webhook/custom?${QUERY}`, 'v1'],
    [
      'a #fragment',
      `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?${QUERY}#x`,
      'fragment'
    ],
    [
      'HTTP to a public host',
      `http://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?${QUERY}`,
      'HTTPS'
    ],
    [
      'an unknown version',
      `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v4?${QUERY}`,
      '/custom/v2'
    ],
    [
      'a token in a v2 URL',
      `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v2?${QUERY}`,
      '/custom/v2'
    ],
    [
      'a malformed token',
      `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}%2B/v3?${QUERY}`,
      'token is malformed'
    ],
    [
      'another API path',
      `https://app.harness.io/gateway/pipeline/api/pipelines/${TOKEN}?${QUERY}`,
      'not that of a custom webhook'
    ],
    [
      'no accountIdentifier',
      `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?orgIdentifier=default`,
      'no accountIdentifier'
    ],
    [
      'a bad accountIdentifier',
      `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=a%20b`,
      'accountIdentifier is not'
    ],
    [
      'a bad pipelineIdentifier',
      `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=A&pipelineIdentifier=my-pipe`,
      'pipelineIdentifier is not'
    ],
    [
      'a repeated triggerIdentifier',
      `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=A&triggerIdentifier=a&triggerIdentifier=b`,
      'more than once'
    ],
    [
      'credentials',
      `https://u:${TOKEN}@app.harness.io/gateway/pipeline/api/webhook/custom/v2?${QUERY}`,
      'credentials'
    ],
    [
      'another scheme',
      `ftp://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?${QUERY}`,
      'https://'
    ],
    ['not a URL', `${TOKEN}/v3`, 'not an absolute URL']
  ]

  it.each(secretUrls)('rejects %s, without repeating the URL or the token', (_, url, says) => {
    const error = settingErrorOf(() => parseWebhookUrl(url))
    expect(error.setting).toBe('webhook-url')
    expect(error.message).toContain(says)
    expect(error.message).toContain('/custom/<token>/v3?accountIdentifier=')
    expect(error.message).not.toContain(TOKEN)
    expect(error.message).not.toContain('app.harness.io')
  })

  it('rejects an empty value', () => {
    expect(() => parseWebhookUrl('  ')).toThrow(SettingError)
  })
})

describe('buildWebhookUrl', () => {
  it('builds the v2 URL with the query in Harness order', () => {
    expect(buildWebhookUrl(SAAS, IDS)).toBe(
      `https://app.harness.io/gateway/pipeline/api/webhook/custom/v2?${QUERY}`
    )
  })

  it('builds the v3 URL when a token is given', () => {
    expect(buildWebhookUrl(SAAS, IDS, TOKEN)).toBe(
      `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?${QUERY}`
    )
  })

  it('encodes $ in identifiers', () => {
    const url = buildWebhookUrl(SAAS, { ...IDS, pipelineId: 'pipe$1' })
    expect(url).toContain('pipelineIdentifier=pipe%241&')
    expect(parseWebhookUrl(url).pipelineId).toBe('pipe$1')
  })

  it('builds under a prefix', () => {
    const endpoint = normalizeHarnessUrl('https://app.harness.io/gratis')
    expect(buildWebhookUrl(endpoint, IDS)).toMatch(
      /^https:\/\/app\.harness\.io\/gratis\/gateway\/pipeline\/api\/webhook\/custom\/v2\?/
    )
  })
})

describe('API and UI URLs', () => {
  const scope = { accountId: 'ACC', orgId: 'default', projectId: 'CD_Docs' }

  it('builds the event details URLs', () => {
    expect(eventDetailsUrl(SAAS, 'ACC', '632394c7b018985c661747be', 'v2')).toBe(
      'https://app.harness.io/gateway/pipeline/api/webhook/triggerExecutionDetailsV2/632394c7b018985c661747be?accountIdentifier=ACC'
    )
    expect(eventDetailsUrl(SAAS, 'ACC', 'e1', 'v1')).toBe(
      'https://app.harness.io/gateway/pipeline/api/webhook/triggerExecutionDetails/e1?accountIdentifier=ACC'
    )
  })

  it('builds the event history URL', () => {
    expect(eventHistoryUrl(SAAS, 'ACC', 'e1')).toBe(
      'https://app.harness.io/gateway/pipeline/api/triggers/eventHistory/v2/eventCorrelation/e1?accountIdentifier=ACC&page=0&size=10'
    )
  })

  it('builds the execution API URL', () => {
    expect(executionApiUrl(SAAS, scope, '_iodHvEhT2y_Mn_DLaR32A')).toBe(
      'https://app.harness.io/gateway/pipeline/api/pipelines/execution/v2/_iodHvEhT2y_Mn_DLaR32A?accountIdentifier=ACC&orgIdentifier=default&projectIdentifier=CD_Docs'
    )
  })

  it('builds the abort URL', () => {
    expect(abortUrl(SAAS, scope, 'x1')).toBe(
      'https://app.harness.io/gateway/pipeline/api/pipeline/execute/interrupt/x1?accountIdentifier=ACC&orgIdentifier=default&projectIdentifier=CD_Docs&interruptType=AbortAll'
    )
  })

  it('encodes ids that come from the server', () => {
    expect(executionApiUrl(SAAS, scope, 'a/b?c')).toContain('/execution/v2/a%2Fb%3Fc?')
  })

  it('builds the execution page URL, module cd by default', () => {
    const ids = { ...scope, pipelineId: 'Triggers' }
    expect(executionPageUrl(SAAS, ids, 'x1')).toBe(
      'https://app.harness.io/ng/#/account/ACC/cd/orgs/default/projects/CD_Docs/pipelines/Triggers/executions/x1/pipeline'
    )
    expect(executionPageUrl(SAAS, ids, 'x1', 'ci')).toContain('/account/ACC/ci/orgs/')
  })
})

describe('isSameOrigin', () => {
  it.each([
    'https://app.harness.io/gateway/pipeline/api/x',
    'https://APP.harness.io:443/ng/#/a',
    'https://app.harness.io'
  ])('accepts %s', url => {
    expect(isSameOrigin(SAAS, url)).toBe(true)
  })

  it.each([
    'http://app.harness.io/gateway',
    'https://app.harness.io:8443/gateway',
    'https://app3.harness.io/gateway',
    'https://app.harness.io.evil.example/gateway',
    'ftp://app.harness.io/',
    'not a url'
  ])('refuses %s', url => {
    expect(isSameOrigin(SAAS, url)).toBe(false)
  })

  it('normalises the default HTTP port on loopback', () => {
    const local = normalizeHarnessUrl('http://localhost:80')
    expect(isSameOrigin(local, 'http://localhost/gateway')).toBe(true)
    expect(isSameOrigin(local, 'http://localhost:8080/gateway')).toBe(false)
  })
})
