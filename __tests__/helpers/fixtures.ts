/** Values every integration test shares: the default emulated account and ways to reach it. */
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_KEY,
  DEFAULT_IDS,
  DEFAULT_VIEW_ONLY_KEY,
  DEFAULT_WEBHOOK_TOKEN,
  defaultWorldOptions,
  type Emulator,
  type WorldOptions
} from '../../emulator/index.js'
import { selfSignedFiles } from '../support/certificates.js'

export {
  FAKE_GITHUB_TOKEN,
  RUNNER_CONTEXT,
  pullRequestEvent,
  pushEvent
} from '../../emulator/index.js'

/** `acc-123_X`: Harness account ids are `[A-Za-z0-9_-]+` */
export const ACCOUNT_ID = DEFAULT_ACCOUNT_ID
/** `pat.<account>.<24 hex>.<20 chars>`, valid in the default world with every permission */
export const API_KEY = DEFAULT_API_KEY
/** a valid `sat.` token without core_pipeline_execute: the webhook answers 403 */
export const VIEW_ONLY_API_KEY = DEFAULT_VIEW_ONLY_KEY
/** 22 URL-safe characters: the token of the default world's v3 trigger */
export const WEBHOOK_TOKEN = DEFAULT_WEBHOOK_TOKEN
/** org `default`, project `payments`; v3 trigger deploy_api/github_actions; v2 trigger legacy_pipeline/legacy_trigger */
export const IDS = DEFAULT_IDS

/**
 * The default world, a fresh copy: one v3 trigger, one old (v2) trigger, the two keys above,
 * no mandated authorization, detail routes that demand a key.
 */
export function defaultWorld(): WorldOptions {
  return defaultWorldOptions()
}

/** Inputs that fire the default v3 trigger from identifiers, with the key (add `wait` etc.). */
export function identifierInputs(emulator: Emulator): Record<string, string> {
  return {
    'harness-url': emulator.url,
    'account-id': ACCOUNT_ID,
    'org-id': IDS.orgId,
    'project-id': IDS.projectId,
    'pipeline-id': IDS.pipelineId,
    'trigger-id': IDS.triggerId,
    'webhook-token': WEBHOOK_TOKEN,
    'api-key': API_KEY
  }
}

interface WebhookUrlParts {
  accountId?: string
  orgId?: string
  projectId?: string
  pipelineId?: string
  triggerId?: string
  /** a prefix before /gateway, e.g. `/gratis` */
  prefix?: string
}

function webhookQuery(parts: WebhookUrlParts, pipelineId: string, triggerId: string): string {
  const query = new URLSearchParams({
    accountIdentifier: parts.accountId ?? ACCOUNT_ID,
    orgIdentifier: parts.orgId ?? IDS.orgId,
    projectIdentifier: parts.projectId ?? IDS.projectId,
    pipelineIdentifier: parts.pipelineId ?? pipelineId,
    triggerIdentifier: parts.triggerId ?? triggerId
  })
  return query.toString()
}

/** The v3 URL Harness shows for the default new trigger (a secret: it holds the token). */
export function v3WebhookUrl(
  emulator: Emulator,
  parts: WebhookUrlParts & { token?: string } = {}
): string {
  const token = parts.token ?? WEBHOOK_TOKEN
  const query = webhookQuery(parts, IDS.pipelineId, IDS.triggerId)
  return `${emulator.url}${parts.prefix ?? ''}/gateway/pipeline/api/webhook/custom/${token}/v3?${query}`
}

/** The v2 URL Harness shows for the default old trigger. */
export function v2WebhookUrl(emulator: Emulator, parts: WebhookUrlParts = {}): string {
  const query = webhookQuery(parts, IDS.legacyPipelineId, IDS.legacyTriggerId)
  return `${emulator.url}${parts.prefix ?? ''}/gateway/pipeline/api/webhook/custom/v2?${query}`
}

/**
 * A throw-away self-signed certificate for 127.0.0.1 (openssl must be on PATH), for
 * `startEmulator({ tls })` and NODE_EXTRA_CA_CERTS.
 */
export function selfSignedCertificate(): { key: string; cert: string } {
  const files = selfSignedFiles('127.0.0.1', 'IP:127.0.0.1')
  files.remove()
  return { key: files.key, cert: files.cert }
}
