import { describe, expect, it } from '@jest/globals'
import { detectCi, type GitLookup } from '../src/cli/ci.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'

/** A Git that must not be asked: every CI's environment carries its own answers. */
const noGit: GitLookup = args => {
  throw new Error(`git ${args.join(' ')} was run inside a CI`)
}

describe('detectCi', () => {
  it('github: as the action (PR head branch, PR number from refs/pull/N/merge)', () => {
    const base = {
      GITHUB_ACTIONS: 'true',
      GITHUB_SHA: SHA,
      GITHUB_REPOSITORY: 'acme/api',
      GITHUB_RUN_ID: '42',
      GITHUB_SERVER_URL: 'https://github.com/',
      GITHUB_JOB: 'deploy',
      GITHUB_ACTOR: 'octocat'
    }
    expect(
      detectCi({ ...base, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature/x' }, noGit)
    ).toEqual({
      provider: 'github',
      repository: 'acme/api',
      branch: 'feature/x',
      sha: SHA,
      runId: '42',
      runUrl: 'https://github.com/acme/api/actions/runs/42',
      job: 'deploy',
      actor: 'octocat',
      event: 'push'
    })
    const pr = detectCi(
      {
        ...base,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_HEAD_REF: 'fix/y'
      },
      noGit
    )
    expect(pr).toMatchObject({ branch: 'fix/y', prNumber: 7, event: 'pull_request' })
    const tag = detectCi({ ...base, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1' }, noGit)
    expect(tag.branch).toBeUndefined()
  })

  it('gitlab: push, merge request, tag', () => {
    const base = {
      GITLAB_CI: 'true',
      CI_COMMIT_SHA: SHA,
      CI_PROJECT_PATH: 'group/api',
      CI_PIPELINE_ID: '1001',
      CI_PIPELINE_URL: 'https://gitlab.com/group/api/-/pipelines/1001',
      CI_JOB_NAME: 'deploy',
      GITLAB_USER_LOGIN: 'dev'
    }
    expect(
      detectCi({ ...base, CI_COMMIT_BRANCH: 'main', CI_PIPELINE_SOURCE: 'push' }, noGit)
    ).toEqual({
      provider: 'gitlab',
      repository: 'group/api',
      branch: 'main',
      sha: SHA,
      runId: '1001',
      runUrl: 'https://gitlab.com/group/api/-/pipelines/1001',
      job: 'deploy',
      actor: 'dev',
      event: 'push'
    })
    expect(
      detectCi(
        {
          ...base,
          CI_PIPELINE_SOURCE: 'merge_request_event',
          CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/x',
          CI_MERGE_REQUEST_IID: '12'
        },
        noGit
      )
    ).toMatchObject({ branch: 'feature/x', prNumber: 12, event: 'merge_request_event' })
    expect(detectCi({ ...base, CI_COMMIT_TAG: 'v1.0.0' }, noGit).branch).toBeUndefined()
  })

  it('jenkins: multibranch PR (CHANGE_*), branch job, freestyle (origin/x), tag', () => {
    const base = {
      JENKINS_URL: 'https://ci.example.com/',
      GIT_COMMIT: SHA,
      BUILD_NUMBER: '17',
      BUILD_URL: 'https://ci.example.com/job/api/17/',
      JOB_NAME: 'api/PR-5',
      GIT_URL: 'https://bot:s3cr3t-token@git.example.com/acme/api.git'
    }
    expect(
      detectCi(
        {
          ...base,
          BRANCH_NAME: 'PR-5',
          CHANGE_ID: '5',
          CHANGE_BRANCH: 'feature/x',
          CHANGE_AUTHOR: 'dev'
        },
        noGit
      )
    ).toEqual({
      provider: 'jenkins',
      repository: 'https://git.example.com/acme/api.git',
      branch: 'feature/x',
      sha: SHA,
      runId: '17',
      runUrl: 'https://ci.example.com/job/api/17/',
      job: 'api/PR-5',
      actor: 'dev',
      prNumber: 5
    })
    expect(detectCi({ ...base, BRANCH_NAME: 'main' }, noGit).branch).toBe('main')
    expect(detectCi({ ...base, GIT_BRANCH: 'origin/release/2' }, noGit).branch).toBe('release/2')
    expect(detectCi({ ...base, BRANCH_NAME: 'v1', TAG_NAME: 'v1' }, noGit).branch).toBeUndefined()
  })

  it('circleci: PR number from CIRCLE_PR_NUMBER, else the end of CIRCLE_PULL_REQUEST', () => {
    const base = {
      CIRCLECI: 'true',
      CIRCLE_SHA1: SHA,
      CIRCLE_BRANCH: 'feature/x',
      CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/api/88',
      CIRCLE_BUILD_NUM: '88',
      CIRCLE_PROJECT_USERNAME: 'acme',
      CIRCLE_PROJECT_REPONAME: 'api',
      CIRCLE_JOB: 'deploy',
      CIRCLE_USERNAME: 'dev'
    }
    expect(
      detectCi({ ...base, CIRCLE_PULL_REQUEST: 'https://github.com/acme/api/pull/31' }, noGit)
    ).toEqual({
      provider: 'circleci',
      repository: 'acme/api',
      branch: 'feature/x',
      sha: SHA,
      runId: '88',
      runUrl: 'https://circleci.com/gh/acme/api/88',
      job: 'deploy',
      actor: 'dev',
      prNumber: 31
    })
    expect(detectCi({ ...base, CIRCLE_PR_NUMBER: '30' }, noGit).prNumber).toBe(30)
    expect(detectCi({ ...base, CIRCLE_TAG: 'v1' }, noGit).branch).toBeUndefined()
  })

  it('bitbucket: the run URL from the repository and build number', () => {
    expect(
      detectCi(
        {
          BITBUCKET_BUILD_NUMBER: '9',
          BITBUCKET_COMMIT: SHA,
          BITBUCKET_BRANCH: 'feature/x',
          BITBUCKET_REPO_FULL_NAME: 'acme/api',
          BITBUCKET_PR_ID: '4',
          BITBUCKET_STEP_TRIGGERER_UUID: '{1234}'
        },
        noGit
      )
    ).toEqual({
      provider: 'bitbucket',
      repository: 'acme/api',
      branch: 'feature/x',
      sha: SHA,
      runId: '9',
      runUrl: 'https://bitbucket.org/acme/api/pipelines/results/9',
      actor: '{1234}',
      prNumber: 4
    })
  })

  it('azure: feature/x from refs/heads/feature/x, the PR source branch first, no tag branch', () => {
    const base = {
      TF_BUILD: 'True',
      BUILD_SOURCEVERSION: SHA,
      BUILD_SOURCEBRANCH: 'refs/heads/feature/x',
      BUILD_SOURCEBRANCHNAME: 'x',
      SYSTEM_COLLECTIONURI: 'https://dev.azure.com/acme/',
      SYSTEM_TEAMPROJECT: 'Payments Team',
      BUILD_BUILDID: '321',
      BUILD_REPOSITORY_NAME: 'api',
      SYSTEM_JOBDISPLAYNAME: 'Deploy',
      BUILD_REQUESTEDFOR: 'Dev One',
      BUILD_REASON: 'IndividualCI'
    }
    expect(detectCi(base, noGit)).toEqual({
      provider: 'azure',
      repository: 'api',
      branch: 'feature/x',
      sha: SHA,
      runId: '321',
      runUrl: 'https://dev.azure.com/acme/Payments%20Team/_build/results?buildId=321',
      job: 'Deploy',
      actor: 'Dev One',
      event: 'IndividualCI'
    })
    expect(
      detectCi(
        {
          ...base,
          BUILD_SOURCEBRANCH: 'refs/pull/8/merge',
          SYSTEM_PULLREQUEST_SOURCEBRANCH: 'refs/heads/fix/y',
          SYSTEM_PULLREQUEST_PULLREQUESTID: '8008',
          SYSTEM_PULLREQUEST_PULLREQUESTNUMBER: '8',
          BUILD_REASON: 'PullRequest'
        },
        noGit
      )
    ).toMatchObject({ branch: 'fix/y', prNumber: 8 })
    expect(detectCi({ ...base, SYSTEM_PULLREQUEST_PULLREQUESTID: '8008' }, noGit).prNumber).toBe(
      8008
    )
    expect(detectCi({ ...base, BUILD_SOURCEBRANCH: 'refs/tags/v1' }, noGit).branch).toBeUndefined()
  })

  it('buildkite: BUILDKITE_PULL_REQUEST unless false; a tag build has no branch', () => {
    const base = {
      BUILDKITE: 'true',
      BUILDKITE_COMMIT: SHA,
      BUILDKITE_BRANCH: 'feature/x',
      BUILDKITE_BUILD_URL: 'https://buildkite.com/acme/api/builds/5',
      BUILDKITE_BUILD_NUMBER: '5',
      BUILDKITE_REPO: 'git@github.com:acme/api.git',
      BUILDKITE_LABEL: ':rocket: deploy',
      BUILDKITE_BUILD_CREATOR: 'Dev One',
      BUILDKITE_SOURCE: 'webhook'
    }
    expect(detectCi({ ...base, BUILDKITE_PULL_REQUEST: 'false' }, noGit)).toEqual({
      provider: 'buildkite',
      repository: 'git@github.com:acme/api.git',
      branch: 'feature/x',
      sha: SHA,
      runId: '5',
      runUrl: 'https://buildkite.com/acme/api/builds/5',
      job: ':rocket: deploy',
      actor: 'Dev One',
      event: 'webhook'
    })
    expect(detectCi({ ...base, BUILDKITE_PULL_REQUEST: '3' }, noGit).prNumber).toBe(3)
    expect(
      detectCi({ ...base, BUILDKITE_BRANCH: 'v1', BUILDKITE_TAG: 'v1' }, noGit).branch
    ).toBeUndefined()
  })

  it('local: the checkout through Git, asked once, only here', () => {
    const asked: string[] = []
    const git: GitLookup = args => {
      asked.push(args.join(' '))
      return `${SHA}\nrefs/heads/feature/x`
    }
    expect(detectCi({}, git)).toEqual({ provider: 'local', sha: SHA, branch: 'feature/x' })
    expect(asked).toEqual(['rev-parse HEAD --symbolic-full-name HEAD'])
  })

  it('local: a detached HEAD has no branch; no Git (or an odd answer) leaves out both', () => {
    expect(detectCi({}, () => `${SHA}\nHEAD`)).toEqual({ provider: 'local', sha: SHA })
    expect(detectCi({}, () => undefined)).toEqual({ provider: 'local' })
    expect(detectCi({}, () => 'fatal: not a git repository')).toEqual({ provider: 'local' })
  })

  it('leaves out empty variables rather than sending ""', () => {
    expect(
      detectCi({ GITLAB_CI: 'true', CI_COMMIT_SHA: ' ', CI_COMMIT_BRANCH: '' }, noGit)
    ).toEqual({ provider: 'gitlab' })
  })
})
