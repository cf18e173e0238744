// The emulated Harness account: which triggers exist, which API keys are valid, and how events and
// executions behave. A test passes options; normalizeWorld fills in every default so that the rest
// of the emulator reads one complete, mutable object.

/** The account of the default world (Harness account ids are [A-Za-z0-9_-]+). */
export const DEFAULT_ACCOUNT_ID = 'acc-123_X'

/** Identifiers of the default world's triggers. */
export const DEFAULT_IDS = Object.freeze({
  orgId: 'default',
  projectId: 'payments',
  pipelineId: 'deploy_api',
  triggerId: 'github_actions',
  legacyPipelineId: 'legacy_pipeline',
  legacyTriggerId: 'legacy_trigger'
})

/** The webhook token of the default v3 trigger: 22 URL-safe characters, like Harness's. */
export const DEFAULT_WEBHOOK_TOKEN = 'Q2xpZW50VG9rZW5fMDAx-z'

/** A valid API key of the account: `pat.<account>.<24 hex token id>.<20 character secret>`. */
export const DEFAULT_API_KEY = `pat.${DEFAULT_ACCOUNT_ID}.6f1d2c3b4a5968778695a4b3.Xk3vQ9mZt2Lr8Wn5Pc1J`

/** A valid service-account token without the pipeline execute permission (view only). */
export const DEFAULT_VIEW_ONLY_KEY = `sat.${DEFAULT_ACCOUNT_ID}.0a1b2c3d4e5f60718293a4b5.Rd7Hs2Kf9Tq4Vb6Nm3Ya`

/** Statuses a default execution goes through, one per read of the execution. */
export const DEFAULT_STATUSES = Object.freeze(['Running', 'Running', 'Success'])

/** @returns {import('./types.js').WorldOptions} a fresh copy of the default world */
export function defaultWorldOptions() {
  return {
    accountId: DEFAULT_ACCOUNT_ID,
    triggers: [
      {
        orgId: DEFAULT_IDS.orgId,
        projectId: DEFAULT_IDS.projectId,
        pipelineId: DEFAULT_IDS.pipelineId,
        triggerId: DEFAULT_IDS.triggerId,
        webhookToken: DEFAULT_WEBHOOK_TOKEN,
        enabled: true
      },
      {
        orgId: DEFAULT_IDS.orgId,
        projectId: DEFAULT_IDS.projectId,
        pipelineId: DEFAULT_IDS.legacyPipelineId,
        triggerId: DEFAULT_IDS.legacyTriggerId,
        webhookToken: null,
        enabled: true
      }
    ],
    apiKeys: [DEFAULT_API_KEY, { key: DEFAULT_VIEW_ONLY_KEY, canExecute: false }],
    mandateAuthorization: false,
    viewRequiresKey: true,
    abortPermissionFlag: false
  }
}

/**
 * Fills in every default. Options left out take the default world's value (its triggers and keys
 * included); pass `triggers: []` or `apiKeys: []` for an empty account.
 * @param {import('./types.js').WorldOptions} [options]
 * @returns {import('./types.js').World}
 */
export function normalizeWorld(options = {}) {
  const base = defaultWorldOptions()
  const event = options.event ?? {}
  const execution = options.execution ?? {}
  const urls = options.urls ?? {}
  const v2Available = event.v2Available ?? true
  return {
    accountId: options.accountId ?? /** @type {string} */ (base.accountId),
    triggers: (options.triggers ?? base.triggers ?? []).map(trigger => ({
      orgId: trigger.orgId,
      projectId: trigger.projectId,
      pipelineId: trigger.pipelineId,
      triggerId: trigger.triggerId,
      webhookToken: trigger.webhookToken ?? null,
      enabled: trigger.enabled ?? true,
      payloadConditions: [...(trigger.payloadConditions ?? [])],
      pipelineStore: trigger.pipelineStore ?? 'INLINE',
      // a remote pipeline's trigger defaults to <+trigger.branch> (harness-api.md corrections 1)
      pipelineBranchName:
        trigger.pipelineBranchName ??
        ((trigger.pipelineStore ?? 'INLINE') === 'REMOTE' ? '<+trigger.branch>' : '')
    })),
    apiKeys: (options.apiKeys ?? base.apiKeys ?? []).map(entry => {
      if (typeof entry === 'string') {
        return { key: entry, canExecute: true, canView: true, canAbort: true }
      }
      const canExecute = entry.canExecute ?? true
      // the flag's migration gave core_pipeline_abort to every role that had execute
      return {
        key: entry.key,
        canExecute,
        canView: entry.canView ?? true,
        canAbort: entry.canAbort ?? canExecute
      }
    }),
    mandateAuthorization: options.mandateAuthorization ?? false,
    viewRequiresKey: options.viewRequiresKey ?? true,
    abortPermissionFlag: options.abortPermissionFlag ?? false,
    urls: {
      // an old server (no V2 details route) hands out the v1 apiUrl
      apiUrlVersion: urls.apiUrlVersion ?? (v2Available ? 'v2' : 'v1'),
      apiUrlOrigin: urls.apiUrlOrigin,
      uiBaseUrl: urls.uiBaseUrl,
      module: urls.module ?? 'all'
    },
    event: {
      pendingReads: event.pendingReads ?? 0,
      pendingMs: event.pendingMs ?? 0,
      outcome: event.outcome ?? 'TARGET_EXECUTION_REQUESTED',
      message: event.message,
      stuckQueued: event.stuckQueued ?? false,
      v2Available,
      processingDetailsAvailable: event.processingDetailsAvailable ?? true,
      includeExecutionUrl: event.includeExecutionUrl ?? true,
      includeExecutionDetails: event.includeExecutionDetails ?? true
    },
    execution: {
      statuses: [...(execution.statuses ?? DEFAULT_STATUSES)],
      stepMs: execution.stepMs,
      stages: execution.stages ? structuredClone(execution.stages) : undefined,
      failureMessage: execution.failureMessage,
      pipelineName: execution.pipelineName,
      includeExecutionUrl: execution.includeExecutionUrl ?? false,
      summaryBytes: execution.summaryBytes ?? 0
    }
  }
}
