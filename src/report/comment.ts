import { createHash } from 'node:crypto'
import type { TriggerIds } from '../harness/urls.js'
import { cutImageReference } from '../core/image.js'

/** GitHub refuses issue comment bodies longer than this. */
export const MAX_COMMENT_CHARS = 65_536

const MARKER_PREFIX = '<!-- harness-trigger:deployment:'
const MARKER_SUFFIX = ' -->'
const TRUNCATION_NOTE = '\n\n_(cut short: GitHub limits a comment to 65,536 characters)_'

/**
 * The image path that names a deployment: no tag, no digest, lower case. Later pushes of the same
 * image (new tags) thus update the same comment, while matrix legs with other images get their own.
 */
export function imagePath(image: string | undefined): string {
  if (!image) return ''
  return cutImageReference(image.trim()).name.toLowerCase()
}

/**
 * A stable key for one deployment: (account, org, project, pipeline, trigger, image path), hashed so
 * that the hidden marker is short, reveals nothing and cannot be broken by odd characters.
 */
export function deploymentKey(ids: TriggerIds, image: string | undefined): string {
  const parts = [ids.accountId, ids.orgId, ids.projectId, ids.pipelineId, ids.triggerId]
  return createHash('sha256')
    .update(JSON.stringify([...parts, imagePath(image)]))
    .digest('hex')
    .slice(0, 32)
}

/** The hidden HTML comment that lets a later run find this deployment's PR comment again. */
export function commentMarker(ids: TriggerIds, image: string | undefined): string {
  return `${MARKER_PREFIX}${deploymentKey(ids, image)}${MARKER_SUFFIX}`
}

/** The whole comment: marker first, then the text, cut at a line end if it would be too long. */
export function commentBody(marker: string, text: string): string {
  const room = MAX_COMMENT_CHARS - marker.length - 1
  if (text.length <= room) return `${marker}\n${text}`
  const limit = room - TRUNCATION_NOTE.length
  const lineEnd = text.lastIndexOf('\n', limit)
  const kept = text.slice(0, lineEnd > 0 ? lineEnd : limit)
  return `${marker}\n${kept}${TRUNCATION_NOTE}`
}

/** The fields of a listed issue comment that matter for finding ours. */
export interface ListedComment {
  id: number
  body?: string | null
  user?: { type?: string } | null
}

/**
 * The comment that carries `marker`. Should several carry it (someone copied one by hand), the one
 * written by a bot is ours, and of those the oldest: the one earlier runs have been updating.
 */
export function pickMarkedComment<T extends ListedComment>(
  comments: readonly T[],
  marker: string
): T | undefined {
  const marked = comments.filter(comment => comment.body?.includes(marker))
  return marked.find(comment => comment.user?.type === 'Bot') ?? marked[0]
}
