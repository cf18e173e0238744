import { describe, it, expect } from '@jest/globals'
import { SettingError } from '../src/harness/setting-error.js'
import { settingErrorOf } from './support/setting-error-of.js'
import { checkAccountId, checkIdentifier, checkWebhookToken } from '../src/harness/identifiers.js'

describe('checkIdentifier', () => {
  it.each(['default', 'CD_Docs', '_private', 'a', 'pipe$1', `a${'b'.repeat(127)}`])(
    'accepts %s',
    value => {
      expect(checkIdentifier('pipeline-id', value)).toBe(value)
    }
  )

  it('trims surrounding whitespace', () => {
    expect(checkIdentifier('org-id', '  default\n')).toBe('default')
  })

  it('names the input, the rule and the value it got', () => {
    const error = settingErrorOf(() => checkIdentifier('pipeline-id', 'my-pipe'))
    expect(error.setting).toBe('pipeline-id')
    expect(error.problem).toContain(
      "expected a Harness identifier: a letter or _ then up to 127 letters, digits, _ or $; got 'my-pipe'"
    )
    expect(error.message).toContain('looks like a name')
  })

  it.each([
    ['a leading digit', '1pipe'],
    ['a hyphen', 'my-pipe'],
    ['a space', 'my pipe'],
    ['a dot', 'my.pipe'],
    ['129 characters', `a${'b'.repeat(128)}`],
    ['an empty value', '   ']
  ])('rejects %s', (_, value) => {
    expect(() => checkIdentifier('trigger-id', value)).toThrow(SettingError)
  })

  it('says so when the value is empty', () => {
    expect(settingErrorOf(() => checkIdentifier('project-id', '')).message).toContain(
      'an empty value'
    )
  })

  it('cuts a long value short in the message', () => {
    const error = settingErrorOf(() => checkIdentifier('project-id', `-${'x'.repeat(500)}`))
    expect(error.message.length).toBeLessThan(400)
  })
})

describe('checkAccountId', () => {
  it.each(['px7xd_BFRCi-pfWPYXVjvw', 'ACC', 'a-b_c', '123'])('accepts %s', value => {
    expect(checkAccountId('account-id', ` ${value} `)).toBe(value)
  })

  it.each(['acc id', 'acc$', 'acc/1', ''])('rejects %j', value => {
    const error = settingErrorOf(() => checkAccountId('account-id', value))
    expect(error.setting).toBe('account-id')
    expect(error.message).toContain('letters, digits, _ or -')
  })
})

describe('checkWebhookToken', () => {
  it('accepts a token with - and _', () => {
    expect(checkWebhookToken('webhook-token', ' Ab-9_zz-Qw_e1R2t3Y4u5I\n')).toBe(
      'Ab-9_zz-Qw_e1R2t3Y4u5I'
    )
  })

  it('never repeats the token in its error', () => {
    const token = 'sEcReT-tok3n/with+slash'
    const error = settingErrorOf(() => checkWebhookToken('webhook-token', token))
    expect(error.setting).toBe('webhook-token')
    expect(error.message).not.toContain('sEcReT')
    expect(error.message).toContain('custom webhook token')
  })

  it('rejects an empty token', () => {
    expect(settingErrorOf(() => checkWebhookToken('webhook-token', ' ')).message).toContain('empty')
  })
})
