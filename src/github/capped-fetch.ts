/**
 * A `fetch` for Octokit that reads every answer itself, up to a byte cap, before Octokit sees it.
 * Octokit would read any body whole into memory (a 1 GB or endless answer took 2 GB), and it
 * swallows a failed body read into an empty text; failing the fetch instead gives a message that
 * says the answer was too large.
 */

export const GITHUB_ANSWER_LIMIT = 4 * 1024 * 1024

/** The answer was larger than the cap: reading stopped there. */
export class AnswerTooLarge extends Error {
  constructor(limit: number) {
    super(`GitHub's answer is larger than ${limit / (1024 * 1024)} MiB; stopped reading it`)
    this.name = 'AnswerTooLarge'
  }
}

type Fetch = typeof globalThis.fetch

/** Statuses whose Response may not carry a body. */
const NO_BODY = new Set([101, 103, 204, 205, 304])

export function cappedFetch(fetch: Fetch, limit = GITHUB_ANSWER_LIMIT): Fetch {
  return async (input, init) => {
    const response = await fetch(input, init)
    const body = await readCapped(response, limit)
    return new Response(NO_BODY.has(response.status) ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers
    })
  }
}

async function readCapped(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(response.headers.get('content-length')) > limit) {
    await response.body?.cancel().catch(() => undefined)
    throw new AnswerTooLarge(limit)
  }
  if (!response.body) return new Uint8Array(new ArrayBuffer(0))
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      throw new AnswerTooLarge(limit)
    }
    chunks.push(value)
  }
  const whole = new Uint8Array(new ArrayBuffer(size))
  let at = 0
  for (const chunk of chunks) {
    whole.set(chunk, at)
    at += chunk.byteLength
  }
  return whole
}
