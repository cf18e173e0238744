import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import { SettingError } from '../src/harness/setting-error.js'
import { IDENTIFIER_PATTERN, checkIdentifier } from '../src/harness/identifiers.js'
import { buildWebhookUrl, normalizeHarnessUrl, parseWebhookUrl } from '../src/harness/urls.js'
import { MAX_DURATION_MS, formatDuration, parseDuration } from '../src/core/duration.js'
import { splitImageReference } from '../src/core/image.js'
import { buildBody, type BodyLayers } from '../src/core/body.js'

/** What a call returned or threw, so a property can check both without a conditional expect. */
function attempt<T>(action: () => T): { value?: T; error?: unknown } {
  try {
    return { value: action() }
  } catch (error) {
    return { error }
  }
}

/** The message of a SettingError, `''` when nothing was thrown, and a marker for anything else. */
function inputErrorMessage(error: unknown): string {
  if (error === undefined) return ''
  return error instanceof SettingError ? error.message : `not a SettingError: ${String(error)}`
}

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_$]{0,127}$/)
const accountId = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/)
/** Harness tokens are 22 characters; long enough never to show up in a message by chance. */
const token = fc.stringMatching(/^[A-Za-z0-9_-]{22}$/)

const RESERVED_SEGMENTS = [
  'gateway',
  'ng',
  'api',
  'pipeline',
  'account',
  'webhook',
  'custom',
  'webhooks'
]
const prefixSegment = fc
  .stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/)
  .filter(segment => !RESERVED_SEGMENTS.includes(segment))
const publicHost = fc
  .tuple(
    fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('io', 'com', 'example')
  )
  .map(([labels, tld]) => [...labels, tld].join('.'))
const origin = fc.oneof(
  fc
    .tuple(publicHost, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }))
    .map(([host, port]) => `https://${host}${port === undefined ? '' : `:${port}`}`),
  fc
    .tuple(
      fc.constantFrom('localhost', '127.0.0.1', '127.8.9.10', '[::1]'),
      fc.integer({ min: 1, max: 65535 })
    )
    .map(([host, port]) => `http://${host}:${port}`)
)
const harnessUrl = fc
  .tuple(origin, fc.array(prefixSegment, { maxLength: 2 }), fc.boolean(), fc.boolean())
  .map(
    ([base, prefix, withGateway, trailingSlash]) =>
      base +
      prefix.map(segment => `/${segment}`).join('') +
      (withGateway ? '/gateway' : '') +
      (trailingSlash ? '/' : '')
  )
const triggerIds = fc.record({
  accountId,
  orgId: identifier,
  projectId: identifier,
  pipelineId: identifier,
  triggerId: identifier
})

describe('webhook URLs', () => {
  it('parse reads back what build wrote, v2 and v3, with prefixes and loopback origins', () => {
    fc.assert(
      fc.property(
        harnessUrl,
        triggerIds,
        fc.option(token, { nil: undefined }),
        (base, ids, webhookToken) => {
          const endpoint = normalizeHarnessUrl(base)
          const parsed = parseWebhookUrl(buildWebhookUrl(endpoint, ids, webhookToken))
          expect(parsed).toEqual({
            endpoint,
            version: webhookToken === undefined ? 'v2' : 'v3',
            ...(webhookToken === undefined ? {} : { webhookToken }),
            ...ids
          })
        }
      )
    )
  })

  /** Ways to spoil a good v3 URL, each a plausible paste or edit mistake. */
  const spoilers: Array<(url: string, secret: string) => string> = [
    url => url.replace('https://', 'http://'),
    url => url.replace(/^https?:\/\//, 'ftp://'),
    url => `${url}#section`,
    url => url.replace('/v3?', '/v4?'),
    url => url.replace('/v3?', '?'),
    url => url.replace('/pipeline/api/webhook/custom/', '/api/webhooks/'),
    url => url.replace('accountIdentifier=', 'accountId='),
    url => url.replace('pipelineIdentifier=', 'pipelineIdentifier=-'),
    (url, secret) => url.replace(`/${secret}/`, `/${secret}%2F/`),
    (url, secret) => url.replace('://', `://user:${secret}@`),
    (url, secret) => url.replace(/^https?:\/\//, '').replace(secret, `${secret} `),
    url => url.slice(0, Math.floor(url.length / 2))
  ]

  it('parse throws only InputErrors that never contain the token or the URL', () => {
    fc.assert(
      fc.property(
        harnessUrl,
        triggerIds,
        token,
        fc.array(fc.integer({ min: 0, max: spoilers.length - 1 }), { maxLength: 3 }),
        (base, ids, secret, picks) => {
          const url = picks.reduce(
            (spoiled, pick) => spoilers[pick](spoiled, secret),
            buildWebhookUrl(normalizeHarnessUrl(base), ids, secret)
          )
          const { error } = attempt(() => parseWebhookUrl(url))
          const message = inputErrorMessage(error)
          expect(message).not.toMatch(/^not a SettingError/)
          expect(message).not.toContain(secret)
          expect(message).not.toContain(url)
          expect(message === '' || message.startsWith("'webhook-url': ")).toBe(true)
        }
      )
    )
  })

  it('parse throws only InputErrors for any text at all', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })),
        text => {
          const message = inputErrorMessage(attempt(() => parseWebhookUrl(text)).error)
          expect(message).not.toMatch(/^not a SettingError/)
          // Shorter texts (`:`) may occur in the fixed wording by chance.
          const echoed = text.trim().length >= 20 && message.includes(text.trim())
          expect(echoed).toBe(false)
        }
      )
    )
  })
})

describe('identifiers', () => {
  const identifierAlphabet = fc.constantFrom(...'aZ_$09-. \t'.split(''))
  const candidate = fc.oneof(
    identifier,
    fc.string(),
    fc.string({ unit: identifierAlphabet, maxLength: 140 }),
    fc
      .tuple(fc.constantFrom(' ', '', '\n'), identifier, fc.constantFrom(' ', '', '\t'))
      .map(parts => parts.join(''))
  )

  it('checkIdentifier accepts exactly what the pattern accepts, trimmed', () => {
    fc.assert(
      fc.property(candidate, value => {
        const expected = IDENTIFIER_PATTERN.test(value.trim())
        const outcome = attempt(() => checkIdentifier('pipeline-id', value))
        expect(outcome.value).toBe(expected ? value.trim() : undefined)
        expect(inputErrorMessage(outcome.error)).not.toMatch(/^not a SettingError/)
      })
    )
  })
})

describe('durations', () => {
  const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const

  it('reads whole units', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('h', 'm', 's', 'ms'),
        fc.integer({ min: 1, max: 1_000_000 }),
        (unit, count) => {
          const ms = count * UNIT_MS[unit as keyof typeof UNIT_MS]
          fc.pre(ms <= MAX_DURATION_MS)
          expect(parseDuration('timeout', `${count}${unit}`)).toBe(ms)
        }
      )
    )
  })

  it('reads back what it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DURATION_MS }), ms => {
        expect(parseDuration('timeout', formatDuration(ms))).toBe(ms)
      })
    )
  })
})

describe('image references', () => {
  const component = fc
    .stringMatching(/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/)
    .filter(part => part.length <= 30)
  const registry = fc.oneof(
    fc.constantFrom('ghcr.io', 'localhost', 'registry.example.com', '127.0.0.1', '[::1]'),
    publicHost
  )
  const reference = fc.record({
    registry: fc.option(
      fc.tuple(registry, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined })),
      {
        nil: undefined
      }
    ),
    path: fc.array(component, { minLength: 1, maxLength: 4 }),
    tag: fc.option(fc.stringMatching(/^[\w][\w.-]{0,127}$/), { nil: undefined }),
    digest: fc.option(
      fc.stringMatching(/^[a-f0-9]{64}$/).map(hex => `sha256:${hex}`),
      { nil: undefined }
    )
  })

  it('split returns the parts a reference was composed of', () => {
    fc.assert(
      fc.property(reference, ({ registry: host, path, tag, digest }) => {
        const domain =
          host === undefined ? undefined : host[0] + (host[1] === undefined ? '' : `:${host[1]}`)
        const image = [...(domain === undefined ? [] : [domain]), ...path].join('/')
        // A bare first component that looks like a registry would be read as one (Docker's rule).
        fc.pre(
          domain !== undefined ||
            path.length === 1 ||
            (!/[.:]/.test(path[0]) && path[0] !== 'localhost')
        )
        fc.pre(image.length <= 255)
        const text =
          image + (tag === undefined ? '' : `:${tag}`) + (digest === undefined ? '' : `@${digest}`)
        expect(splitImageReference(text)).toEqual({
          image,
          ...(tag === undefined ? {} : { tag }),
          ...(digest === undefined ? {} : { digest })
        })
      })
    )
  })
})

describe('body layering', () => {
  const small = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean())
  const key = fc.oneof(
    fc.constantFrom('image', 'tag', 'digest', 'github', 'env'),
    fc.string({ maxLength: 6 })
  )
  const maybe = fc.option(fc.stringMatching(/^[a-z0-9.:/-]{1,12}$/), { nil: undefined })
  const layers = fc.record({
    context: fc.option(
      fc.record({
        key: fc.constant('github'),
        value: fc.record({
          repository: fc.string({ maxLength: 8 }),
          sha: fc.string({ maxLength: 8 })
        }),
        branch: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined })
      }),
      { nil: undefined }
    ),
    derived: fc.record({ image: maybe, tag: maybe, digest: maybe }),
    payload: fc.option(fc.dictionary(key, small, { maxKeys: 6 }), { nil: undefined }),
    inputs: fc.record({ image: maybe, tag: maybe, digest: maybe })
  })

  /** The value each layer gives a key, last layer first; undefined when none does. */
  function expectedValue(layer: BodyLayers, name: string): unknown {
    const inputs = new Map(Object.entries(layer.inputs).filter(([, value]) => value !== undefined))
    const payload = new Map(Object.entries(layer.payload ?? {}))
    const derived = new Map(
      Object.entries(layer.derived).filter(([, value]) => value !== undefined)
    )
    const context = new Map<string, unknown>(
      layer.context
        ? [
            [layer.context.key, layer.context.value],
            ...(layer.context.branch ? [['branch', layer.context.branch] as const] : [])
          ]
        : []
    )
    for (const source of [inputs, payload, derived, context]) {
      if (source.has(name)) return source.get(name)
    }
    return undefined
  }

  function expectedBody(layer: BodyLayers): Record<string, unknown> {
    const names = new Set([
      ...Object.keys(layer.inputs),
      ...Object.keys(layer.payload ?? {}),
      ...Object.keys(layer.derived),
      ...(layer.context ? [layer.context.key] : []),
      ...(layer.context?.branch ? ['branch'] : [])
    ])
    // fromEntries defines keys as data, so a generated `__proto__` key stays a key.
    return Object.fromEntries(
      [...names]
        .map(name => [name, expectedValue(layer, name)] as const)
        .filter(([, value]) => value !== undefined)
    )
  }

  function conflicts(layer: BodyLayers): boolean {
    return (['image', 'tag', 'digest'] as const).some(
      name =>
        layer.inputs[name] !== undefined &&
        layer.payload !== undefined &&
        Object.hasOwn(layer.payload, name) &&
        layer.payload[name] !== layer.inputs[name]
    )
  }

  it('each layer overrides the one before, and disagreeing inputs are refused', () => {
    fc.assert(
      fc.property(layers, layer => {
        const outcome = attempt(() => buildBody(layer))
        expect(outcome.error instanceof SettingError).toBe(conflicts(layer))
        expect(outcome.value).toEqual(conflicts(layer) ? undefined : expectedBody(layer))
      })
    )
  })
})
