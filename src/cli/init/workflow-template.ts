/**
 * The workflow `keel init` writes: examples/workflows/keel.yml, word for word (test/cli/init.test.ts keeps
 * them equal), with `OWNER/keel` replaced by the keel repository the user names. A string, not a file read at
 * run time: the \`keel\` bin is one bundle and carries no examples/ folder.
 */
export const KEEL_WORKFLOW = `# keel in your repository: on a schedule (issues labelled \`keel\`, oldest first, one at a time), on demand
# (workflow_dispatch, with \`resume: true\` to continue an interrupted run, \`doctor: true\` to check the setup),
# and from issue comments (\`/keel run …\`, \`/keel resume\`, \`/keel status\`, \`/keel pause\`, \`/keel unpause\`).
#
# Copy it to .github/workflows/keel.yml. \`OWNER/keel@v1\` is keel's repository and major release: if you use a
# fork, put its owner there. See the README's "Set up keel in your repository".
name: keel

on:
  schedule:
    - cron: '17 */6 * * *'
  workflow_dispatch:
    inputs:
      task:
        description: What to do
        type: string
        default: ''
      resume:
        description: Resume an interrupted run
        type: boolean
        default: false
      run-id:
        description: The run to resume (empty = the latest unfinished one)
        type: string
        default: ''
      doctor:
        description: Only check the setup (config, keys, models, labels, permissions) and report
        type: boolean
        default: false
  issue_comment:
    types: [created]

# Least privilege: the work and state branches (and claim refs), issues (recovery, manual implementation,
# tracking comment, labels), the pull request, and reading artifacts of earlier runs on resume.
permissions:
  contents: write
  issues: write
  pull-requests: write
  actions: read

jobs:
  # \`/keel status\`, \`/keel pause\`, \`/keel unpause\` answer at once on a GitHub-hosted runner: never queued
  # behind a 90-minute run, never cancelled by one, answered when the self-hosted runner is offline.
  command:
    if: >-
      github.event_name == 'issue_comment' &&
      contains(fromJSON('["OWNER", "MEMBER", "COLLABORATOR"]'), github.event.comment.author_association) &&
      (startsWith(github.event.comment.body, '/keel status') ||
       startsWith(github.event.comment.body, '/keel pause') ||
       startsWith(github.event.comment.body, '/keel unpause'))
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions:
      contents: read
      issues: write
    steps:
      - uses: actions/checkout@v4
      - uses: OWNER/keel@v1

  keel:
    # Cheap pre-filter: strangers neither occupy the self-hosted runner nor cancel a maintainer's queued run.
    # keel itself checks the commenter's write access (the collaborator-permission API) and ignores the rest.
    if: >-
      github.event_name != 'issue_comment' ||
      (contains(fromJSON('["OWNER", "MEMBER", "COLLABORATOR"]'), github.event.comment.author_association) &&
       startsWith(github.event.comment.body, '/keel') &&
       !startsWith(github.event.comment.body, '/keel status') &&
       !startsWith(github.event.comment.body, '/keel pause') &&
       !startsWith(github.event.comment.body, '/keel unpause'))
    # A self-hosted runner that can see the LAN models (labels: self-hosted, local-llm); hosted endpoints
    # serve as the fallback. With hosted endpoints only, use ubuntu-latest.
    runs-on: [self-hosted, local-llm]
    timeout-minutes: 90
    # One run per issue at a time; runs are never cancelled by a newer one (they checkpoint and resume).
    concurrency:
      group: keel-\${{ github.event.issue.number || github.ref }}
      cancel-in-progress: false
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: OWNER/keel@v1
        # Untrusted text (comments, issue bodies) is read by keel from the event payload, never interpolated
        # here; API keys reach it only through env.
        env:
          OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}
        with:
          task: \${{ inputs.task }}
          resume: \${{ inputs.resume || false }}
          run-id: \${{ inputs.run-id }}
          doctor: \${{ inputs.doctor || false }}
          time-budget-minutes: '80'
          # keel pushes (work branch, state branch) and opens pull requests with this token. The default,
          # GITHUB_TOKEN, starts no push/pull_request workflows: no CI on keel's pull requests. A PAT
          # (contents and pull requests: write) or a GitHub App token here starts them.
          # github-token: \${{ secrets.KEEL_TOKEN }}
`;

/** The placeholder for keel's repository in the examples. */
export const KEEL_REPOSITORY_PLACEHOLDER = 'OWNER/keel';
