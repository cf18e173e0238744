// X-Api-Key checks (harness-api.md §1.2, §2.1, §3.1, §4): a key that is present is always
// validated; routes differ only in whether a key is required and which permission they need.
import { errorReply, jsonReply } from './envelope.js'

export const PERMISSION_EXECUTE = 'core_pipeline_execute'
export const PERMISSION_VIEW = 'core_pipeline_view'
export const PERMISSION_ABORT = 'core_pipeline_abort'

/**
 * The account a key is checked against: header Harness-Account, else query accountId, else
 * query accountIdentifier (NextGenAuthenticationFilter's order).
 * @param {import('./types.js').RecordedRequest} request
 */
function accountForAuth(request) {
  return (
    request.headers['harness-account'] ?? request.query.accountId ?? request.query.accountIdentifier
  )
}

/**
 * @param {import('./types.js').World} world
 * @param {string} key
 * @param {string | undefined} accountId
 */
function findValidKey(world, key, accountId) {
  if (accountId !== world.accountId) return undefined
  const entry = world.apiKeys.find(candidate => candidate.key === key)
  if (!entry) return undefined
  // new-format keys name their account: pat.<account>.<tokenId>.<secret>
  const parts = key.split('.')
  if (parts.length === 4 && parts[1] !== accountId) return undefined
  return entry
}

/**
 * Checks the request's key. Returns an error answer, or undefined when the request may go on.
 * @param {import('./types.js').World} world
 * @param {import('./types.js').RecordedRequest} request
 * @param {{ required: boolean, permission?: string, resource?: { org?: string, project?: string, pipeline?: string } }} rule
 * @returns {import('./types.js').Reply | undefined}
 */
export function checkAccess(world, request, rule) {
  const key = request.headers['x-api-key']
  if (key === undefined) {
    return rule.required
      ? errorReply('INVALID_CREDENTIAL', 'Invalid or missing credentials')
      : undefined
  }
  const accountId = accountForAuth(request)
  const entry = findValidKey(world, key, accountId)
  if (!entry) {
    return errorReply(
      'INVALID_TOKEN',
      `Invalid call: Invalid token or token expired. Account id for API called: ${accountId ?? ''}`
    )
  }
  const allowed = {
    [PERMISSION_EXECUTE]: entry.canExecute,
    [PERMISSION_VIEW]: entry.canView,
    [PERMISSION_ABORT]: entry.canAbort
  }[rule.permission ?? '']
  return allowed === false
    ? accessDenied(world, key, rule.permission ?? '', rule.resource ?? {})
    : undefined
}

/**
 * 403 NG_ACCESS_DENIED: NGAccessDeniedExceptionMapper builds an AccessDeniedErrorDTO through the
 * ErrorDTO constructor that sets only status, code, message and detailedMessage, so its
 * correlationId, responseMessages and metadata are null; the message is AbstractAccessControlClient's.
 * @param {import('./types.js').World} world
 * @param {string} key
 * @param {string} permission
 * @param {{ org?: string, project?: string, pipeline?: string }} resource
 */
function accessDenied(world, key, permission, resource) {
  const [prefix, , tokenId] = key.split('.')
  const principal = prefix === 'sat' ? 'SERVICE_ACCOUNT' : 'USER'
  const message =
    `Principal of type ${principal} with identifier ${principal === 'USER' ? 'user_' : 'sa_'}` +
    `${tokenId ?? 'unknown'} : Missing permission ${permission} on pipeline` +
    (resource.pipeline ? ` with identifier ${resource.pipeline}` : '')
  return jsonReply(403, {
    status: 'ERROR',
    code: 'NG_ACCESS_DENIED',
    message,
    correlationId: null,
    detailedMessage: null,
    responseMessages: null,
    metadata: null,
    failedPermissionChecks: [
      {
        // ResourceScope is @JsonInclude(NON_NULL); PermissionCheckDTO is not
        resourceScope: {
          accountIdentifier: world.accountId,
          ...(resource.org ? { orgIdentifier: resource.org } : {}),
          ...(resource.project ? { projectIdentifier: resource.project } : {})
        },
        resourceType: 'PIPELINE',
        resourceAttributes: null,
        resourceIdentifier: resource.pipeline ?? null,
        permission
      }
    ]
  })
}
