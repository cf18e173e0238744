// Types of the Harness emulator, for TypeScript tests and for the JSDoc of the emulator's own .js
// files (checked with `npx tsc -p emulator`). The emulator itself is plain JavaScript so that
// `npm run demo` runs before `npm install`.

/** Routes whose answers a test can replace with faults. */
export type RouteName =
  | 'webhook'
  | 'processingDetails'
  | 'eventDetails'
  | 'eventHistory'
  | 'execution'
  | 'abort'
  | 'github'

/** One payload condition of a trigger; `key` is a path in the JSON body (`image`, `github.branch`). */
export interface PayloadCondition {
  /** `image`, `github.branch`, or the Harness form `<+trigger.payload.image>` */
  key: string
  /** Equals, NotEquals, StartsWith, EndsWith, Contains, In, NotIn, Regex (spaces ignored) */
  operator: string
  /** a literal, as Harness compares it (In/NotIn: comma-separated) */
  value: string
}

export interface TriggerConfig {
  orgId: string
  projectId: string
  pipelineId: string
  triggerId: string
  /** a string: a "new" trigger, reachable only through the v3 URL; null: an old one (v1/v2 URLs) */
  webhookToken: string | null
  /** default true */
  enabled?: boolean
  payloadConditions?: PayloadCondition[]
  /**
   * Where the pipeline is stored: `REMOTE` = in Git (Harness Git Experience). A remote pipeline
   * starts only when the trigger's branch resolves (TriggerExecutionHelper.resolveBranchExpression);
   * default `INLINE`.
   */
  pipelineStore?: 'INLINE' | 'REMOTE'
  /**
   * The trigger's `pipelineBranchName`: default `<+trigger.branch>` for a remote pipeline (an
   * expression: resolved from the body's top-level `branch`), `''` inline; a literal is used as is.
   */
  pipelineBranchName?: string
}

/**
 * A valid API key; a plain string has every permission. `canAbort` is `core_pipeline_abort`
 * (checked only with `abortPermissionFlag`); default: same as `canExecute`.
 */
export type ApiKeyConfig =
  string | { key: string; canExecute?: boolean; canView?: boolean; canAbort?: boolean }

export interface UrlOptions {
  /** which details route `apiUrl` names: v2 = triggerExecutionDetailsV2 (default), v1 = triggerExecutionDetails */
  apiUrlVersion?: 'v2' | 'v1'
  /** origin of `apiUrl` instead of the emulator's own (e.g. a foreign host, to test key leaks) */
  apiUrlOrigin?: string
  /** base of the UI links, default `<emulator url>/ng/#` */
  uiBaseUrl?: string
  /** module in uiUrl/uiSetupUrl: `all` (newer Harness, default) or `cd` */
  module?: 'all' | 'cd'
}

export interface EventOptions {
  /** details reads (V2 or v1) that answer "pending" before the event shows as processed; default 0 */
  pendingReads?: number
  /** and the event stays pending at least this long after the POST; default 0 */
  pendingMs?: number
  /** final status when the payload conditions pass; default TARGET_EXECUTION_REQUESTED (starts an execution) */
  outcome?: string
  /** message of that outcome (a default per status otherwise) */
  message?: string
  /** the §2.4 trap: details stay QUEUED with warningMsg; the history holds the real record */
  stuckQueued?: boolean
  /** false: an old server, the V2 details route answers 404 (read at request time); default true */
  v2Available?: boolean
  /** false: an install without `triggerProcessingDetails` (it answers 404); default true */
  processingDetailsAvailable?: boolean
  /** `executionUrl` in the details answer; default true */
  includeExecutionUrl?: boolean
  /** `executionDetails` in the details answer; default true (false: the server-side fetch failed) */
  includeExecutionDetails?: boolean
}

export interface StageScript {
  name: string
  /** `Deployment` (default), `Approval`, `CI`, … */
  nodeType?: string
  /** one per step of the execution (last repeats); absent: derived from the pipeline's status */
  statuses?: string[]
  failureMessage?: string
}

export interface ExecutionOptions {
  /** PascalCase statuses, one per step; default Running, Running, Success */
  statuses?: string[]
  /** time-based steps of this many ms; absent: each read of the execution advances one step */
  stepMs?: number
  /**
   * stage nodes in layoutNodeMap; default one stage `Deploy` following the pipeline. A
   * `{ parallel: [...] }` entry runs its stages side by side under a parallel wrapper node
   * (ParallelPlanCreator: nodeType `parallel`, nodeGroup `STAGE`, empty name).
   */
  stages?: Array<StageScript | ParallelStages>
  /** failureInfo.message when the pipeline ends Failed/Errored/Expired/… */
  failureMessage?: string
  /** `name` of the summary; default the pipeline identifier */
  pipelineName?: string
  /** add `executionUrl` to `pipelineExecutionSummary`; default false */
  includeExecutionUrl?: boolean
  /**
   * pad the execution summary (its `moduleInfo`) to at least this many bytes of JSON, as a big
   * pipeline or matrix makes it; the event details embed the same summary. Default 0.
   */
  summaryBytes?: number
}

export interface ParallelStages {
  parallel: StageScript[]
}

export interface WorldOptions {
  /** default `acc-123_X` */
  accountId?: string
  /** default: a v3 trigger (deploy_api/github_actions) and a v2 one (legacy_pipeline/legacy_trigger) */
  triggers?: TriggerConfig[]
  /** default: DEFAULT_API_KEY (all permissions) and DEFAULT_VIEW_ONLY_KEY (canExecute false) */
  apiKeys?: ApiKeyConfig[]
  /** the "Mandate Authorization for Custom Webhook Triggers" setting; default false */
  mandateAuthorization?: boolean
  /** details and execution routes demand a valid key (the history route always does); default true */
  viewRequiresKey?: boolean
  /**
   * the account flag CDS_PIPELINE_ABORT_RBAC_PERMISSION: abort needs `core_pipeline_abort`
   * (`canAbort`) instead of execute (PlanExecutionResourceImpl); default false
   */
  abortPermissionFlag?: boolean
  urls?: UrlOptions
  event?: EventOptions
  execution?: ExecutionOptions
}

export interface EmulatorOptions extends WorldOptions {
  /** default 0 (any free port) */
  port?: number
  /** default 127.0.0.1 */
  host?: string
  /** serve HTTPS with this key and certificate (PEM) */
  tls?: { key: string | Buffer; cert: string | Buffer }
  /** one line per answered request: method, route name, status (never a path: it may hold a token) */
  log?: (line: string) => void
}

/** The live world: every option filled in. Tests may change it between requests. */
export interface World {
  accountId: string
  triggers: Array<Required<TriggerConfig>>
  apiKeys: Array<{ key: string; canExecute: boolean; canView: boolean; canAbort: boolean }>
  mandateAuthorization: boolean
  viewRequiresKey: boolean
  abortPermissionFlag: boolean
  urls: Required<Pick<UrlOptions, 'apiUrlVersion' | 'module'>> &
    Pick<UrlOptions, 'apiUrlOrigin' | 'uiBaseUrl'>
  event: Required<Omit<EventOptions, 'message'>> & Pick<EventOptions, 'message'>
  execution: Required<Pick<ExecutionOptions, 'statuses' | 'includeExecutionUrl' | 'summaryBytes'>> &
    Omit<ExecutionOptions, 'statuses' | 'includeExecutionUrl' | 'summaryBytes'>
}

/**
 * One scripted misbehaviour of a route, used by exactly one request. Kinds combine with `delayMs`
 * (wait, then do the rest; alone: wait, then answer normally).
 */
export interface Fault {
  /** answer with this status and `body`/`headers` as given (e.g. 429 with HTML, 502 text) */
  status?: number
  /** string as is; anything else as JSON */
  body?: unknown
  headers?: Record<string, string>
  /** destroy the socket without an answer */
  reset?: boolean
  /** never answer (until the emulator closes, which drops the connection at once) */
  hang?: boolean
  /** wait this long first (cut short by close()); alone: then the normal answer */
  delayMs?: number
  /** how many requests this fault serves (default 1; `Infinity`: every request until clearFaults) */
  times?: number
  /** stream a 200 (or `status`) JSON-looking body of this many bytes, without content-length */
  huge?: number
  /** a 200 (or `status`) text/html answer */
  notJson?: boolean
  /** a 302 (or `status`) to this location */
  redirect?: string
  /** do the route's normal work (create the event, advance the execution, …) before misbehaving */
  afterHandling?: boolean
}

export interface RecordedRequest {
  method: string
  /** path without the query */
  path: string
  /** path with the query, as sent */
  url: string
  /** first value of each query parameter */
  query: Record<string, string>
  /** lower-cased names; repeated headers joined with ', ' */
  headers: Record<string, string>
  body: string
  /** epoch ms when the request (with its body) had arrived */
  time: number
  /** undefined for paths the emulator does not know */
  route?: RouteName
}

/** An answer a route computed (the server writes it). */
export interface Reply {
  status: number
  body: string
  headers: Record<string, string>
}

export interface HarnessErrorBody {
  status: 'ERROR'
  code: string
  message: string
  correlationId: string
  detailedMessage: null
  responseMessages: Array<{
    code: string
    level: 'ERROR'
    message: string
    exception: null
    failureTypes: string[]
  }>
  metadata: null
}

/** One row of the trigger event history (TriggerEventHistory, the stored entity). */
export interface HistoryRecord {
  finalStatus: string
  message: string
  pipelineId: string | undefined
  triggerId: string | undefined
  /** stored, but never serialised by the history route (NGTriggerEventHistoryMapper) */
  createdAt: number
  exceptionOccurred: boolean
  /** TargetExecutionSummary: set once a trigger was matched and the start was attempted */
  target?: {
    runtimeInput: string | null
    executionId?: string
    runSequence?: number
    startTs?: number
  }
  executionId?: string
}

export interface EmulatedEvent {
  readonly id: string
  readonly accountId: string
  readonly orgId: string
  readonly projectId: string
  /** from the query */
  readonly pipelineId: string | undefined
  readonly triggerId: string | undefined
  readonly webhookVersion: 'v1' | 'v2' | 'v3'
  /** raw body */
  readonly body: string
  /** the body parsed as JSON (undefined when it is not JSON) */
  readonly payload: unknown
  readonly headers: Record<string, string>
  readonly createdAt: number
  /** status reads so far (triggerProcessingDetails, details V2 and v1) */
  readonly detailsReads: number
  readonly processed: boolean
  /** history rows, in insertion order (the details route shows the first) */
  readonly records: HistoryRecord[]
}

export interface Interrupt {
  id: string
  type: string
  time: number
}

export interface EmulatedExecution {
  readonly planExecutionId: string
  readonly accountId: string
  readonly orgId: string
  readonly projectId: string
  readonly pipelineId: string
  readonly triggerId: string
  readonly eventId: string
  readonly runSequence: number
  readonly startTs: number
  /** reads of the execution route so far */
  readonly reads: number
  /** accepted AbortAll interrupts */
  readonly interrupts: Interrupt[]
  /** the status now, without advancing the script */
  readonly status: string
  /** the Git branch a remote pipeline runs from (gitDetails.branch); undefined inline */
  readonly branch: string | undefined
}

export interface GitHubComment {
  id: number
  owner: string
  repo: string
  issueNumber: number
  body: string
  user: { login: string; id: number; type: string }
  created_at: string
  updated_at: string
  html_url: string
  url: string
}

export interface GitHubState {
  /** every comment, in creation order */
  comments: GitHubComment[]
  /** POST/PATCH answer 403 "Resource not accessible by integration" */
  forbidden: boolean
  /** when set, only this token is accepted (401 "Bad credentials" otherwise); any non-empty token otherwise */
  token: string | undefined
  /** seed a comment (e.g. one left by an earlier run) */
  addComment(comment: {
    owner: string
    repo: string
    issueNumber: number
    body: string
    login?: string
  }): GitHubComment
}

export interface Emulator {
  /** `http://127.0.0.1:PORT` (https with tls): use as harness-url and GITHUB_API_URL */
  readonly url: string
  readonly port: number
  /** the live world; change fields between requests, or call reset(options) */
  world: World
  /** every request, in arrival order */
  readonly requests: RecordedRequest[]
  readonly events: EmulatedEvent[]
  readonly executions: EmulatedExecution[]
  readonly github: GitHubState
  /** queue faults for a route; each is used by one request (or `times`), in order */
  fault(route: RouteName, faults: Fault[]): void
  /** drop the queued faults of a route (all routes without one); hanging requests stay hung */
  clearFaults(route?: RouteName): void
  /** faults still queued for a route */
  pendingFaults(route: RouteName): number
  requestsTo(route: RouteName): RecordedRequest[]
  /** resolves with the first request (already recorded or future) that matches */
  waitForRequest(
    match: RouteName | ((request: RecordedRequest) => boolean),
    timeoutMs?: number
  ): Promise<RecordedRequest>
  /** forget requests, events, executions, faults and comments; the world becomes `options` (default: the start options) */
  reset(options?: WorldOptions): void
  /** stop listening and drop every open connection (hanging ones too) */
  close(): Promise<void>
}
