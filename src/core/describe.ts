import type { Settings } from './settings.js'

/** One log line that says what is about to be fired, without any secret. */
export function describeTarget(settings: Settings): string {
  const { ids, endpoint, image, webhookVersion } = settings
  const artifact = [
    image.image ? `image ${image.image} (${image.imageSource})` : 'no image',
    image.tag ? `tag ${image.tag} (${image.tagSource})` : 'no tag',
    image.digest ? `digest ${image.digest}` : undefined
  ]
    .filter(Boolean)
    .join(', ')
  return (
    `Firing trigger '${ids.triggerId}' of pipeline '${ids.pipelineId}' ` +
    `(${ids.orgId}/${ids.projectId}) at ${endpoint.origin} through the ${webhookVersion} webhook; ${artifact}.`
  )
}
