import { shorten } from '../harness/plain.js'
import { SettingError } from '../harness/setting-error.js'
import { Setting } from './names.js'

export interface ImageReference {
  /** registry/path without tag or digest, e.g. `ghcr.io/acme/api` or `localhost:5000/api` */
  image: string
  tag?: string
  /** `sha256:…` */
  digest?: string
}

/** Docker's tag rule. */
export const TAG_PATTERN = /^[\w][\w.-]{0,127}$/
export const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/
/** A registry host (name, IPv4 or bracketed IPv6) with an optional port. */
const REGISTRY_PATTERN =
  /^(?:(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?:\.(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))*|\[[A-Fa-f0-9:.]+\])(?::\d{1,5})?$/
/** One lower-case path component: alphanumerics joined by `.`, `_`, `__` or runs of `-`. */
const PATH_COMPONENT_PATTERN = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const MAX_NAME_LENGTH = 255

/**
 * The parts of `name[:tag][@digest]` as written, unchecked: a `:` before the last `/` is a
 * registry port, not a tag. The one place a reference is cut into its parts.
 */
export function cutImageReference(text: string): { name: string; tag?: string; digest?: string } {
  const at = text.indexOf('@')
  const nameAndTag = at < 0 ? text : text.slice(0, at)
  const digest = at < 0 ? undefined : text.slice(at + 1)
  const colon = nameAndTag.lastIndexOf(':')
  const hasTag = colon > nameAndTag.lastIndexOf('/')
  return {
    name: hasTag ? nameAndTag.slice(0, colon) : nameAndTag,
    ...(hasTag ? { tag: nameAndTag.slice(colon + 1) } : {}),
    ...(digest === undefined ? {} : { digest })
  }
}

/**
 * Splits and checks `ghcr.io/acme/api:1.4.2@sha256:…` (see cutImageReference).
 * The first component is a registry when it has a `.` or `:` or is `localhost` (Docker's rule).
 * A malformed reference throws a plain Error whose message says what is wrong (without the
 * reference, so callers can prefix the input's name and decide whether to show the value).
 */
export function splitImageReference(reference: string): ImageReference {
  const text = reference.trim()
  if (text === '') throw new Error('the image reference is empty')
  const { name: image, tag, digest } = cutImageReference(text)
  if (digest !== undefined && !DIGEST_PATTERN.test(digest)) {
    throw new Error('the digest after @ must be sha256: followed by 64 lower-case hex digits')
  }
  if (tag !== undefined && !TAG_PATTERN.test(tag)) throw new Error(TAG_RULE_PROBLEM)
  checkImageName(image)
  return {
    image,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest })
  }
}

const TAG_RULE_PROBLEM =
  'a tag must be a letter, digit or _ followed by up to 127 letters, digits, _, . or -'

function checkImageName(image: string): void {
  if (image === '') throw new Error('the image name is empty')
  if (image.length > MAX_NAME_LENGTH) {
    throw new Error(`the image name is longer than ${MAX_NAME_LENGTH} characters`)
  }
  const components = image.split('/')
  const first = components[0]
  const hasRegistry = components.length > 1 && (/[.:]/.test(first) || first === 'localhost')
  if (hasRegistry && !REGISTRY_PATTERN.test(first)) {
    throw new Error('the registry part must be a host name with an optional :port')
  }
  const path = hasRegistry ? components.slice(1) : components
  for (const component of path) {
    if (PATH_COMPONENT_PATTERN.test(component)) continue
    if (PATH_COMPONENT_PATTERN.test(component.toLowerCase())) {
      throw new Error('the repository path must be lower-case (registries reject upper-case names)')
    }
    throw new Error(
      'each part of the repository path must be lower-case letters and digits, separated by ., _, __ or -'
    )
  }
}

export interface ImageSources {
  imageInput?: string
  tagInput?: string
  /** the parsed `build-outputs` object */
  buildOutputs?: Record<string, unknown>
  /** `DOCKER_METADATA_OUTPUT_JSON` / `DOCKER_METADATA_OUTPUT_VERSION` from docker/metadata-action */
  dockerMetadataJson?: string
  dockerMetadataVersion?: string
  /** `GITHUB_SHA` */
  sha?: string
}

export type ImageSourceName = 'input' | 'build-outputs' | 'docker/metadata-action' | 'commit SHA'

export interface ResolvedImage {
  image?: string
  tag?: string
  digest?: string
  imageSource?: ImageSourceName
  tagSource?: ImageSourceName
  /** where the digest came from: the source of the image, else of the tag (never another build's) */
  digestSource?: ImageSourceName
  /** true when image or tag came from the `image`/`tag` inputs (these override `payload`) */
  imageFromInput: boolean
  tagFromInput: boolean
}

/** What one source says; any field may be missing. */
interface Candidate {
  image?: string
  tag?: string
  digest?: string
}

/**
 * First match wins, per ../shared/interface.md: inputs (a tag inside a full image input counts as
 * given), build-outputs (`image`, `tag`, `digest` and their usual spellings), docker/metadata-action's
 * environment, and for the tag alone the commit SHA. Image and tag are each taken from the first
 * source that has one, so they may come from different sources; a digest is taken from the image's
 * source, else from the tag's.
 *
 * Malformed `image`, `tag` or `build-outputs` values are InputErrors; so is a `tag` input that
 * disagrees with the tag inside the `image` input. docker/metadata-action's environment is not
 * ours to validate: when it does not parse, it is skipped.
 */
export function resolveImage(sources: ImageSources): ResolvedImage {
  const ordered: Array<[ImageSourceName, Candidate]> = [
    ['input', fromInputs(sources.imageInput, sources.tagInput)],
    ['build-outputs', fromBuildOutputs(sources.buildOutputs)],
    [
      'docker/metadata-action',
      fromDockerMetadata(sources.dockerMetadataJson, sources.dockerMetadataVersion)
    ],
    ['commit SHA', { tag: nonEmpty(sources.sha) }]
  ]
  const image = firstWith(ordered, 'image')
  const tag = firstWith(ordered, 'tag')
  const digest = digestBeside(ordered, [image?.source, tag?.source])
  return {
    ...(image && { image: image.value, imageSource: image.source }),
    ...(tag && { tag: tag.value, tagSource: tag.source }),
    ...(digest && { digest: digest.value, digestSource: digest.source }),
    imageFromInput: image?.source === 'input',
    tagFromInput: tag?.source === 'input'
  }
}

function firstWith(
  ordered: Array<[ImageSourceName, Candidate]>,
  field: keyof Candidate
): { value: string; source: ImageSourceName } | undefined {
  for (const [source, candidate] of ordered) {
    const value = candidate[field]
    if (value !== undefined) return { value, source }
  }
  return undefined
}

/** A digest only counts beside the image (else the tag) it was found with: never another build's. */
function digestBeside(
  ordered: Array<[ImageSourceName, Candidate]>,
  sources: Array<ImageSourceName | undefined>
): { value: string; source: ImageSourceName } | undefined {
  for (const source of sources) {
    const value = ordered.find(([name]) => name === source)?.[1].digest
    if (source !== undefined && value !== undefined) return { value, source }
  }
  return undefined
}

function fromInputs(imageInput: string | undefined, tagInput: string | undefined): Candidate {
  const reference = nonEmpty(imageInput)
  const split = reference === undefined ? undefined : splitOrFail(Setting.Image, reference)
  const tag = nonEmpty(tagInput)
  if (tag !== undefined && !TAG_PATTERN.test(tag)) {
    throw new SettingError(Setting.Tag, `${TAG_RULE_PROBLEM}; got '${shorten(tag, 81)}'`)
  }
  if (tag !== undefined && split?.tag !== undefined && split.tag !== tag) {
    throw new SettingError(
      Setting.Tag,
      `'${tag}' disagrees with the tag '${split.tag}' inside the image input; give the tag in one place only`
    )
  }
  return { ...split, tag: tag ?? split?.tag }
}

function splitOrFail(
  input: string,
  reference: string,
  what = 'an image reference'
): ImageReference {
  try {
    return splitImageReference(reference)
  } catch (error) {
    throw new SettingError(
      input,
      `expected ${what} such as ghcr.io/acme/api, ghcr.io/acme/api:1.4.2 or localhost:5000/app@sha256:<64 hex>; ` +
        `${(error as Error).message}; got '${shorten(reference, 81)}'`
    )
  }
}

/** Key spellings in build outputs, compared lower-cased with `-` and `_` removed. */
const IMAGE_KEYS = ['image', 'imagename', 'imageref']
const TAG_KEYS = ['tag', 'imagetag']
const VERSION_KEYS = ['version']
const TAGS_KEYS = ['tags']
/** `imageid` is the local image ID, not a registry digest, so it is deliberately absent. */
const DIGEST_KEYS = ['digest', 'imagedigest']

/**
 * Keys match ignoring case, `-` and `_`. The image is the `image` key, else the first entry of
 * `tags`; the tag is the `tag` key, else the tag inside the `image` key, else `version`, else the
 * first entry's tag. An explicit key and the reference in `image` must agree.
 */
function fromBuildOutputs(outputs: Record<string, unknown> | undefined): Candidate {
  if (!outputs) return {}
  const value = keyReader(outputs)
  const imageKey = value(IMAGE_KEYS)
  const listed = imageKey ? undefined : firstListedReference(value(TAGS_KEYS))
  const reference = imageKey ?? listed
  const split = reference
    ? splitOrFail(
        Setting.BuildOutputs,
        reference.value,
        `key '${reference.key}' to hold an image reference`
      )
    : undefined
  // A tag written in an `image` key counts as given; the first of a `tags` list comes last.
  const tagInImageKey = imageKey ? split?.tag : undefined
  const tagInList =
    listed && split?.tag !== undefined ? { key: listed.key, value: split.tag } : undefined
  const tag =
    agreed('tag', value(TAG_KEYS), tagInImageKey, imageKey?.key) ?? value(VERSION_KEYS) ?? tagInList
  if (tag && !TAG_PATTERN.test(tag.value)) {
    throw new SettingError(
      Setting.BuildOutputs,
      `key '${tag.key}': ${TAG_RULE_PROBLEM}; got '${shorten(tag.value, 81)}'`
    )
  }
  const digestKey = value(DIGEST_KEYS)
  if (digestKey && !DIGEST_PATTERN.test(digestKey.value)) {
    throw new SettingError(
      Setting.BuildOutputs,
      `key '${digestKey.key}': expected sha256: followed by 64 lower-case hex digits; got '${shorten(digestKey.value, 81)}'`
    )
  }
  const digest = agreed('digest', digestKey, split?.digest, reference?.key)
  return { image: split?.image, tag: tag?.value, digest: digest?.value }
}

interface KeyedValue {
  key: string
  value: string
}

/** Looks up the first present alias; empty strings (an unset job output) count as absent. */
function keyReader(
  outputs: Record<string, unknown>
): (aliases: string[]) => KeyedValue | undefined {
  const byAlias = new Map<string, KeyedValue>()
  for (const [key, raw] of Object.entries(outputs)) {
    const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
    const alias = key.toLowerCase().replace(/[-_]/g, '')
    if (value !== '' && !byAlias.has(alias)) byAlias.set(alias, { key, value })
  }
  return aliases => aliases.map(alias => byAlias.get(alias)).find(found => found !== undefined)
}

/** An explicit key and the same part of the image reference must not say different things. */
function agreed(
  what: string,
  explicit: KeyedValue | undefined,
  fromReference: string | undefined,
  referenceKey: string | undefined
): KeyedValue | undefined {
  if (explicit && fromReference !== undefined && explicit.value !== fromReference) {
    throw new SettingError(
      Setting.BuildOutputs,
      `key '${explicit.key}' says ${what} '${shorten(explicit.value, 81)}' but key '${referenceKey}' holds '${shorten(fromReference, 81)}'; they must agree`
    )
  }
  if (explicit) return explicit
  return fromReference === undefined || referenceKey === undefined
    ? undefined
    : { key: referenceKey, value: fromReference }
}

/**
 * docker/metadata-action's `tags` is a newline- (or comma-) separated list of full references. A
 * first entry without `:tag` is not such a list (perhaps bare tag names), so it is not used.
 */
function firstListedReference(list: KeyedValue | undefined): KeyedValue | undefined {
  if (!list) return undefined
  const first = list.value
    .split(/[\n,]/)
    .map(item => item.trim())
    .find(item => item !== '')
  if (first === undefined) return undefined
  return cutImageReference(first).tag !== undefined ? { key: list.key, value: first } : undefined
}

function fromDockerMetadata(json: string | undefined, version: string | undefined): Candidate {
  const firstReference = firstDockerMetadataTag(json)
  const versionTag = nonEmpty(version)
  const tag =
    versionTag !== undefined && TAG_PATTERN.test(versionTag) ? versionTag : firstReference?.tag
  return { image: firstReference?.image, tag }
}

function firstDockerMetadataTag(json: string | undefined): ImageReference | undefined {
  if (!nonEmpty(json)) return undefined
  try {
    const parsed: unknown = JSON.parse(json as string)
    const tags = (parsed as { tags?: unknown } | null)?.tags
    const first = Array.isArray(tags) ? tags.find(item => typeof item === 'string') : undefined
    return typeof first === 'string' ? splitImageReference(first) : undefined
  } catch {
    // Not our input: another step's output we cannot read is a source we skip.
    return undefined
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}
