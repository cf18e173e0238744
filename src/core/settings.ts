import { SettingError } from '../harness/setting-error.js'
import { Setting, type SettingName } from './names.js'
import type { Redactor } from './redactor.js'
import { parseDuration } from './duration.js'
import { checkAccountId, checkIdentifier, checkWebhookToken } from '../harness/identifiers.js'
import {
  buildWebhookUrl,
  normalizeHarnessUrl,
  parseWebhookUrl,
  type HarnessEndpoint,
  type TriggerIds
} from '../harness/urls.js'
import { resolveImage, type ResolvedImage } from './image.js'
import { buildBody, parseJsonObjectInput, type RunContext } from './body.js'

/** Everything the run needs, read and checked once at the start; nothing later reads inputs. */
export interface Settings {
  /** the URL the trigger is POSTed to (a secret when it holds a webhook token) */
  webhookUrl: string
  webhookVersion: 'v2' | 'v3'
  endpoint: HarnessEndpoint
  ids: TriggerIds
  apiKey?: string
  body: Record<string, unknown>
  image: ResolvedImage
  wait: boolean
  timeoutMs: number
  pollIntervalMs: number
  abortOnCancel: boolean
  abortOnTimeout: boolean
  /** per HTTP request; not an input: `HARNESS_TRIGGER_REQUEST_TIMEOUT` (tests, slow proxies) */
  requestTimeoutMs?: number
}

/** Where a front end's settings come from; each front end maps its own conventions onto these. */
export interface SettingsSources {
  /** the raw text of a setting ('' when unset): an action input, or a CLI option or variable */
  value(name: SettingName): string
  /** the environment: docker/metadata-action's variables, HARNESS_TRIGGER_REQUEST_TIMEOUT */
  env: Record<string, string | undefined>
  /** where the run came from (the body's `github` or `ci` object and top-level `branch`), when on */
  context?: RunContext
  /** the commit the run built: the tag when nothing else names one */
  sha?: string
  redactor: Pick<Redactor, 'add'>
}

/** Harness throttles bodies over 500,000 characters to one every 10 s (harness-api.md §1.3). */
const MAX_BODY_CHARS = 500_000
const API_KEY_SHAPE = /^(pat|sat)\.[^.\s]+\.[^.\s]+(\.[^.\s]+)?$/

/** Reads every setting, registers secrets the moment they are read, and validates. Throws SettingError. */
export function readSettings(sources: SettingsSources): Settings {
  const input = (name: SettingName): string => sources.value(name).trim()
  const secret = (name: SettingName): string | undefined => {
    const value = input(name)
    sources.redactor.add(value)
    return value || undefined
  }

  // Secrets first, so a later validation error can never print one.
  const webhookUrlInput = secret(Setting.WebhookUrl)
  const webhookTokenInput = secret(Setting.WebhookToken)
  const apiKey = secret(Setting.ApiKey)

  const target = webhookUrlInput
    ? targetFromWebhookUrl(webhookUrlInput, webhookTokenInput, input, sources.redactor)
    : targetFromIdentifiers(webhookTokenInput, input)

  const wait = readBoolean(Setting.Wait, input(Setting.Wait), false)
  if (apiKey) checkApiKey(apiKey, target.ids.accountId)
  else if (wait) {
    throw new SettingError(
      Setting.ApiKey,
      'required when wait is true: reading the execution needs a Harness API key with Pipeline View (and Execute to abort).'
    )
  }

  const timeoutMs = parseDuration(Setting.Timeout, input(Setting.Timeout) || '30m')
  const pollIntervalMs = parseDuration(Setting.PollInterval, input(Setting.PollInterval) || '10s')
  if (wait && pollIntervalMs > timeoutMs) {
    throw new SettingError(Setting.PollInterval, 'must not be longer than timeout.')
  }

  const { body, image } = composeBody(input, sources)

  return {
    ...target,
    apiKey,
    body,
    image,
    wait,
    timeoutMs,
    pollIntervalMs,
    abortOnCancel: readBoolean(Setting.AbortOnCancel, input(Setting.AbortOnCancel), true),
    abortOnTimeout: readBoolean(Setting.AbortOnTimeout, input(Setting.AbortOnTimeout), false),
    requestTimeoutMs: sources.env.HARNESS_TRIGGER_REQUEST_TIMEOUT
      ? parseDuration(
          'HARNESS_TRIGGER_REQUEST_TIMEOUT',
          sources.env.HARNESS_TRIGGER_REQUEST_TIMEOUT
        )
      : undefined
  }
}

type Target = Pick<Settings, 'webhookUrl' | 'webhookVersion' | 'endpoint' | 'ids'>
type InputOf = (name: SettingName) => string

function targetFromIdentifiers(webhookToken: string | undefined, input: InputOf): Target {
  const endpoint = normalizeHarnessUrl(input(Setting.HarnessUrl) || 'https://app.harness.io')
  const ids: TriggerIds = {
    accountId: checkAccountId(Setting.AccountId, required(Setting.AccountId, input)),
    orgId: checkIdentifier(Setting.OrgId, input(Setting.OrgId) || 'default'),
    projectId: checkIdentifier(Setting.ProjectId, required(Setting.ProjectId, input)),
    pipelineId: checkIdentifier(Setting.PipelineId, required(Setting.PipelineId, input)),
    triggerId: checkIdentifier(Setting.TriggerId, required(Setting.TriggerId, input))
  }
  const token = webhookToken ? checkWebhookToken(Setting.WebhookToken, webhookToken) : undefined
  return {
    webhookUrl: buildWebhookUrl(endpoint, ids, token),
    webhookVersion: token ? 'v3' : 'v2',
    endpoint,
    ids
  }
}

function required(name: SettingName, input: InputOf): string {
  const value = input(name)
  if (!value) {
    throw new SettingError(
      name,
      `required: set '${name}', or set 'webhook-url' to the trigger's webhook URL as Harness shows it.`
    )
  }
  return value
}

/** Identifier inputs may fill what the copied URL lacks; where both say something, they must agree. */
function targetFromWebhookUrl(
  webhookUrl: string,
  webhookToken: string | undefined,
  input: InputOf,
  redactor: Pick<Redactor, 'add'>
): Target {
  const parsed = parseWebhookUrl(webhookUrl)
  redactor.add(parsed.webhookToken)
  if (webhookToken && webhookToken !== parsed.webhookToken) {
    throw new SettingError(
      Setting.WebhookToken,
      parsed.webhookToken
        ? 'does not match the token in webhook-url; set only one of them.'
        : 'is set, but webhook-url is a v2 URL without a token; use the v3 URL Harness shows, or drop webhook-token.'
    )
  }
  const pick = (name: SettingName, fromUrl: string | undefined, query: string): string => {
    const fromInput = input(name)
    if (fromUrl && fromInput && fromUrl !== fromInput) {
      throw new SettingError(
        name,
        `'${fromInput}' disagrees with ${query} '${fromUrl}' in webhook-url.`
      )
    }
    const value = fromUrl || fromInput
    if (!value) {
      throw new SettingError(
        name,
        `required: webhook-url has no ${query}, so set '${name}'` +
          (query === 'pipelineIdentifier' || query === 'triggerIdentifier'
            ? ' (sent without it, every custom trigger of the project would fire).'
            : '.')
      )
    }
    return value
  }
  const ids: TriggerIds = {
    accountId: pick(Setting.AccountId, parsed.accountId, 'accountIdentifier'),
    orgId: checkIdentifier(Setting.OrgId, pick(Setting.OrgId, parsed.orgId, 'orgIdentifier')),
    projectId: checkIdentifier(
      Setting.ProjectId,
      pick(Setting.ProjectId, parsed.projectId, 'projectIdentifier')
    ),
    pipelineId: checkIdentifier(
      Setting.PipelineId,
      pick(Setting.PipelineId, parsed.pipelineId, 'pipelineIdentifier')
    ),
    triggerId: checkIdentifier(
      Setting.TriggerId,
      pick(Setting.TriggerId, parsed.triggerId, 'triggerIdentifier')
    )
  }
  // Rebuilt from the parsed parts, so what we send always carries all five identifiers.
  return {
    webhookUrl: buildWebhookUrl(parsed.endpoint, ids, parsed.webhookToken),
    webhookVersion: parsed.version,
    endpoint: parsed.endpoint,
    ids
  }
}

function checkApiKey(apiKey: string, accountId: string): void {
  if (!API_KEY_SHAPE.test(apiKey)) {
    throw new SettingError(
      Setting.ApiKey,
      'does not look like a Harness API key: expected pat.<account>.<id>.<secret> or sat.<account>.<id>.<secret> (a personal access or service-account token).'
    )
  }
  const parts = apiKey.split('.')
  if (parts.length === 4 && parts[1] !== accountId) {
    throw new SettingError(
      Setting.ApiKey,
      `belongs to another account than '${accountId}'; Harness would answer "Invalid accountId in token".`
    )
  }
}

const TRUE_WORDS = ['true', 'True', 'TRUE']
const FALSE_WORDS = ['false', 'False', 'FALSE']

/** `true`/`false` as YAML 1.2's core schema writes them; anything else is a SettingError. */
export function readBoolean(name: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback
  if (TRUE_WORDS.includes(raw)) return true
  if (FALSE_WORDS.includes(raw)) return false
  throw new SettingError(name, `expected true or false; got '${raw.slice(0, 40)}'.`)
}

function composeBody(
  input: InputOf,
  sources: SettingsSources
): { body: Record<string, unknown>; image: ResolvedImage } {
  const { env } = sources
  const buildOutputsRaw = input(Setting.BuildOutputs)
  const payloadRaw = input(Setting.Payload)
  const image = resolveImage({
    imageInput: input(Setting.Image) || undefined,
    tagInput: input(Setting.Tag) || undefined,
    buildOutputs: buildOutputsRaw
      ? parseJsonObjectInput(Setting.BuildOutputs, buildOutputsRaw)
      : undefined,
    dockerMetadataJson: env.DOCKER_METADATA_OUTPUT_JSON,
    dockerMetadataVersion: env.DOCKER_METADATA_OUTPUT_VERSION,
    sha: sources.sha
  })
  const pickFrom = (fromInput: boolean, value: string | undefined): string | undefined =>
    fromInput ? value : undefined
  const body = buildBody({
    context: sources.context,
    derived: {
      image: pickFrom(!image.imageFromInput, image.image),
      tag: pickFrom(!image.tagFromInput, image.tag),
      digest: image.digestSource === 'input' ? undefined : image.digest
    },
    payload: payloadRaw ? parseJsonObjectInput(Setting.Payload, payloadRaw) : undefined,
    inputs: {
      image: pickFrom(image.imageFromInput, image.image),
      tag: pickFrom(image.tagFromInput, image.tag),
      digest: image.digestSource === 'input' ? image.digest : undefined
    }
  })
  const size = JSON.stringify(body).length
  if (size > MAX_BODY_CHARS) {
    throw new SettingError(
      Setting.Payload,
      `the body would be ${size} characters; Harness throttles bodies over ${MAX_BODY_CHARS}. Send less.`
    )
  }
  return { body, image }
}
