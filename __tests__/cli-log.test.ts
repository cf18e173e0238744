import { describe, expect, it } from '@jest/globals'
import { stderrLog } from '../src/cli/log.js'
import { Redactor } from '../src/core/redactor.js'

function logged(write: (log: ReturnType<typeof stderrLog>) => void): string {
  let text = ''
  const redactor = new Redactor()
  redactor.add('s3cret-token')
  write(stderrLog(chunk => (text += chunk), redactor))
  return text
}

describe('stderrLog', () => {
  it('writes one redacted line per message, the level in front', () => {
    expect(
      logged(log => {
        log.info('fired with s3cret-token')
        log.warning('w')
        log.error('e')
        log.notice('n')
        log.debug('d')
      })
    ).toBe('fired with ***\nwarning: w\nerror: e\nnotice: n\n')
  })

  it('makes untrusted text one line: no forged line, no control character', () => {
    const text = logged(log => log.info('Stage "a\nerror: forged\r\u2028\u001b[31m"'))
    expect(text.split('\n')).toHaveLength(2)
    expect(text).toBe('Stage "a\\nerror: forged\\r\\u2028\\u001b[31m"\n')
  })

  it('never starts a runner command, nor an Azure one anywhere in the line', () => {
    const text = logged(log => {
      log.info('::add-mask::x')
      log.info('  ::stop-commands::y')
      log.info('Stage ##vso[task.setvariable variable=a]b and ##[error]c')
    })
    expect(text.split('\n')).toEqual([
      '\\::add-mask::x',
      '\\  ::stop-commands::y',
      'Stage ##vso\\[task.setvariable variable=a]b and ##\\[error]c',
      ''
    ])
  })
})
