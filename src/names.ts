/** Input, output and state names, written once (../shared/interface.md holds the contract). */
export const Inputs = {
  WebhookUrl: 'webhook-url',
  HarnessUrl: 'harness-url',
  AccountId: 'account-id',
  OrgId: 'org-id',
  ProjectId: 'project-id',
  PipelineId: 'pipeline-id',
  TriggerId: 'trigger-id',
  WebhookToken: 'webhook-token',
  ApiKey: 'api-key',
  Image: 'image',
  Tag: 'tag',
  BuildOutputs: 'build-outputs',
  Payload: 'payload',
  GithubContext: 'github-context',
  Wait: 'wait',
  Timeout: 'timeout',
  PollInterval: 'poll-interval',
  AbortOnCancel: 'abort-on-cancel',
  AbortOnTimeout: 'abort-on-timeout',
  Summary: 'summary',
  CommentOnPr: 'comment-on-pr',
  GithubToken: 'github-token'
} as const

export const Outputs = {
  EventCorrelationId: 'eventCorrelationId',
  UiUrl: 'uiUrl',
  ApiUrl: 'apiUrl',
  UiSetupUrl: 'uiSetupUrl',
  WebhookStatus: 'webhookStatus',
  ExecutionId: 'executionId',
  ExecutionUrl: 'executionUrl',
  Status: 'status'
} as const

/** Saved by the main phase for the post phase (`STATE_<name>`); never holds a secret. */
export const States = {
  IsPost: 'isPost',
  /** JSON of PendingAbort while an execution is being watched; empty once nothing is left to do */
  PendingAbort: 'pendingAbort'
} as const
