// The Harness emulator: a real HTTP(S) server on loopback that speaks the part of the Harness API
// described in ../../shared/harness-api.md, scriptable per test. Plain JavaScript without
// dependencies, so that `npm run demo` works on a fresh clone; it shares no code with src/.
import { EventEmitter } from 'node:events'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { errorBody, errorReply, textReply } from './envelope.js'
import { EventStore, readEventDetails, readEventHistory, readProcessingDetails } from './events.js'
import { ExecutionStore, interruptExecution, readExecution } from './executions.js'
import { FaultQueues, playFault } from './faults.js'
import { GitHubState, handleGitHub } from './github.js'
import { receiveWebhook } from './webhook.js'
import { normalizeWorld } from './world.js'

export { errorBody as harnessErrorBody } from './envelope.js'
export {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_KEY,
  DEFAULT_IDS,
  DEFAULT_VIEW_ONLY_KEY,
  DEFAULT_WEBHOOK_TOKEN,
  defaultWorldOptions
} from './world.js'

/** Bodies larger than this are refused with 413 (Harness's own limit is unknown). */
const MAX_BODY_BYTES = 10 * 1024 * 1024

/**
 * @typedef {import('./internal.js').RouteContext} RouteContext
 * @typedef {import('./types.js').RecordedRequest} RecordedRequest
 * @typedef {import('./types.js').Reply} Reply
 * @typedef {{ route?: import('./types.js').RouteName,
 *   run: (context: RouteContext, request: RecordedRequest) => Reply | undefined }} Resolved
 * @typedef {[RegExp, import('./types.js').RouteName,
 *   (context: RouteContext, request: RecordedRequest, param: string) => Reply | undefined]} HarnessRoute
 */

/** @type {HarnessRoute[]} Harness routes, matched on the path after `/gateway` */
const HARNESS_ROUTES = [
  [/^\/pipeline\/api\/webhook\/custom$/, 'webhook', (c, r) => receiveWebhook(c, r, 'v1')],
  [/^\/pipeline\/api\/webhook\/custom\/v2$/, 'webhook', (c, r) => receiveWebhook(c, r, 'v2')],
  [
    /^\/pipeline\/api\/webhook\/custom\/([^/]+)\/v3$/,
    'webhook',
    (c, r, token) => receiveWebhook(c, r, 'v3', token)
  ],
  [
    /^\/pipeline\/api\/webhook\/triggerProcessingDetails$/,
    'processingDetails',
    (c, r) => readProcessingDetails(c, r)
  ],
  [
    /^\/pipeline\/api\/webhook\/triggerExecutionDetailsV2\/([^/]+)$/,
    'eventDetails',
    (c, r, id) => readEventDetails(c, r, id, 'v2')
  ],
  [
    /^\/pipeline\/api\/webhook\/triggerExecutionDetails\/([^/]+)$/,
    'eventDetails',
    (c, r, id) => readEventDetails(c, r, id, 'v1')
  ],
  [
    /^\/pipeline\/api\/triggers\/eventHistory\/v2\/eventCorrelation\/([^/]+)$/,
    'eventHistory',
    (c, r, id) => readEventHistory(c, r, id)
  ],
  [
    /^\/pipeline\/api\/pipelines\/execution\/v2\/([^/]+)$/,
    'execution',
    (c, r, id) => readExecution(c, r, id)
  ],
  [
    /^\/pipeline\/api\/pipeline\/execute\/interrupt\/([^/]+)$/,
    'abort',
    (c, r, id) => interruptExecution(c, r, id)
  ]
]

/** @param {string} text */
function decode(text) {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<{ text: string, tooLarge: boolean }>}
 */
async function readBody(req) {
  /** @type {Buffer[]} */
  const chunks = []
  let size = 0
  for await (const chunk of req) {
    size += chunk.length
    if (size <= MAX_BODY_BYTES) chunks.push(chunk)
  }
  return { text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES }
}

/** @param {import('node:http').IncomingHttpHeaders} headers */
function flattenHeaders(headers) {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name.toLowerCase(),
      Array.isArray(value) ? value.join(', ') : String(value)
    ])
  )
}

/** @param {URLSearchParams} params first value of each parameter, as JAX-RS reads it */
function firstValues(params) {
  /** @type {Record<string, string>} */
  const query = {}
  for (const [name, value] of params) if (!(name in query)) query[name] = value
  return query
}

/** @typedef {import('./types.js').Emulator} EmulatorShape */

/** @implements {EmulatorShape} */
class HarnessEmulator {
  /**
   * @param {import('./types.js').EmulatorOptions} options
   */
  constructor(options) {
    const { tls, log, port, host, ...worldOptions } = options
    void port
    void host
    /** what reset() without options returns to */
    this.startOptions = structuredClone(worldOptions)
    this.world = normalizeWorld(worldOptions)
    /** @type {import('./types.js').RecordedRequest[]} */
    this.requests = []
    const executions = new ExecutionStore()
    this.store = { events: new EventStore(executions), executions }
    this.github = new GitHubState()
    this.faultQueues = new FaultQueues()
    this.emitter = new EventEmitter()
    this.closing = new AbortController()
    this.url = ''
    this.port = 0
    this.log = log
    const handler = (
      /** @type {import('node:http').IncomingMessage} */ req,
      /** @type {import('node:http').ServerResponse} */ res
    ) => {
      this.handle(req, res).catch(error => this.fail(res, error))
    }
    this.server = tls
      ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler)
      : createHttpServer(handler)
  }

  get events() {
    return this.store.events.all
  }

  get executions() {
    return this.store.executions.all
  }

  /**
   * @param {number} port
   * @param {string} host
   * @param {boolean} tls
   */
  async listen(port, host, tls) {
    await new Promise((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(port, host, () => resolve(undefined))
    })
    const address = /** @type {import('node:net').AddressInfo} */ (this.server.address())
    this.port = address.port
    this.url = `${tls ? 'https' : 'http'}://${host}:${address.port}`
  }

  /**
   * @param {import('./types.js').RouteName} route
   * @param {import('./types.js').Fault[]} faults
   */
  fault(route, faults) {
    this.faultQueues.add(route, faults)
  }

  /** @param {import('./types.js').RouteName} [route] */
  clearFaults(route) {
    this.faultQueues.clear(route)
  }

  /** @param {import('./types.js').RouteName} route */
  pendingFaults(route) {
    return this.faultQueues.count(route)
  }

  /** @param {import('./types.js').RouteName} route */
  requestsTo(route) {
    return this.requests.filter(request => request.route === route)
  }

  /**
   * @param {import('./types.js').RouteName | ((request: import('./types.js').RecordedRequest) => boolean)} match
   * @param {number} [timeoutMs]
   * @returns {Promise<import('./types.js').RecordedRequest>}
   */
  waitForRequest(match, timeoutMs = 10000) {
    const test = typeof match === 'function' ? match : (/** @type {any} */ r) => r.route === match
    const seen = this.requests.find(test)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.emitter.off('request', listener)
        reject(new Error(`No matching request reached the emulator within ${timeoutMs} ms`))
      }, timeoutMs)
      const listener = (/** @type {import('./types.js').RecordedRequest} */ request) => {
        if (!test(request)) return
        clearTimeout(timer)
        this.emitter.off('request', listener)
        resolve(request)
      }
      this.emitter.on('request', listener)
    })
  }

  /** @param {import('./types.js').WorldOptions} [options] */
  reset(options) {
    this.world = normalizeWorld(options ?? this.startOptions)
    this.requests.length = 0
    this.store.events.clear()
    this.store.executions.all.length = 0
    this.store.executions.runSequences.clear()
    this.github.comments.length = 0
    this.github.forbidden = false
    this.github.token = undefined
    this.faultQueues.clear()
  }

  async close() {
    this.closing.abort()
    this.store.events.stop()
    await new Promise(resolve => {
      this.server.close(() => resolve(undefined))
      this.server.closeAllConnections()
    })
  }

  /**
   * @param {string} path
   * @returns {{ resolved?: Resolved, prefix: string }}
   */
  resolve(path) {
    const gateway = /^((?:\/[^/]+)*?)\/gateway(\/.*)$/.exec(path)
    if (gateway) {
      const [, prefix, rest] = gateway
      for (const [pattern, route, run] of HARNESS_ROUTES) {
        const match = pattern.exec(rest)
        if (match) {
          const param = decode(match[1] ?? '')
          return { prefix, resolved: { route, run: (c, r) => run(c, r, param) } }
        }
      }
      return {
        prefix,
        resolved: { run: () => errorReply('RESOURCE_NOT_FOUND', 'HTTP 404 Not Found') }
      }
    }
    const github = /^(?:\/api\/v3)?(\/repos\/.*)$/.exec(path)
    if (github) {
      return {
        prefix: '',
        resolved: {
          route: 'github',
          run: (_c, r) => handleGitHub(this.github, r, github[1], this.url)
        }
      }
    }
    return { prefix: '' }
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async handle(req, res) {
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://emulator')
    const { resolved, prefix } = this.resolve(url.pathname)
    /** @type {import('./types.js').RecordedRequest} */
    const request = {
      method: req.method ?? 'GET',
      path: url.pathname,
      url: req.url ?? '/',
      query: firstValues(url.searchParams),
      headers: flattenHeaders(req.headers),
      body: body.text,
      time: Date.now(),
      route: resolved?.route
    }
    this.requests.push(request)
    this.emitter.emit('request', request)

    /** @type {import('./internal.js').RouteContext} */
    const context = {
      world: this.world,
      store: this.store,
      origin: this.url,
      prefix,
      uiBaseUrl: this.world.urls.uiBaseUrl ?? `${this.url}/ng/#`
    }
    const answer = () => {
      if (body.tooLarge) return textReply(413, 'HTTP 413 Request Entity Too Large')
      if (!resolved) return textReply(404, 'Not Found')
      return resolved.run(context, request) ?? textReply(405, 'HTTP 405 Method Not Allowed')
    }
    const write = (/** @type {import('./types.js').Reply} */ reply) =>
      this.write(res, request, reply)
    const fault = resolved?.route ? this.faultQueues.take(resolved.route) : undefined
    if (fault) await playFault(fault, { res, answer, write, closing: this.closing.signal })
    else write(answer())
  }

  /**
   * @param {import('node:http').ServerResponse} res
   * @param {import('./types.js').RecordedRequest} request
   * @param {import('./types.js').Reply} reply
   */
  write(res, request, reply) {
    if (res.destroyed) return
    res.writeHead(reply.status, {
      ...reply.headers,
      'content-length': String(Buffer.byteLength(reply.body))
    })
    res.end(reply.body)
    // the route name, never the path: a v3 path holds the webhook token
    this.log?.(`${request.method} ${request.route ?? 'unknown route'} → ${reply.status}`)
  }

  /**
   * A bug in the emulator answers 500 instead of leaving the client hanging.
   * @param {import('node:http').ServerResponse} res
   * @param {unknown} error
   */
  fail(res, error) {
    if (res.headersSent || res.destroyed) return
    const message = error instanceof Error ? error.message : String(error)
    const body = JSON.stringify(errorBody('UNKNOWN_ERROR', `Emulator error: ${message}`))
    res.writeHead(500, { 'content-type': 'application/json' })
    res.end(body)
  }
}

/**
 * Starts the emulator on 127.0.0.1 (any free port unless `options.port`).
 * @param {import('./types.js').EmulatorOptions} [options]
 * @returns {Promise<import('./types.js').Emulator>}
 */
export async function startEmulator(options = {}) {
  const emulator = new HarnessEmulator(options)
  await emulator.listen(options.port ?? 0, options.host ?? '127.0.0.1', Boolean(options.tls))
  return emulator
}
