// What the bench runs: the floor, the action's entry (dist/index.js, as the runner runs it) and,
// once it exists, the command line (dist/cli.js, as another CI runs it). Each side lays out its
// own step (environment, files) and says afterwards whether a run did the whole job: exit 0, one
// webhook accepted, eventCorrelationId and uiUrl delivered where that side delivers outputs.
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { RUNNER_CONTEXT, prepareStep, readStepFiles } from '../../emulator/index.js'

/** @typedef {'action' | 'floor' | 'cli'} SideName */
/**
 * @typedef {{ stdout: string, stderr: string, code: number | null, signal: string | null }} Ran
 * @typedef {{ env: Record<string, string>, outputsOf: (run: Ran) => Record<string, string> }} Step
 * @typedef {{ name: SideName, label: string, script: string,
 *   prepare: (tempDir: string, inputs: Record<string, string>) => Step }} Side
 */

/** The names every side must deliver on a fire-and-forget run. */
export const REQUIRED_OUTPUTS = ['eventCorrelationId', 'uiUrl']

/**
 * @param {{ root: string, distDir: string, env: Record<string, string> }} options
 *   `env`: added to every side's environment (e.g. NODE_EXTRA_CA_CERTS)
 * @returns {Side[]} the floor first, then the entries that exist in distDir
 */
export function benchSides({ root, distDir, env }) {
  const actionYml = join(root, 'action.yml')
  const runnerStep = (
    /** @type {string} */ tempDir,
    /** @type {Record<string, string>} */ inputs
  ) => {
    const step = prepareStep({ actionYml, tempDir, inputs, env })
    return { env: step.env, outputsOf: () => readStepFiles(step.files).outputs }
  }
  /** @type {Side[]} */
  const sides = [
    {
      name: 'floor',
      label: 'floor',
      script: join(root, 'scripts', 'floor.mjs'),
      prepare: runnerStep
    },
    {
      name: 'action',
      label: 'dist/index.js',
      script: join(distDir, 'index.js'),
      prepare: runnerStep
    }
  ]
  const cli = join(distDir, 'cli.js')
  if (existsSync(cli)) {
    sides.push({
      name: 'cli',
      label: 'dist/cli.js',
      script: cli,
      prepare: (tempDir, inputs) => {
        mkdirSync(tempDir, { recursive: true })
        return {
          env: { ...cliEnvironment(inputs), ...env },
          outputsOf: run => JSON.parse(run.stdout)
        }
      }
    })
  }
  return sides
}

/**
 * The command line as GitLab CI runs it: the action's inputs as HARNESS_* variables (secrets as
 * variables, as its help says), GitLab's predefined variables for the `ci` object, nothing of
 * GitHub's. Only PATH and HOME come from this process.
 * @param {Record<string, string>} inputs the action's inputs
 */
export function cliEnvironment(inputs) {
  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    CI: 'true',
    GITLAB_CI: 'true',
    CI_COMMIT_SHA: RUNNER_CONTEXT.sha,
    CI_COMMIT_BRANCH: 'main',
    CI_PIPELINE_URL: 'https://gitlab.example.com/acme/api/-/pipelines/4242',
    CI_PIPELINE_ID: '4242',
    CI_PROJECT_PATH: 'acme/api',
    CI_JOB_NAME: 'deploy',
    CI_PIPELINE_SOURCE: 'push',
    GITLAB_USER_LOGIN: 'octocat'
  }
  const actionOnly = new Set(['summary', 'comment-on-pr', 'github-token', 'github-context'])
  for (const [name, value] of Object.entries(inputs)) {
    if (actionOnly.has(name) || value === '') continue
    const variable =
      name === 'harness-url' ? 'HARNESS_URL' : `HARNESS_${name.replaceAll('-', '_').toUpperCase()}`
    env[variable] = value
  }
  return env
}
