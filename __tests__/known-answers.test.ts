/** Harness answers with known meanings (harness/known-answers.ts) and what core says about them. */
import { describe, expect, it } from '@jest/globals'
import {
  deniedPermission,
  isBranchUnresolved,
  retiredWebhookUrl
} from '../src/harness/known-answers.js'
import { adviceFor } from '../src/core/advice.js'
import { neverStartedMessage } from '../src/core/wait/messages.js'
import { goldenAnswer } from '../emulator/golden/index.js'

const bodyOf = (name: string) => goldenAnswer(name).body as Record<string, unknown>

describe('recognising known answers (golden texts)', () => {
  it("recognises TriggerWebhookValidator's retirement of the v2 URL, and only at HTTP 400", () => {
    const message = String(bodyOf('webhook-v2-retired').message)
    expect(retiredWebhookUrl(400, message)).toBe(true)
    expect(retiredWebhookUrl(500, message)).toBe(false)
    expect(retiredWebhookUrl(400, String(bodyOf('webhook-mandate-authorization').message))).toBe(
      false
    )
  })

  it('recognises an unresolved branch only for INVALID_RUNTIME_INPUT_YAML', () => {
    const details = bodyOf('processing-details-invalid-branch').data as Record<string, string>
    expect(isBranchUnresolved(details.status, details.message)).toBe(true)
    expect(isBranchUnresolved('EXCEPTION_WHILE_PROCESSING', details.message)).toBe(false)
    expect(
      isBranchUnresolved('INVALID_RUNTIME_INPUT_YAML', 'Invalid yaml: image is required')
    ).toBe(false)
    expect(
      isBranchUnresolved(
        'INVALID_RUNTIME_INPUT_YAML',
        "… For Trigger: t has missing or empty pipelineBranchName in trigger's yaml."
      )
    ).toBe(true)
  })

  it('reads the permission of a 403 from failedPermissionChecks, else the message, else execute', () => {
    expect(deniedPermission(JSON.stringify(bodyOf('abort-permission-denied')))).toBe(
      'core_pipeline_abort'
    )
    expect(deniedPermission(JSON.stringify(bodyOf('webhook-access-denied')))).toBe(
      'core_pipeline_execute'
    )
    expect(
      deniedPermission('{"message":"Missing permission core_pipeline_abort on pipeline"}')
    ).toBe('core_pipeline_abort')
    expect(deniedPermission('<html>Forbidden</html>')).toBe('core_pipeline_execute')
    expect(
      deniedPermission('{"failedPermissionChecks":[{"permission":"x\\n::add-mask::y"}]}')
    ).toBe('core_pipeline_execute')
  })
})

describe('advice', () => {
  it('the v2 URL retirement names webhook-token and the copied v3 URL, in the front end’s words', () => {
    const advice = adviceFor({ kind: 'webhook-url-retired' }, name => `--${name}`)
    expect(advice).toContain('set --webhook-token')
    expect(advice).toContain('--webhook-url')
    expect(advice).toContain('/webhook/custom/<token>/v3')
  })

  it('an unresolved branch names the top-level "branch" key and payload', () => {
    const advice = adviceFor({ kind: 'branch-unresolved' })
    expect(advice).toContain('top-level "branch"')
    expect(advice).toContain("'payload'")
  })

  it('a refused abort names core_pipeline_abort where Harness required it, else Execute', () => {
    expect(adviceFor({ kind: 'abort-denied', permission: 'core_pipeline_abort' })).toContain(
      'Abort permission on pipelines (core_pipeline_abort)'
    )
    expect(adviceFor({ kind: 'abort-denied', permission: 'core_pipeline_execute' })).toContain(
      'Execute permission on the pipeline (core_pipeline_execute)'
    )
  })

  it('an event that ends INVALID_RUNTIME_INPUT_YAML for the branch gets the branch advice', () => {
    const message = neverStartedMessage(
      'INVALID_RUNTIME_INPUT_YAML',
      'Please ensure the expression <+trigger.branch> has the right branch information'
    )
    expect(message).toContain('top-level "branch"')
    const other = neverStartedMessage(
      'INVALID_RUNTIME_INPUT_YAML',
      'Invalid yaml: image is required'
    )
    expect(other).not.toContain('top-level "branch"')
    expect(other).toContain('check the trigger')
  })
})
