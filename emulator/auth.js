// X-Api-Key checks (harness-api.md §1.2, §2.1, §3.1, §4): a key that is present is always
// validated; routes differ only in whether a key is required and which permission they need.
import { errorBody, errorReply, jsonReply } from './envelope.js'

export const PERMISSION_EXECUTE = 'core_pipeline_execute'
export const PERMISSION_VIEW = 'core_pipeline_view'

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
  const allowed =
    rule.permission === PERMISSION_EXECUTE
      ? entry.canExecute
      : rule.permission === PERMISSION_VIEW
        ? entry.canView
        : true
  return allowed ? undefined : accessDenied(world, rule.permission ?? '', rule.resource ?? {})
}

/**
 * 403 NG_ACCESS_DENIED with the AccessDeniedErrorDTO extra field.
 * @param {import('./types.js').World} world
 * @param {string} permission
 * @param {{ org?: string, project?: string, pipeline?: string }} resource
 */
function accessDenied(world, permission, resource) {
  const body = errorBody(
    'NG_ACCESS_DENIED',
    `Missing permission ${permission} on pipeline with identifier ${resource.pipeline ?? ''}`
  )
  return jsonReply(403, {
    ...body,
    failedPermissionChecks: [
      {
        resourceScope: {
          accountIdentifier: world.accountId,
          orgIdentifier: resource.org ?? null,
          projectIdentifier: resource.project ?? null
        },
        resourceType: 'PIPELINE',
        resourceIdentifier: resource.pipeline ?? null,
        permission
      }
    ]
  })
}
