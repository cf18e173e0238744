export interface ImageReference {
  /** registry/path without tag or digest, e.g. `ghcr.io/acme/api` or `localhost:5000/api` */
  image: string
  tag?: string
  /** `sha256:…` */
  digest?: string
}

/** Splits `ghcr.io/acme/api:1.4.2@sha256:…`; a `:` before the last `/` is a registry port, not a tag. */
export function splitImageReference(reference: string): ImageReference {
  void reference
  throw new Error('not implemented')
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
  /** true when image or tag came from the `image`/`tag` inputs (these override `payload`) */
  imageFromInput: boolean
  tagFromInput: boolean
}

/**
 * First match wins, per ../shared/interface.md: inputs (a tag inside a full image input counts as
 * given), build-outputs (`image`, `tag`, `digest` and their usual spellings), docker/metadata-action's
 * environment, and for the tag alone the commit SHA.
 */
export function resolveImage(sources: ImageSources): ResolvedImage {
  void sources
  throw new Error('not implemented')
}
