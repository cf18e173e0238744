import { debug, error, info, notice, setFailed, warning } from '@actions/core'
import { createLog, type Log, type Redacting } from '../core/log.js'
import type { ActionsCore } from './runtime.js'

/** The toolkit's printing functions, for the runtime's `core`; nothing else may import them. */
export const toolkitPrinters = { info, notice, warning, error, debug, setFailed }

type CoreLog = Pick<ActionsCore, 'info' | 'notice' | 'warning' | 'debug' | 'setFailed'> &
  Partial<Pick<ActionsCore, 'error'>>

/**
 * The action's log writer: the only module that may call the toolkit's printing functions
 * (eslint.config.js holds everyone else to it). Every line is redacted and one line first.
 */
export function actionLog(core: CoreLog, redactor: Redacting): Log {
  return createLog(
    {
      info: line => core.info(line),
      notice: line => core.notice(line),
      warning: line => core.warning(line),
      error: line => (core.error ? core.error(line) : core.warning(line)),
      debug: line => core.debug(line),
      fail: line => core.setFailed(line)
    },
    redactor
  )
}
