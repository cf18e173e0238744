// Scripted misbehaviour: per route, a queue of faults, each used by one request in order.
import { setTimeout as delay } from 'node:timers/promises'

const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Harness</title></head>' +
  '<body><h1>We will be back soon</h1><p>Scheduled maintenance.</p></body></html>\n'

export class FaultQueues {
  constructor() {
    /** @type {Map<import('./types.js').RouteName, Array<{ fault: import('./types.js').Fault, left: number }>>} */
    this.queues = new Map()
  }

  /**
   * @param {import('./types.js').RouteName} route
   * @param {import('./types.js').Fault[]} faults
   */
  add(route, faults) {
    const entries = faults.map(fault => ({ fault, left: fault.times ?? 1 }))
    this.queues.set(route, [...(this.queues.get(route) ?? []), ...entries])
  }

  /** @param {import('./types.js').RouteName} route the next fault; one with `times` stays until used up */
  take(route) {
    const queue = this.queues.get(route)
    const first = queue?.[0]
    if (!queue || !first) return undefined
    first.left -= 1
    if (first.left <= 0) queue.shift()
    return first.fault
  }

  /** @param {import('./types.js').RouteName} route requests the queue will still serve */
  count(route) {
    return (this.queues.get(route) ?? []).reduce((sum, entry) => sum + entry.left, 0)
  }

  /** @param {import('./types.js').RouteName} [route] */
  clear(route) {
    if (route) this.queues.delete(route)
    else this.queues.clear()
  }
}

/**
 * The answer a `status` fault asks for: a string body as is, anything else as JSON.
 * @param {import('./types.js').Fault} fault
 * @returns {import('./types.js').Reply}
 */
function rawReply(fault) {
  const text = typeof fault.body === 'string' || fault.body === undefined
  const body = text
    ? (/** @type {string | undefined} */ (fault.body) ?? '')
    : JSON.stringify(fault.body)
  const type = text ? 'text/plain; charset=utf-8' : 'application/json'
  return {
    status: /** @type {number} */ (fault.status),
    body,
    headers: { 'content-type': type, ...fault.headers }
  }
}

/**
 * Streams a JSON-looking body of exactly `bytes` bytes, without content-length, honouring
 * back-pressure; stops when the client goes away.
 * @param {import('node:http').ServerResponse} res
 * @param {number} bytes
 * @param {number} status
 */
async function streamHuge(res, bytes, status) {
  res.writeHead(status, { 'content-type': 'application/json' })
  const head = '{"status":"SUCCESS","data":"'
  const tail = '"}'
  const filler = Math.max(0, bytes - head.length - tail.length)
  const chunk = 'x'.repeat(64 * 1024)
  if (!res.write(head)) await drained(res)
  for (let left = filler; left > 0 && !res.destroyed; left -= chunk.length) {
    if (!res.write(left >= chunk.length ? chunk : chunk.slice(0, left))) await drained(res)
  }
  if (!res.destroyed) res.end(tail)
}

/** @param {import('node:http').ServerResponse} res */
function drained(res) {
  return new Promise(resolve => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve(undefined)
    }
    res.once('drain', done)
    res.once('close', done)
  })
}

/**
 * Plays one fault on a request.
 * @param {import('./types.js').Fault} fault
 * @param {{ res: import('node:http').ServerResponse, answer: () => import('./types.js').Reply,
 *   write: (reply: import('./types.js').Reply) => void, closing: AbortSignal }} io
 *   `answer` computes the route's normal answer (with its side effects)
 */
export async function playFault(fault, io) {
  const normal = fault.afterHandling ? io.answer() : undefined
  if (fault.delayMs) {
    const aborted = await delay(fault.delayMs, false, { signal: io.closing }).catch(() => true)
    if (aborted) return
  }
  if (fault.reset) {
    io.res.socket?.destroy()
  } else if (fault.hang) {
    // never answer; close() drops the connection
  } else if (fault.huge !== undefined) {
    await streamHuge(io.res, fault.huge, fault.status ?? 200)
  } else if (fault.notJson) {
    io.write({
      status: fault.status ?? 200,
      body: HTML_PAGE,
      headers: { 'content-type': 'text/html; charset=utf-8', ...fault.headers }
    })
  } else if (fault.redirect !== undefined) {
    io.write({
      status: fault.status ?? 302,
      body: '',
      headers: { location: fault.redirect, ...fault.headers }
    })
  } else if (fault.status !== undefined) {
    io.write(rawReply(fault))
  } else {
    io.write(normal ?? io.answer())
  }
}
