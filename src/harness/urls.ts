import { BlockList, isIP } from 'node:net'
import { SettingError } from './setting-error.js'
import {
  ACCOUNT_ID_PATTERN,
  ACCOUNT_ID_RULE,
  IDENTIFIER_PATTERN,
  IDENTIFIER_RULE,
  WEBHOOK_TOKEN_PATTERN
} from './identifiers.js'

/** Where a Harness install answers: `gateway` is the REST base, `ui` the hash-routed UI base. */
export interface HarnessEndpoint {
  /** e.g. `https://app.harness.io` */
  origin: string
  /** e.g. `https://app.harness.io/gateway` or `https://app.harness.io/gratis/gateway` (no trailing slash) */
  gateway: string
  /** e.g. `https://app.harness.io/ng/#` */
  ui: string
}

export interface TriggerIds {
  accountId: string
  orgId: string
  projectId: string
  pipelineId: string
  triggerId: string
}

export type ProjectScope = Pick<TriggerIds, 'accountId' | 'orgId' | 'projectId'>

export interface ParsedWebhookUrl {
  endpoint: HarnessEndpoint
  version: 'v2' | 'v3'
  /** v3 only */
  webhookToken?: string
  accountId: string
  orgId?: string
  projectId?: string
  pipelineId?: string
  triggerId?: string
}

const LOOPBACK = new BlockList()
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4')
LOOPBACK.addAddress('::1', 'ipv6')

/** True for 127.0.0.0/8, ::1 and `localhost`: the only hosts plain HTTP may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
  if (host === 'localhost' || host === 'localhost.') return true
  const family = isIP(host)
  if (family === 4) return LOOPBACK.check(host, 'ipv4')
  // BlockList also matches IPv4-mapped addresses such as ::ffff:127.0.0.1.
  if (family === 6) return LOOPBACK.check(host, 'ipv6')
  return false
}

const WEBHOOK_PATH = ['pipeline', 'api', 'webhook', 'custom']
/** Path segments that say a pasted `harness-url` is an API or UI link rather than the base. */
const NOT_A_BASE_SEGMENTS = new Set(['ng', 'api', 'pipeline', 'gateway', 'account'])
const PREFIX_SEGMENT = /^[A-Za-z0-9._~-]+$/
const HTTPS_RULE =
  'HTTPS is required; plain HTTP is allowed only to loopback (localhost, 127.0.0.1, ::1)'

/**
 * `harness-url` → endpoint. Accepts `https://host`, `https://host/`, `https://host/gateway`,
 * `https://host/prefix[/gateway]`. HTTPS only, except to loopback. Throws SettingError(input, …).
 */
export function normalizeHarnessUrl(raw: string, input = 'harness-url'): HarnessEndpoint {
  const expected =
    'expected the base URL of the Harness install, e.g. https://app.harness.io, https://app.harness.io/gratis or https://harness.example.com (with or without /gateway)'
  const trimmed = raw.trim()
  if (trimmed === '') throw new SettingError(input, `${expected}; got an empty value`)
  const url = parseAbsoluteUrl(trimmed)
  if (!url) throw new SettingError(input, `${expected}; the value given is not an absolute URL`)
  checkTransport(url, input, expected)
  if (/[?#]/.test(trimmed)) {
    throw new SettingError(input, `${expected}; a query (?…) or fragment (#…) is not part of it`)
  }
  const segments = pathSegments(url)
  if (segments.at(-1)?.toLowerCase() === 'gateway') segments.pop()
  const looksLikeLink = segments.some(
    segment => NOT_A_BASE_SEGMENTS.has(segment.toLowerCase()) || !PREFIX_SEGMENT.test(segment)
  )
  if (looksLikeLink) {
    throw new SettingError(
      input,
      `${expected}; the path given looks like a UI or API link, not a base`
    )
  }
  return endpointFrom(url.origin, segments)
}

const ACCEPTED_WEBHOOK_URLS =
  'expected a Harness NextGen custom webhook URL as Harness shows it (Copy Webhook URL / Copy as cURL): ' +
  'https://<host>/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=… or ' +
  'https://<host>/gateway/pipeline/api/webhook/custom/<token>/v3?accountIdentifier=…'

/**
 * A copied custom webhook URL (v2 `…/pipeline/api/webhook/custom/v2?…` or v3
 * `…/pipeline/api/webhook/custom/{token}/v3?…`). Throws SettingError('webhook-url', …) for FirstGen
 * (`/gateway/api/webhooks/…`), v1, or anything else, saying which kinds are accepted. Error
 * messages never contain the URL or token (the URL is a secret).
 *
 * The path may sit under a prefix (`/gratis/gateway/…`). A path without `/gateway` is tolerated
 * and the endpoint still uses `/gateway`, the only form Harness generates. Query parameters other
 * than the five identifiers are ignored.
 */
export function parseWebhookUrl(raw: string): ParsedWebhookUrl {
  const fail = (problem: string): never => {
    throw new SettingError('webhook-url', `${problem}; ${ACCEPTED_WEBHOOK_URLS}`)
  }
  const trimmed = raw.trim()
  if (trimmed === '') fail('it is empty')
  const url = parseAbsoluteUrl(trimmed) ?? fail('the value given is not an absolute URL')
  checkTransport(url, 'webhook-url', ACCEPTED_WEBHOOK_URLS)
  if (url.hash || trimmed.includes('#')) fail('it has a #fragment, which a webhook URL never has')

  const segments = pathSegments(url)
  const start = indexOfSequence(segments, WEBHOOK_PATH)
  if (start < 0) fail(describeWrongPath(segments))
  const prefix = segments.slice(0, start)
  if (prefix.at(-1) === 'gateway') prefix.pop()
  if (!prefix.every(segment => PREFIX_SEGMENT.test(segment))) {
    fail('the part of the path before /pipeline/api/webhook/custom is not a plain path prefix')
  }
  const { version, webhookToken } = readVersion(segments.slice(start + WEBHOOK_PATH.length), fail)
  return {
    endpoint: endpointFrom(url.origin, prefix),
    version,
    ...(webhookToken === undefined ? {} : { webhookToken }),
    ...readQueryIds(url.searchParams, fail)
  }
}

function describeWrongPath(segments: string[]): string {
  if (indexOfSequence(segments, ['api', 'webhooks']) >= 0) {
    return 'it is a Harness FirstGen webhook URL (…/api/webhooks/…), and this action triggers NextGen pipelines'
  }
  return 'its path is not that of a custom webhook trigger'
}

function readVersion(
  rest: string[],
  fail: (problem: string) => never
): { version: 'v2' | 'v3'; webhookToken?: string } {
  if (rest.length === 0) {
    fail('it is the old v1 form (…/webhook/custom?…), whose answer carries no links to follow')
  }
  if (rest.length === 1 && rest[0] === 'v2') return { version: 'v2' }
  if (rest.length === 2 && rest[1] === 'v3') {
    const token = safeDecode(rest[0])
    if (token === undefined || !WEBHOOK_TOKEN_PATTERN.test(token)) {
      fail(`its webhook token is malformed (expected ${ACCOUNT_ID_RULE})`)
    }
    return { version: 'v3', webhookToken: token }
  }
  return fail('it does not end in /custom/v2 or /custom/<token>/v3')
}

type QueryIds = Omit<ParsedWebhookUrl, 'endpoint' | 'version' | 'webhookToken'>

const OPTIONAL_QUERY_IDS = [
  ['orgIdentifier', 'orgId'],
  ['projectIdentifier', 'projectId'],
  ['pipelineIdentifier', 'pipelineId'],
  ['triggerIdentifier', 'triggerId']
] as const

function readQueryIds(query: URLSearchParams, fail: (problem: string) => never): QueryIds {
  const single = (name: string): string | undefined => {
    const values = query.getAll(name)
    if (values.length > 1) fail(`it has ${name} more than once`)
    const value = values[0]?.trim()
    return value ? value : undefined
  }
  const accountId = single('accountIdentifier')
  if (accountId === undefined) fail('it has no accountIdentifier')
  if (!ACCOUNT_ID_PATTERN.test(accountId)) {
    fail(`its accountIdentifier is not a Harness account id (${ACCOUNT_ID_RULE})`)
  }
  const ids: QueryIds = { accountId }
  for (const [name, key] of OPTIONAL_QUERY_IDS) {
    const value = single(name)
    if (value === undefined) continue
    if (!IDENTIFIER_PATTERN.test(value)) {
      fail(`its ${name} is not a Harness identifier (${IDENTIFIER_RULE})`)
    }
    ids[key] = value
  }
  return ids
}

/** v3 when a token is given, else v2; query in Harness's order (account, org, project, pipeline, trigger). */
export function buildWebhookUrl(
  endpoint: HarnessEndpoint,
  ids: TriggerIds,
  webhookToken?: string
): string {
  const version = webhookToken === undefined ? 'v2' : `${encodeURIComponent(webhookToken)}/v3`
  const query = queryString([
    ['accountIdentifier', ids.accountId],
    ['orgIdentifier', ids.orgId],
    ['projectIdentifier', ids.projectId],
    ['pipelineIdentifier', ids.pipelineId],
    ['triggerIdentifier', ids.triggerId]
  ])
  return `${endpoint.gateway}/pipeline/api/webhook/custom/${version}?${query}`
}

/** `{gateway}/pipeline/api/webhook/triggerExecutionDetailsV2/{id}?accountIdentifier=` (or v1 `triggerExecutionDetails`). */
export function eventDetailsUrl(
  endpoint: HarnessEndpoint,
  accountId: string,
  eventId: string,
  variant: 'v2' | 'v1'
): string {
  const resource = variant === 'v2' ? 'triggerExecutionDetailsV2' : 'triggerExecutionDetails'
  return (
    `${endpoint.gateway}/pipeline/api/webhook/${resource}/${encodeURIComponent(eventId)}?` +
    queryString([['accountIdentifier', accountId]])
  )
}

/**
 * `{gateway}/pipeline/api/webhook/triggerProcessingDetails?accountIdentifier=&eventId=`: the event's
 * status fields only (`WebhookEventProcessingDetails`), without the execution summary.
 */
export function processingDetailsUrl(
  endpoint: HarnessEndpoint,
  accountId: string,
  eventId: string
): string {
  return (
    `${endpoint.gateway}/pipeline/api/webhook/triggerProcessingDetails?` +
    queryString([
      ['accountIdentifier', accountId],
      ['eventId', eventId]
    ])
  )
}

/** `{gateway}/pipeline/api/triggers/eventHistory/v2/eventCorrelation/{id}?accountIdentifier=&page=0&size=10` */
export function eventHistoryUrl(
  endpoint: HarnessEndpoint,
  accountId: string,
  eventId: string
): string {
  return (
    `${endpoint.gateway}/pipeline/api/triggers/eventHistory/v2/eventCorrelation/${encodeURIComponent(eventId)}?` +
    queryString([
      ['accountIdentifier', accountId],
      ['page', '0'],
      ['size', '10']
    ])
  )
}

/** `{gateway}/pipeline/api/pipelines/execution/v2/{id}?accountIdentifier=&orgIdentifier=&projectIdentifier=` */
export function executionApiUrl(
  endpoint: HarnessEndpoint,
  scope: ProjectScope,
  planExecutionId: string
): string {
  return (
    `${endpoint.gateway}/pipeline/api/pipelines/execution/v2/${encodeURIComponent(planExecutionId)}?` +
    queryString(scopeQuery(scope))
  )
}

/** `{gateway}/pipeline/api/pipeline/execute/interrupt/{id}?accountIdentifier=&orgIdentifier=&projectIdentifier=&interruptType=AbortAll` */
export function abortUrl(
  endpoint: HarnessEndpoint,
  scope: ProjectScope,
  planExecutionId: string
): string {
  return (
    `${endpoint.gateway}/pipeline/api/pipeline/execute/interrupt/${encodeURIComponent(planExecutionId)}?` +
    queryString([...scopeQuery(scope), ['interruptType', 'AbortAll']])
  )
}

/** `{ui}/account/{acc}/{module}/orgs/{org}/projects/{proj}/pipelines/{pipe}/executions/{id}/pipeline` */
export function executionPageUrl(
  endpoint: HarnessEndpoint,
  ids: Omit<TriggerIds, 'triggerId'>,
  planExecutionId: string,
  module = 'cd'
): string {
  const path = [
    'account',
    ids.accountId,
    module,
    'orgs',
    ids.orgId,
    'projects',
    ids.projectId,
    'pipelines',
    ids.pipelineId,
    'executions',
    planExecutionId,
    'pipeline'
  ]
  return `${endpoint.ui}/${path.map(encodeURIComponent).join('/')}`
}

/** The same origin as the endpoint (scheme, host and port), so the API key may be sent there. */
export function isSameOrigin(endpoint: HarnessEndpoint, url: string): boolean {
  const target = parseAbsoluteUrl(url)
  const own = parseAbsoluteUrl(endpoint.origin)
  if (!target || !own || !isHttp(target)) return false
  // URL.origin lower-cases the host and drops default ports (443 for https, 80 for http).
  return target.origin === own.origin
}

function endpointFrom(origin: string, prefixSegments: string[]): HarnessEndpoint {
  const base = origin + prefixSegments.map(segment => `/${segment}`).join('')
  return { origin, gateway: `${base}/gateway`, ui: `${base}/ng/#` }
}

function checkTransport(url: URL, input: string, expected: string): void {
  if (!isHttp(url)) {
    throw new SettingError(input, `${expected}; only https:// URLs are accepted`)
  }
  if (url.username || url.password) {
    throw new SettingError(input, `${expected}; credentials in the URL are not accepted`)
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new SettingError(input, `${HTTPS_RULE}; ${expected}`)
  }
}

function isHttp(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:'
}

function parseAbsoluteUrl(text: string): URL | undefined {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

/** Non-empty path segments, so trailing and doubled slashes do not matter. */
function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter(segment => segment !== '')
}

function indexOfSequence(segments: string[], sequence: string[]): number {
  for (let start = 0; start + sequence.length <= segments.length; start++) {
    if (sequence.every((part, offset) => segments[start + offset] === part)) return start
  }
  return -1
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

function scopeQuery(scope: ProjectScope): Array<[string, string]> {
  return [
    ['accountIdentifier', scope.accountId],
    ['orgIdentifier', scope.orgId],
    ['projectIdentifier', scope.projectId]
  ]
}

function queryString(pairs: Array<[string, string]>): string {
  return pairs.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')
}
