// The custom webhook routes (harness-api.md §1): v1 `custom`, v2 `custom/v2`, v3 `custom/{token}/v3`.
// Order of checks: media type, key validation (the auth filter), required query parameters,
// authorization (mandate, permission), trigger validation; then the event is queued.
import { errorReply, jsonReply, requireParams, success, textReply } from './envelope.js'
import { checkAccess, PERMISSION_EXECUTE } from './auth.js'

const ACCEPTED_TYPES = new Set(['application/json', 'text/plain', 'application/yaml'])
const OLD_URL_MESSAGE =
  'This webhook url is no longer supported for newly created custom webhook triggers. ' +
  'We are migrating to new webhook urls using custom webhook tokens in the url.'

/** @param {string | undefined} contentType */
function acceptsContentType(contentType) {
  // no Content-Type at all matches any @Consumes in Jersey
  if (contentType === undefined) return true
  return ACCEPTED_TYPES.has(contentType.split(';')[0].trim().toLowerCase())
}

/**
 * @typedef {{ account: string, org: string, project: string, pipeline?: string, trigger?: string }} Target
 */

/**
 * @typedef {{ reply: import('./types.js').Reply, trigger?: undefined }
 *   | { trigger: import('./types.js').World['triggers'][number], reply?: undefined }} Validation
 */

/**
 * Triggers the processor will match: enabled, in the scope, and of the pipeline/trigger only
 * when the query names them (Harness does not cross-check a v3 token against these).
 * @param {import('./types.js').World} world
 * @param {Target} target
 */
function matchingTriggers(world, target) {
  if (target.account !== world.accountId) return []
  return world.triggers.filter(
    trigger =>
      trigger.enabled &&
      trigger.orgId === target.org &&
      trigger.projectId === target.project &&
      (!target.pipeline || trigger.pipelineId === target.pipeline) &&
      (!target.trigger || trigger.triggerId === target.trigger)
  )
}

/**
 * TriggerWebhookValidator for the v1/v2 URLs.
 * @param {import('./types.js').World} world
 * @param {Target} target
 * @returns {Validation}
 */
function validateOldUrl(world, target) {
  const [first] = matchingTriggers(world, target)
  if (!first) {
    const scope =
      `Account:${target.account}, Org: ${target.org}, Project: ${target.project}` +
      (target.pipeline ? `, Pipeline: ${target.pipeline}` : '') +
      (target.trigger ? `, Trigger: ${target.trigger}` : '')
    return { reply: errorReply('INVALID_REQUEST', `No enabled custom trigger found for ${scope}`) }
  }
  return first.webhookToken
    ? { reply: errorReply('INVALID_REQUEST', OLD_URL_MESSAGE) }
    : { trigger: first }
}

/**
 * The v3 check: only that the token exists and its trigger is enabled. Harness echoes the token
 * in these messages, and so does the emulator (a client must not log them verbatim).
 * @param {import('./types.js').World} world
 * @param {Target} target
 * @param {string} token
 * @returns {Validation}
 */
function validateToken(world, target, token) {
  const trigger =
    target.account === world.accountId
      ? world.triggers.find(candidate => candidate.webhookToken === token)
      : undefined
  if (!trigger) {
    return {
      reply: errorReply(
        'INVALID_REQUEST',
        `No custom trigger found for the used custom webhook token: ${token}`
      )
    }
  }
  if (!trigger.enabled) {
    return {
      reply: errorReply(
        'INVALID_REQUEST',
        `No enabled custom trigger found for the used custom webhook token: ${token}`
      )
    }
  }
  return { trigger }
}

/**
 * @param {import('./types.js').World} world
 * @param {import('./types.js').RecordedRequest} request
 * @param {Target} target
 * @returns {import('./types.js').Reply | undefined}
 */
function checkAuthorization(world, request, target) {
  if (request.headers['x-api-key'] === undefined) {
    if (!world.mandateAuthorization) return undefined
    return errorReply(
      'INVALID_REQUEST',
      `Authorization is mandatory for custom triggers in ${target.account}:${target.org}:` +
        `${target.project}. Please add X-Api-Key header in the request`
    )
  }
  return checkAccess(world, request, {
    required: true,
    permission: PERMISSION_EXECUTE,
    resource: { org: target.org, project: target.project, pipeline: target.pipeline }
  })
}

/**
 * `apiUrl`, `uiUrl`, `uiSetupUrl` as UrlHelper builds them.
 * @param {import('./internal.js').RouteContext} context
 * @param {Target} target
 * @param {string} pipeline
 * @param {string} eventId
 */
function responseUrls(context, target, pipeline, eventId) {
  const { urls } = context.world
  const route =
    urls.apiUrlVersion === 'v1' ? 'triggerExecutionDetails' : 'triggerExecutionDetailsV2'
  const apiBase = `${urls.apiUrlOrigin ?? context.origin}${context.prefix}/gateway`
  const project = `${context.uiBaseUrl}/account/${target.account}/${urls.module}/orgs/${target.org}/projects/${target.project}`
  return {
    apiUrl: `${apiBase}/pipeline/api/webhook/${route}/${eventId}?accountIdentifier=${target.account}`,
    uiUrl: `${project}/deployments?pipelineIdentifier=${pipeline}&page=0`,
    uiSetupUrl: `${project}/pipelines/${pipeline}/pipeline-studio/`
  }
}

/**
 * POST …/pipeline/api/webhook/custom[/v2 | /{token}/v3]
 * @param {import('./internal.js').RouteContext} context
 * @param {import('./types.js').RecordedRequest} request
 * @param {'v1' | 'v2' | 'v3'} version
 * @param {string} [token] the v3 path's token
 * @returns {import('./types.js').Reply | undefined}
 */
export function receiveWebhook(context, request, version, token) {
  if (request.method !== 'POST') return undefined
  const { world, store } = context
  if (!acceptsContentType(request.headers['content-type'])) {
    return textReply(415, 'HTTP 415 Unsupported Media Type')
  }
  if (request.headers['x-api-key'] !== undefined) {
    const invalidKey = checkAccess(world, request, { required: true })
    if (invalidKey) return invalidKey
  }
  const { query } = request
  const missing = requireParams(query, ['accountIdentifier', 'orgIdentifier', 'projectIdentifier'])
  if (missing) return missing
  if (!query.orgIdentifier || !query.projectIdentifier) {
    return errorReply(
      'INVALID_REQUEST',
      'orgIdentifier and projectIdentifier are required query parameters for custom webhook ' +
        'triggers. Please add them to the webhook url.'
    )
  }
  /** @type {Target} */
  const target = {
    account: query.accountIdentifier,
    org: query.orgIdentifier,
    project: query.projectIdentifier,
    pipeline: query.pipelineIdentifier || undefined,
    trigger: query.triggerIdentifier || undefined
  }
  const unauthorized = checkAuthorization(world, request, target)
  if (unauthorized) return unauthorized
  const validated =
    version === 'v3' ? validateToken(world, target, token ?? '') : validateOldUrl(world, target)
  if (validated.reply) return validated.reply

  const event = store.events.create({
    accountId: target.account,
    orgId: target.org,
    projectId: target.project,
    pipelineId: target.pipeline,
    triggerId: target.trigger,
    webhookVersion: version,
    body: request.body,
    headers: request.headers,
    candidates: matchingTriggers(world, target),
    script: world.event,
    executionScript: world.execution,
    now: Date.now()
  })
  if (version === 'v1') return jsonReply(200, success(event.id))
  const pipeline = target.pipeline ?? validated.trigger.pipelineId
  return jsonReply(
    200,
    success({ eventCorrelationId: event.id, ...responseUrls(context, target, pipeline, event.id) })
  )
}
