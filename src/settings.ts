import { InputError } from './errors.js'
import { Inputs } from './names.js'
import type { Redactor } from './secrets.js'
import { parseDuration } from './duration.js'
import { checkAccountId, checkIdentifier, checkWebhookToken } from './harness/identifiers.js'
import {
  buildWebhookUrl,
  normalizeHarnessUrl,
  parseWebhookUrl,
  type HarnessEndpoint,
  type TriggerIds
} from './harness/urls.js'
import { resolveImage, type ResolvedImage } from './image.js'
import {
  buildBody,
  githubContextFromEnv,
  parseJsonObjectInput,
  type GithubContextBody
} from './body.js'

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
  summary: boolean
  commentOnPr: boolean
  githubToken?: string
  /** per HTTP request; not an input: `HARNESS_TRIGGER_REQUEST_TIMEOUT` (tests, slow proxies) */
  requestTimeoutMs?: number
}

export interface SettingsSources {
  getInput(name: string): string
  env: Record<string, string | undefined>
  /** the webhook event's payload (`GITHUB_EVENT_PATH`), read only when needed */
  readEventPayload(): Record<string, unknown> | undefined
  redactor: Redactor
}

/** Harness throttles bodies over 500,000 characters to one every 10 s (harness-api.md §1.3). */
const MAX_BODY_CHARS = 500_000
const API_KEY_SHAPE = /^(pat|sat)\.[^.\s]+\.[^.\s]+(\.[^.\s]+)?$/

/** Reads every input, registers secrets the moment they are read, and validates. Throws InputError. */
export function readSettings(sources: SettingsSources): Settings {
  const input = (name: string): string => sources.getInput(name).trim()
  const secret = (name: string): string | undefined => {
    const value = input(name)
    sources.redactor.add(value)
    return value || undefined
  }

  // Secrets first, so a later validation error can never print one.
  const webhookUrlInput = secret(Inputs.WebhookUrl)
  const webhookTokenInput = secret(Inputs.WebhookToken)
  const apiKey = secret(Inputs.ApiKey)
  const githubToken = secret(Inputs.GithubToken)

  const target = webhookUrlInput
    ? targetFromWebhookUrl(webhookUrlInput, webhookTokenInput, input, sources.redactor)
    : targetFromIdentifiers(webhookTokenInput, input)

  const wait = readBoolean(Inputs.Wait, input(Inputs.Wait), false)
  if (apiKey) checkApiKey(apiKey, target.ids.accountId)
  else if (wait) {
    throw new InputError(
      Inputs.ApiKey,
      'required when wait is true: reading the execution needs a Harness API key with Pipeline View (and Execute to abort).'
    )
  }

  const timeoutMs = parseDuration(Inputs.Timeout, input(Inputs.Timeout) || '30m')
  const pollIntervalMs = parseDuration(Inputs.PollInterval, input(Inputs.PollInterval) || '10s')
  if (wait && pollIntervalMs > timeoutMs) {
    throw new InputError(Inputs.PollInterval, 'must not be longer than timeout.')
  }

  const useGithubContext = readBoolean(Inputs.GithubContext, input(Inputs.GithubContext), true)
  const commentOnPr = readBoolean(Inputs.CommentOnPr, input(Inputs.CommentOnPr), false)
  const { body, image } = composeBody(
    input,
    sources.env,
    useGithubContext ? githubContextFromEnv(sources.env, sources.readEventPayload()) : undefined
  )

  return {
    ...target,
    apiKey,
    body,
    image,
    wait,
    timeoutMs,
    pollIntervalMs,
    abortOnCancel: readBoolean(Inputs.AbortOnCancel, input(Inputs.AbortOnCancel), true),
    abortOnTimeout: readBoolean(Inputs.AbortOnTimeout, input(Inputs.AbortOnTimeout), false),
    summary: readBoolean(Inputs.Summary, input(Inputs.Summary), true),
    commentOnPr,
    githubToken,
    requestTimeoutMs: sources.env.HARNESS_TRIGGER_REQUEST_TIMEOUT
      ? parseDuration(
          'HARNESS_TRIGGER_REQUEST_TIMEOUT',
          sources.env.HARNESS_TRIGGER_REQUEST_TIMEOUT
        )
      : undefined
  }
}

type Target = Pick<Settings, 'webhookUrl' | 'webhookVersion' | 'endpoint' | 'ids'>
type InputOf = (name: string) => string

function targetFromIdentifiers(webhookToken: string | undefined, input: InputOf): Target {
  const endpoint = normalizeHarnessUrl(input(Inputs.HarnessUrl) || 'https://app.harness.io')
  const ids: TriggerIds = {
    accountId: checkAccountId(Inputs.AccountId, required(Inputs.AccountId, input)),
    orgId: checkIdentifier(Inputs.OrgId, input(Inputs.OrgId) || 'default'),
    projectId: checkIdentifier(Inputs.ProjectId, required(Inputs.ProjectId, input)),
    pipelineId: checkIdentifier(Inputs.PipelineId, required(Inputs.PipelineId, input)),
    triggerId: checkIdentifier(Inputs.TriggerId, required(Inputs.TriggerId, input))
  }
  const token = webhookToken ? checkWebhookToken(Inputs.WebhookToken, webhookToken) : undefined
  return {
    webhookUrl: buildWebhookUrl(endpoint, ids, token),
    webhookVersion: token ? 'v3' : 'v2',
    endpoint,
    ids
  }
}

function required(name: string, input: InputOf): string {
  const value = input(name)
  if (!value) {
    throw new InputError(
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
  redactor: Redactor
): Target {
  const parsed = parseWebhookUrl(webhookUrl)
  redactor.add(parsed.webhookToken)
  if (webhookToken && webhookToken !== parsed.webhookToken) {
    throw new InputError(
      Inputs.WebhookToken,
      parsed.webhookToken
        ? 'does not match the token in webhook-url; set only one of them.'
        : 'is set, but webhook-url is a v2 URL without a token; use the v3 URL Harness shows, or drop webhook-token.'
    )
  }
  const pick = (name: string, fromUrl: string | undefined, query: string): string => {
    const fromInput = input(name)
    if (fromUrl && fromInput && fromUrl !== fromInput) {
      throw new InputError(
        name,
        `'${fromInput}' disagrees with ${query} '${fromUrl}' in webhook-url.`
      )
    }
    const value = fromUrl || fromInput
    if (!value) {
      throw new InputError(
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
    accountId: pick(Inputs.AccountId, parsed.accountId, 'accountIdentifier'),
    orgId: checkIdentifier(Inputs.OrgId, pick(Inputs.OrgId, parsed.orgId, 'orgIdentifier')),
    projectId: checkIdentifier(
      Inputs.ProjectId,
      pick(Inputs.ProjectId, parsed.projectId, 'projectIdentifier')
    ),
    pipelineId: checkIdentifier(
      Inputs.PipelineId,
      pick(Inputs.PipelineId, parsed.pipelineId, 'pipelineIdentifier')
    ),
    triggerId: checkIdentifier(
      Inputs.TriggerId,
      pick(Inputs.TriggerId, parsed.triggerId, 'triggerIdentifier')
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
    throw new InputError(
      Inputs.ApiKey,
      'does not look like a Harness API key: expected pat.<account>.<id>.<secret> or sat.<account>.<id>.<secret> (a personal access or service-account token).'
    )
  }
  const parts = apiKey.split('.')
  if (parts.length === 4 && parts[1] !== accountId) {
    throw new InputError(
      Inputs.ApiKey,
      `belongs to another account than '${accountId}'; Harness would answer "Invalid accountId in token".`
    )
  }
}

const TRUE_WORDS = ['true', 'True', 'TRUE']
const FALSE_WORDS = ['false', 'False', 'FALSE']

function readBoolean(name: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback
  if (TRUE_WORDS.includes(raw)) return true
  if (FALSE_WORDS.includes(raw)) return false
  throw new InputError(name, `expected true or false; got '${raw.slice(0, 40)}'.`)
}

function composeBody(
  input: InputOf,
  env: Record<string, string | undefined>,
  github: GithubContextBody | undefined
): { body: Record<string, unknown>; image: ResolvedImage } {
  const buildOutputsRaw = input(Inputs.BuildOutputs)
  const payloadRaw = input(Inputs.Payload)
  const image = resolveImage({
    imageInput: input(Inputs.Image) || undefined,
    tagInput: input(Inputs.Tag) || undefined,
    buildOutputs: buildOutputsRaw
      ? parseJsonObjectInput(Inputs.BuildOutputs, buildOutputsRaw)
      : undefined,
    dockerMetadataJson: env.DOCKER_METADATA_OUTPUT_JSON,
    dockerMetadataVersion: env.DOCKER_METADATA_OUTPUT_VERSION,
    sha: env.GITHUB_SHA
  })
  const pickFrom = (fromInput: boolean, value: string | undefined): string | undefined =>
    fromInput ? value : undefined
  const body = buildBody({
    github,
    derived: {
      image: pickFrom(!image.imageFromInput, image.image),
      tag: pickFrom(!image.tagFromInput, image.tag),
      digest: image.digestSource === 'input' ? undefined : image.digest
    },
    payload: payloadRaw ? parseJsonObjectInput(Inputs.Payload, payloadRaw) : undefined,
    inputs: {
      image: pickFrom(image.imageFromInput, image.image),
      tag: pickFrom(image.tagFromInput, image.tag),
      digest: image.digestSource === 'input' ? image.digest : undefined
    }
  })
  const size = JSON.stringify(body).length
  if (size > MAX_BODY_CHARS) {
    throw new InputError(
      Inputs.Payload,
      `the body would be ${size} characters; Harness throttles bodies over ${MAX_BODY_CHARS}. Send less.`
    )
  }
  return { body, image }
}
