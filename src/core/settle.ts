import { HarnessApiError, type HarnessClient } from '../harness/client.js'
import type { ProjectScope } from '../harness/urls.js'
import { adviceFor } from './advice.js'

/** Asks Harness to abort; never throws: a failed abort is reported, the run's outcome stands. */
export async function abortExecution(
  client: Pick<HarnessClient, 'abortExecution'>,
  scope: ProjectScope,
  executionId: string,
  log: (line: string) => void
): Promise<boolean> {
  try {
    const outcome = await client.abortExecution(scope, executionId)
    const said = {
      aborted: `Asked Harness to abort execution ${executionId}.`,
      'already-finished': `Execution ${executionId} had already finished; nothing to abort.`,
      'already-aborting': `Execution ${executionId} is already being aborted.`
    }
    log(said[outcome])
    return true
  } catch (error) {
    const said = error instanceof Error ? error.message : String(error)
    const advice =
      error instanceof HarnessApiError && error.known ? ` ${adviceFor(error.known)}` : ''
    log(`Could not abort execution ${executionId}: ${said}${advice}`)
    return false
  }
}
