// The few GitHub REST routes a PR comment needs: list (paginated), create and update issue
// comments. Tests point GITHUB_API_URL at the emulator; `/api/v3` (GHES style) is accepted too.
import { jsonReply } from './envelope.js'

const BOT = Object.freeze({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' })
const DOCS = 'https://docs.github.com/rest/issues/comments'

/** @typedef {import('./types.js').GitHubState} GitHubStateShape */

/** @implements {GitHubStateShape} */
export class GitHubState {
  constructor() {
    /** @type {import('./types.js').GitHubComment[]} */
    this.comments = []
    this.forbidden = false
    /** @type {string | undefined} */
    this.token = undefined
    this.nextId = 1000001
  }

  /**
   * @param {{ owner: string, repo: string, issueNumber: number, body: string, login?: string }} seed
   */
  addComment(seed) {
    const id = this.nextId++
    const time = new Date().toISOString()
    /** @type {import('./types.js').GitHubComment} */
    const comment = {
      id,
      owner: seed.owner,
      repo: seed.repo,
      issueNumber: seed.issueNumber,
      body: seed.body,
      user: seed.login ? { login: seed.login, id: 1, type: 'User' } : { ...BOT },
      created_at: time,
      updated_at: time,
      html_url: `https://github.com/${seed.owner}/${seed.repo}/pull/${seed.issueNumber}#issuecomment-${id}`,
      url: ''
    }
    this.comments.push(comment)
    return comment
  }
}

/** @param {import('./types.js').GitHubComment} comment */
function commentJson(comment, origin = '') {
  const { owner, repo, issueNumber, ...rest } = comment
  return {
    ...rest,
    url: `${origin}/repos/${owner}/${repo}/issues/comments/${comment.id}`,
    issue_url: `${origin}/repos/${owner}/${repo}/issues/${issueNumber}`,
    author_association: 'NONE'
  }
}

/**
 * @param {number} status
 * @param {string} message
 * @param {string} [docs]
 */
function githubError(status, message, docs = 'https://docs.github.com/rest') {
  return jsonReply(status, { message, documentation_url: docs, status: String(status) })
}

/**
 * @param {GitHubState} state
 * @param {import('./types.js').RecordedRequest} request
 */
function checkToken(state, request) {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(request.headers.authorization ?? '')
  if (!match) return githubError(401, 'Requires authentication')
  if (state.token !== undefined && match[1] !== state.token) {
    return githubError(401, 'Bad credentials')
  }
  return undefined
}

/** @param {string} body */
function parseCommentBody(body) {
  try {
    const value = JSON.parse(body)
    if (value && typeof value.body === 'string') return { text: /** @type {string} */ (value.body) }
    return { reply: githubError(422, 'Invalid request.\n\n"body" wasn\'t supplied.') }
  } catch {
    return { reply: githubError(400, 'Problems parsing JSON') }
  }
}

/**
 * The Link header GitHub sends on paginated lists.
 * @param {string} base URL without query
 * @param {number} page
 * @param {number} perPage
 * @param {number} lastPage
 */
function linkHeader(base, page, perPage, lastPage) {
  /** @type {string[]} */
  const links = []
  const at = (/** @type {number} */ n, /** @type {string} */ rel) =>
    links.push(`<${base}?per_page=${perPage}&page=${n}>; rel="${rel}"`)
  if (page > 1) at(page - 1, 'prev')
  if (page < lastPage) at(page + 1, 'next')
  if (page < lastPage) at(lastPage, 'last')
  if (page > 1) at(1, 'first')
  return links.join(', ')
}

/**
 * Routes `/repos/{owner}/{repo}/issues/...`; undefined when the path or method is not one of them.
 * @param {GitHubState} state
 * @param {import('./types.js').RecordedRequest} request
 * @param {string} path the path after an optional /api/v3
 * @param {string} origin the emulator's origin
 * @returns {import('./types.js').Reply | undefined}
 */
export function handleGitHub(state, request, path, origin) {
  const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path)
  const single = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path)
  if (!list && !single) return githubError(404, 'Not Found')
  const denied = checkToken(state, request)
  if (denied) return denied

  if (list) {
    const [, owner, repo, number] = list
    const issueNumber = Number(number)
    if (request.method === 'GET')
      return listComments(state, request, { owner, repo, issueNumber }, origin)
    if (request.method !== 'POST') return undefined
    if (state.forbidden) return forbidden('create-an-issue-comment')
    const parsed = parseCommentBody(request.body)
    if (parsed.reply) return parsed.reply
    const comment = state.addComment({ owner, repo, issueNumber, body: parsed.text })
    return jsonReply(201, commentJson(comment, origin))
  }

  const [, owner, repo, id] = /** @type {RegExpExecArray} */ (single)
  const comment = state.comments.find(
    c => c.id === Number(id) && c.owner === owner && c.repo === repo
  )
  if (request.method === 'GET') {
    return comment ? jsonReply(200, commentJson(comment, origin)) : githubError(404, 'Not Found')
  }
  if (request.method !== 'PATCH') return undefined
  if (state.forbidden) return forbidden('update-an-issue-comment')
  if (!comment) return githubError(404, 'Not Found', `${DOCS}#update-an-issue-comment`)
  const parsed = parseCommentBody(request.body)
  if (parsed.reply) return parsed.reply
  comment.body = parsed.text
  comment.updated_at = new Date().toISOString()
  return jsonReply(200, commentJson(comment, origin))
}

/** @param {string} anchor */
function forbidden(anchor) {
  return githubError(403, 'Resource not accessible by integration', `${DOCS}#${anchor}`)
}

/**
 * @param {GitHubState} state
 * @param {import('./types.js').RecordedRequest} request
 * @param {{ owner: string, repo: string, issueNumber: number }} issue
 * @param {string} origin
 */
function listComments(state, request, issue, origin) {
  const perPage = Math.min(100, Math.max(1, Number(request.query.per_page) || 30))
  const page = Math.max(1, Number(request.query.page) || 1)
  const all = state.comments.filter(
    c => c.owner === issue.owner && c.repo === issue.repo && c.issueNumber === issue.issueNumber
  )
  const lastPage = Math.max(1, Math.ceil(all.length / perPage))
  const slice = all.slice((page - 1) * perPage, page * perPage)
  const reply = jsonReply(
    200,
    slice.map(comment => commentJson(comment, origin))
  )
  const link = linkHeader(`${origin}${request.path}`, page, perPage, lastPage)
  if (link) reply.headers.link = link
  return reply
}
