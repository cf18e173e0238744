/**
 * Setting and output names, written once (../shared/interface.md holds the contract). A setting's
 * name is the action's input and the CLI's option (`--project-id`, `HARNESS_PROJECT_ID`) alike.
 */
export const Setting = {
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
  Wait: 'wait',
  Timeout: 'timeout',
  PollInterval: 'poll-interval',
  AbortOnCancel: 'abort-on-cancel',
  AbortOnTimeout: 'abort-on-timeout'
} as const

export type SettingName = (typeof Setting)[keyof typeof Setting]

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

export type OutputName = (typeof Outputs)[keyof typeof Outputs]
