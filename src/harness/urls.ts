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

/** True for 127.0.0.0/8, ::1 and `localhost`: the only hosts plain HTTP may reach. */
export function isLoopbackHost(hostname: string): boolean {
  void hostname
  throw new Error('not implemented')
}

/**
 * `harness-url` → endpoint. Accepts `https://host`, `https://host/`, `https://host/gateway`,
 * `https://host/prefix[/gateway]`. HTTPS only, except to loopback. Throws InputError(input, …).
 */
export function normalizeHarnessUrl(raw: string, input = 'harness-url'): HarnessEndpoint {
  void raw
  void input
  throw new Error('not implemented')
}

/**
 * A copied custom webhook URL (v2 `…/pipeline/api/webhook/custom/v2?…` or v3
 * `…/pipeline/api/webhook/custom/{token}/v3?…`). Throws InputError('webhook-url', …) for FirstGen
 * (`/gateway/api/webhooks/…`), v1, or anything else, saying which kinds are accepted. Error
 * messages never contain the URL or token (the URL is a secret).
 */
export function parseWebhookUrl(raw: string): ParsedWebhookUrl {
  void raw
  throw new Error('not implemented')
}

/** v3 when a token is given, else v2; query in Harness's order (account, org, project, pipeline, trigger). */
export function buildWebhookUrl(endpoint: HarnessEndpoint, ids: TriggerIds, webhookToken?: string): string {
  void endpoint
  void ids
  void webhookToken
  throw new Error('not implemented')
}

/** `{gateway}/pipeline/api/webhook/triggerExecutionDetailsV2/{id}?accountIdentifier=` (or v1 `triggerExecutionDetails`). */
export function eventDetailsUrl(
  endpoint: HarnessEndpoint,
  accountId: string,
  eventId: string,
  variant: 'v2' | 'v1'
): string {
  void endpoint
  void accountId
  void eventId
  void variant
  throw new Error('not implemented')
}

/** `{gateway}/pipeline/api/triggers/eventHistory/v2/eventCorrelation/{id}?accountIdentifier=&page=0&size=10` */
export function eventHistoryUrl(endpoint: HarnessEndpoint, accountId: string, eventId: string): string {
  void endpoint
  void accountId
  void eventId
  throw new Error('not implemented')
}

/** `{gateway}/pipeline/api/pipelines/execution/v2/{id}?accountIdentifier=&orgIdentifier=&projectIdentifier=` */
export function executionApiUrl(endpoint: HarnessEndpoint, scope: ProjectScope, planExecutionId: string): string {
  void endpoint
  void scope
  void planExecutionId
  throw new Error('not implemented')
}

/** `{gateway}/pipeline/api/pipeline/execute/interrupt/{id}?accountIdentifier=&orgIdentifier=&projectIdentifier=&interruptType=AbortAll` */
export function abortUrl(endpoint: HarnessEndpoint, scope: ProjectScope, planExecutionId: string): string {
  void endpoint
  void scope
  void planExecutionId
  throw new Error('not implemented')
}

/** `{ui}/account/{acc}/{module}/orgs/{org}/projects/{proj}/pipelines/{pipe}/executions/{id}/pipeline` */
export function executionPageUrl(
  endpoint: HarnessEndpoint,
  ids: Omit<TriggerIds, 'triggerId'>,
  planExecutionId: string,
  module = 'cd'
): string {
  void endpoint
  void ids
  void planExecutionId
  void module
  throw new Error('not implemented')
}

/** The same origin as the endpoint (scheme, host and port), so the API key may be sent there. */
export function isSameOrigin(endpoint: HarnessEndpoint, url: string): boolean {
  void endpoint
  void url
  throw new Error('not implemented')
}
