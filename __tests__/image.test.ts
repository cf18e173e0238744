import { describe, it, expect } from '@jest/globals'
import { settingErrorOf } from './support/setting-error-of.js'
import { resolveImage, splitImageReference } from '../src/core/image.js'

const DIGEST = `sha256:${'ab12'.repeat(16)}`
const OTHER_DIGEST = `sha256:${'cd34'.repeat(16)}`
const SHA = '0123456789abcdef0123456789abcdef01234567'

describe('splitImageReference', () => {
  it.each([
    ['ghcr.io/acme/api:1.4.2', { image: 'ghcr.io/acme/api', tag: '1.4.2' }],
    ['ghcr.io/acme/api', { image: 'ghcr.io/acme/api' }],
    ['localhost:5000/app:1.0', { image: 'localhost:5000/app', tag: '1.0' }],
    ['localhost:5000/app', { image: 'localhost:5000/app' }],
    ['localhost/app', { image: 'localhost/app' }],
    [
      'registry.example.com:443/team/sub/app:v2',
      { image: 'registry.example.com:443/team/sub/app', tag: 'v2' }
    ],
    ['[::1]:5000/app:dev', { image: '[::1]:5000/app', tag: 'dev' }],
    ['nginx:latest', { image: 'nginx', tag: 'latest' }],
    ['library/my_app__x--y.z:_1.A-b', { image: 'library/my_app__x--y.z', tag: '_1.A-b' }],
    [`app@${DIGEST}`, { image: 'app', digest: DIGEST }],
    [
      `ghcr.io/acme/api:1.4.2@${DIGEST}`,
      { image: 'ghcr.io/acme/api', tag: '1.4.2', digest: DIGEST }
    ],
    [`localhost:5000/app@${DIGEST}`, { image: 'localhost:5000/app', digest: DIGEST }],
    ['  ghcr.io/acme/api:1  ', { image: 'ghcr.io/acme/api', tag: '1' }],
    ['Registry.Example.COM/app', { image: 'Registry.Example.COM/app' }]
  ])('splits %s', (reference, expected) => {
    expect(splitImageReference(reference)).toEqual(expected)
  })

  it('keeps a tag of 128 characters and refuses 129', () => {
    expect(splitImageReference(`app:${'a'.repeat(128)}`).tag).toHaveLength(128)
    expect(() => splitImageReference(`app:${'a'.repeat(129)}`)).toThrow('a tag must be')
  })

  it.each([
    ['an empty reference', ' ', 'empty'],
    ['upper case in the path', 'ghcr.io/Acme/api:1.0', 'lower-case'],
    ['upper case in a name without registry', 'MyApp:1.0', 'lower-case'],
    ['a short digest', 'app@sha256:abc', 'digest'],
    ['an upper-case digest', `app@sha256:${'AB12'.repeat(16)}`, 'digest'],
    ['another digest algorithm', `app@md5:${'a'.repeat(32)}`, 'digest'],
    ['a tag starting with .', 'app:.1', 'a tag must be'],
    ['an empty tag', 'app:', 'a tag must be'],
    ['a tag with /', 'ghcr.io/acme/api:1.0/x', 'repository path'],
    ['an empty path component', 'ghcr.io//api', 'repository path'],
    ['a trailing slash', 'ghcr.io/acme/', 'repository path'],
    ['a bad registry', 'gh_cr.io/acme/api', 'registry'],
    ['a port that is not a number', 'localhost:abc/app', 'registry'],
    ['nothing before the digest', `@${DIGEST}`, 'empty'],
    ['a space inside', 'ghcr.io/acme/my api', 'repository path'],
    ['a name over 255 characters', `ghcr.io/${'a'.repeat(250)}`, 'longer than 255']
  ])('refuses %s', (_, reference, says) => {
    expect(() => splitImageReference(reference)).toThrow(says)
  })
})

describe('resolveImage', () => {
  it('takes image and tag from a full image input', () => {
    expect(resolveImage({ imageInput: 'ghcr.io/acme/api:1.4.2', sha: SHA })).toEqual({
      image: 'ghcr.io/acme/api',
      tag: '1.4.2',
      imageSource: 'input',
      tagSource: 'input',
      imageFromInput: true,
      tagFromInput: true
    })
  })

  it('keeps a digest from the image input', () => {
    const resolved = resolveImage({ imageInput: `ghcr.io/acme/api:1.4.2@${DIGEST}` })
    expect(resolved.digest).toBe(DIGEST)
    expect(resolved.digestSource).toBe('input')
  })

  it('accepts a tag input that agrees with the image input', () => {
    expect(resolveImage({ imageInput: 'app:1.0', tagInput: '1.0' }).tag).toBe('1.0')
  })

  it('refuses a tag input that disagrees with the tag inside the image input', () => {
    const error = settingErrorOf(() => resolveImage({ imageInput: 'app:1.0', tagInput: '2.0' }))
    expect(error.setting).toBe('tag')
    expect(error.message).toContain("'2.0' disagrees with the tag '1.0'")
  })

  it('names the image input when the reference is malformed', () => {
    const error = settingErrorOf(() => resolveImage({ imageInput: 'ghcr.io/Acme/api:1.0' }))
    expect(error.setting).toBe('image')
    expect(error.message).toContain('lower-case')
    expect(error.message).toContain("got 'ghcr.io/Acme/api:1.0'")
  })

  it('names the tag input when the tag is malformed', () => {
    expect(settingErrorOf(() => resolveImage({ tagInput: 'v 1' })).setting).toBe('tag')
  })

  it('takes the tag input alone and finds the image further down', () => {
    const resolved = resolveImage({
      tagInput: 'v9',
      buildOutputs: { image: 'ghcr.io/acme/api:1.0' },
      sha: SHA
    })
    expect(resolved).toMatchObject({
      image: 'ghcr.io/acme/api',
      imageSource: 'build-outputs',
      imageFromInput: false,
      tag: 'v9',
      tagSource: 'input',
      tagFromInput: true
    })
  })

  it('takes the tag from build-outputs when the image input has none', () => {
    const resolved = resolveImage({
      imageInput: 'ghcr.io/acme/api',
      buildOutputs: { tag: '1.2.3', digest: DIGEST }
    })
    expect(resolved).toMatchObject({
      image: 'ghcr.io/acme/api',
      imageSource: 'input',
      tag: '1.2.3',
      tagSource: 'build-outputs',
      digest: DIGEST,
      digestSource: 'build-outputs'
    })
  })

  it('takes no digest from another source than the image or tag came from', () => {
    const resolved = resolveImage({
      imageInput: 'ghcr.io/acme/api:1.0',
      buildOutputs: { digest: DIGEST }
    })
    expect(resolved.digest).toBeUndefined()
  })

  it.each([
    [{ image: 'ghcr.io/acme/api', tag: '1.2.3' }],
    [{ 'image-name': 'ghcr.io/acme/api', 'image-tag': '1.2.3' }],
    [{ image_name: 'ghcr.io/acme/api', image_tag: '1.2.3' }],
    [{ imageName: 'ghcr.io/acme/api', imageTag: '1.2.3' }],
    [{ image: 'ghcr.io/acme/api:1.2.3' }],
    [{ image: 'ghcr.io/acme/api', version: '1.2.3' }],
    [{ IMAGE: 'ghcr.io/acme/api', Version: '1.2.3' }],
    [{ tags: 'ghcr.io/acme/api:1.2.3\nghcr.io/acme/api:latest\n' }],
    [{ tags: 'ghcr.io/acme/api:1.2.3,ghcr.io/acme/api:latest' }],
    [{ tags: 'ghcr.io/acme/api:latest', version: '1.2.3' }]
  ])('reads build outputs %j', outputs => {
    expect(resolveImage({ buildOutputs: outputs, sha: SHA })).toMatchObject({
      image: 'ghcr.io/acme/api',
      tag: '1.2.3',
      imageSource: 'build-outputs',
      tagSource: 'build-outputs'
    })
  })

  it('prefers an explicit tag key over version', () => {
    expect(resolveImage({ buildOutputs: { image: 'a', tag: '1', version: '2' } }).tag).toBe('1')
  })

  it('reads a digest from build outputs, by key or inside the reference', () => {
    expect(resolveImage({ buildOutputs: { image: 'a', digest: DIGEST } }).digest).toBe(DIGEST)
    expect(resolveImage({ buildOutputs: { 'image-digest': DIGEST, image: 'a' } }).digest).toBe(
      DIGEST
    )
    expect(resolveImage({ buildOutputs: { image: `a:1@${DIGEST}` } }).digest).toBe(DIGEST)
  })

  it('does not mistake imageid for a digest', () => {
    const resolved = resolveImage({ buildOutputs: { image: 'a', imageid: DIGEST } })
    expect(resolved.digest).toBeUndefined()
  })

  it('treats empty build outputs as absent', () => {
    const resolved = resolveImage({
      buildOutputs: { image: '', tag: '  ', digest: '' },
      dockerMetadataVersion: '3.0',
      sha: SHA
    })
    expect(resolved).toEqual({
      tag: '3.0',
      tagSource: 'docker/metadata-action',
      imageFromInput: false,
      tagFromInput: false
    })
  })

  it('reads a numeric version', () => {
    expect(resolveImage({ buildOutputs: { image: 'a', version: 7 } }).tag).toBe('7')
  })

  it('ignores a tags list of bare tag names', () => {
    const resolved = resolveImage({ buildOutputs: { tags: '1.2.3\nlatest' }, sha: SHA })
    expect(resolved.image).toBeUndefined()
    expect(resolved.tagSource).toBe('commit SHA')
  })

  it.each([
    [{ image: 'ghcr.io/Acme/api' }, "key 'image'"],
    [{ tag: 'a b' }, "key 'tag'"],
    [{ digest: 'sha256:nothex' }, "key 'digest'"],
    [{ image: 'a:1', tag: '2' }, "key 'tag' says tag '2' but key 'image' holds '1'"],
    [{ image: `a@${DIGEST}`, digest: OTHER_DIGEST }, "key 'digest' says digest"]
  ])('refuses build outputs %j', (outputs, says) => {
    const error = settingErrorOf(() => resolveImage({ buildOutputs: outputs }))
    expect(error.setting).toBe('build-outputs')
    expect(error.message).toContain(says)
  })

  const metadataJson = JSON.stringify({
    tags: ['ghcr.io/acme/api:pr-12', 'ghcr.io/acme/api:sha-0123456'],
    labels: { 'org.opencontainers.image.version': 'pr-12' }
  })

  it("reads docker/metadata-action's environment: image from the first tag, tag from VERSION", () => {
    expect(
      resolveImage({ dockerMetadataJson: metadataJson, dockerMetadataVersion: '1.0.0', sha: SHA })
    ).toEqual({
      image: 'ghcr.io/acme/api',
      tag: '1.0.0',
      imageSource: 'docker/metadata-action',
      tagSource: 'docker/metadata-action',
      imageFromInput: false,
      tagFromInput: false
    })
  })

  it("falls back to the first tag's tag without VERSION", () => {
    expect(resolveImage({ dockerMetadataJson: metadataJson, sha: SHA }).tag).toBe('pr-12')
  })

  it.each(['{not json', '"a string"', 'null', '{"tags":[]}', '{"tags":["Not/Valid:x"]}'])(
    'skips docker metadata it cannot use: %s',
    json => {
      const resolved = resolveImage({ dockerMetadataJson: json, sha: SHA })
      expect(resolved.image).toBeUndefined()
      expect(resolved.tag).toBe(SHA)
      expect(resolved.tagSource).toBe('commit SHA')
    }
  )

  it('prefers build outputs over docker metadata', () => {
    const resolved = resolveImage({
      buildOutputs: { image: 'ghcr.io/acme/built' },
      dockerMetadataJson: metadataJson,
      sha: SHA
    })
    expect(resolved).toMatchObject({
      image: 'ghcr.io/acme/built',
      imageSource: 'build-outputs',
      tag: 'pr-12',
      tagSource: 'docker/metadata-action'
    })
  })

  it('falls back to the commit SHA for the tag alone', () => {
    expect(resolveImage({ sha: SHA })).toEqual({
      tag: SHA,
      tagSource: 'commit SHA',
      imageFromInput: false,
      tagFromInput: false
    })
  })

  it('finds nothing when there is nothing', () => {
    expect(resolveImage({ imageInput: ' ', tagInput: '', sha: '' })).toEqual({
      imageFromInput: false,
      tagFromInput: false
    })
  })
})
