import { describe, expect, it } from '@jest/globals'
import {
  MAX_COMMENT_CHARS,
  commentBody,
  commentMarker,
  deploymentKey,
  imagePath,
  pickMarkedComment,
  type ListedComment
} from '../src/report/comment.js'
import type { TriggerIds } from '../src/harness/urls.js'

const ids: TriggerIds = {
  accountId: 'Ab1-x_Z9',
  orgId: 'default',
  projectId: 'Shop',
  pipelineId: 'deploy_api',
  triggerId: 'on_build'
}

describe('imagePath', () => {
  it.each([
    ['ghcr.io/acme/api:1.4.2', 'ghcr.io/acme/api'],
    ['ghcr.io/acme/api@sha256:' + 'a'.repeat(64), 'ghcr.io/acme/api'],
    ['ghcr.io/acme/api:1.4.2@sha256:' + 'b'.repeat(64), 'ghcr.io/acme/api'],
    ['localhost:5000/api', 'localhost:5000/api'],
    ['localhost:5000/api:pr-7', 'localhost:5000/api'],
    ['  GHCR.io/Acme/API  ', 'ghcr.io/acme/api'],
    ['nginx', 'nginx']
  ])('%s → %s', (image, expected) => {
    expect(imagePath(image)).toBe(expected)
  })

  it('is empty without an image', () => {
    expect(imagePath(undefined)).toBe('')
    expect(imagePath('')).toBe('')
  })
})

describe('deploymentKey', () => {
  it('is the same for every tag and digest of one image, so later pushes update one comment', () => {
    const first = deploymentKey(ids, 'ghcr.io/acme/api:pr-7-abc1234')
    expect(deploymentKey(ids, 'ghcr.io/acme/api:pr-7-def5678')).toBe(first)
    expect(deploymentKey(ids, 'ghcr.io/acme/api')).toBe(first)
    expect(deploymentKey({ ...ids }, 'ghcr.io/acme/api@sha256:' + 'c'.repeat(64))).toBe(first)
  })

  it('differs per image, so matrix legs each own a comment', () => {
    expect(deploymentKey(ids, 'ghcr.io/acme/api')).not.toBe(
      deploymentKey(ids, 'ghcr.io/acme/worker')
    )
    expect(deploymentKey(ids, 'ghcr.io/acme/api')).not.toBe(deploymentKey(ids, undefined))
  })

  it.each(['accountId', 'orgId', 'projectId', 'pipelineId', 'triggerId'] as const)(
    'differs when %s differs',
    field => {
      const other = { ...ids, [field]: `${ids[field]}2` }
      expect(deploymentKey(other, 'ghcr.io/acme/api')).not.toBe(
        deploymentKey(ids, 'ghcr.io/acme/api')
      )
    }
  )

  it('cannot be made equal by moving text between fields', () => {
    const shifted = { ...ids, pipelineId: 'deploy', triggerId: '_apion_build' }
    const original = { ...ids, pipelineId: 'deploy_api', triggerId: 'on_build' }
    expect(deploymentKey(shifted, undefined)).not.toBe(deploymentKey(original, undefined))
  })

  it('is a fixed, known value for fixed identifiers (stable across releases)', () => {
    // Changing the key scheme would orphan every comment already posted: this pins it. Computed as
    // printf '%s' '["Ab1-x_Z9","default","Shop","deploy_api","on_build","ghcr.io/acme/api"]' | sha256sum
    expect(deploymentKey(ids, 'ghcr.io/acme/api:1.0.0')).toBe('0b11ca1ea74f49311751ee5772d68d4a')
  })
})

describe('commentMarker', () => {
  it('is a hidden HTML comment that names the action and reveals no identifier', () => {
    const marker = commentMarker(ids, 'ghcr.io/acme/api:1.0.0')
    expect(marker).toMatch(/^<!-- harness-trigger:deployment:[0-9a-f]{32} -->$/)
    for (const id of Object.values(ids)) expect(marker).not.toContain(id)
    expect(marker).not.toContain('acme')
  })
})

describe('commentBody', () => {
  const marker = commentMarker(ids, 'ghcr.io/acme/api')

  it('puts the marker first, then the text unchanged', () => {
    expect(commentBody(marker, '### Deployed\n')).toBe(`${marker}\n### Deployed\n`)
  })

  it('cuts text that would pass GitHub limit at a line end, and says so', () => {
    const line = 'x'.repeat(99) + '\n'
    const text = line.repeat(1000)
    const body = commentBody(marker, text)
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(body.startsWith(`${marker}\n`)).toBe(true)
    expect(body).toContain('cut short')
    const kept = body.slice(marker.length + 1, body.indexOf('\n\n_(cut short'))
    expect(kept.split('\n').every(part => part === 'x'.repeat(99))).toBe(true)
  })

  it('keeps a text that fits exactly', () => {
    const text = 'y'.repeat(MAX_COMMENT_CHARS - marker.length - 1)
    expect(commentBody(marker, text)).toBe(`${marker}\n${text}`)
  })
})

describe('pickMarkedComment', () => {
  const marker = commentMarker(ids, 'ghcr.io/acme/api')
  const otherMarker = commentMarker(ids, 'ghcr.io/acme/worker')
  const comment = (id: number, body: string, type = 'Bot'): ListedComment => ({
    id,
    body,
    user: { type }
  })

  it('finds the comment that carries the marker', () => {
    const comments = [
      comment(1, 'LGTM', 'User'),
      comment(2, `${otherMarker}\nworker`),
      comment(3, `${marker}\napi`)
    ]
    expect(pickMarkedComment(comments, marker)?.id).toBe(3)
  })

  it('prefers a bot comment over a person who pasted the marker', () => {
    const comments = [comment(4, `quoting ${marker}`, 'User'), comment(5, `${marker}\napi`)]
    expect(pickMarkedComment(comments, marker)?.id).toBe(5)
  })

  it('takes the oldest of several bot comments, and a person’s when no bot’s carries it', () => {
    expect(pickMarkedComment([comment(6, marker), comment(7, marker)], marker)?.id).toBe(6)
    expect(pickMarkedComment([comment(8, marker, 'User')], marker)?.id).toBe(8)
  })

  it('finds nothing when no comment carries it, and copes with empty bodies and ghosts', () => {
    const comments: ListedComment[] = [
      { id: 9, body: null, user: null },
      { id: 10 },
      comment(11, otherMarker)
    ]
    expect(pickMarkedComment(comments, marker)).toBeUndefined()
  })
})
