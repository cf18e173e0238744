import { Setting } from '../core/names.js'
import type { Redactor } from '../core/redactor.js'
import { readBoolean, readSettings, type Settings } from '../core/settings.js'
import { githubContextFromEnv } from './github-context.js'

/** The action's inputs: every setting of the core, and those that only make sense on GitHub. */
export const Inputs = {
  ...Setting,
  GithubContext: 'github-context',
  Summary: 'summary',
  CommentOnPr: 'comment-on-pr',
  GithubToken: 'github-token'
} as const

/** Everything the action needs, read and checked once at the start; nothing later reads inputs. */
export interface ActionSettings extends Settings {
  summary: boolean
  commentOnPr: boolean
  githubToken?: string
}

export interface InputSources {
  getInput(name: string): string
  env: Record<string, string | undefined>
  /** the webhook event's payload (`GITHUB_EVENT_PATH`), read only when needed */
  readEventPayload(): Record<string, unknown> | undefined
  redactor: Pick<Redactor, 'add'>
}

/** Reads every input, registers secrets the moment they are read, and validates. Throws SettingError. */
export function readInputs(sources: InputSources): ActionSettings {
  const input = (name: string): string => sources.getInput(name).trim()
  // Secrets first, so a later validation error can never print one.
  const githubToken = input(Inputs.GithubToken) || undefined
  sources.redactor.add(githubToken)

  const useGithubContext = readBoolean(Inputs.GithubContext, input(Inputs.GithubContext), true)
  const github = useGithubContext
    ? githubContextFromEnv(sources.env, sources.readEventPayload())
    : undefined
  const settings = readSettings({
    value: name => sources.getInput(name),
    env: sources.env,
    context: github && { key: 'github', value: github, branch: github.branch },
    sha: sources.env.GITHUB_SHA?.trim() || undefined,
    redactor: sources.redactor
  })
  return {
    ...settings,
    summary: readBoolean(Inputs.Summary, input(Inputs.Summary), true),
    commentOnPr: readBoolean(Inputs.CommentOnPr, input(Inputs.CommentOnPr), false),
    githubToken
  }
}
