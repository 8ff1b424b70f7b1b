// Empty credentials explained from the event (@actions/github's context): a pull request from a fork
// gets no secrets, Dependabot gets Dependabot's; anything else keeps the plain "input is empty"
// message. Unit tests of forkHint, and end to end through `node dist/index.js` with a real
// GITHUB_EVENT_PATH file, as the runner provides it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { forkHint, type EventContext } from '../../src/github/fork-hint.js'
import { runAction } from '../../test/harness/run-action.js'

const BASE = 'acme/app'

function prPayload(head: string | null, extra: Record<string, unknown> = {}): EventContext['payload'] {
  return {
    pull_request: {
      head: { repo: head === null ? null : { full_name: head, fork: head !== BASE } },
      base: { repo: { full_name: BASE } },
      ...extra,
    },
    repository: { full_name: BASE },
  }
}

describe('forkHint', () => {
  test.each(['pull_request', 'pull_request_review', 'pull_request_review_comment'])(
    'a %s from a fork is explained',
    (event) => {
      const hint = forkHint({ eventName: event, actor: 'octocat', payload: prPayload('mallory/app') })!
      expect(hint).toMatch(
        new RegExp(
          `^This run is a '${event}' event for a pull request from the fork mallory/app into acme/app: GitHub passes no repository or environment secrets`,
        ),
      )
      expect(hint).toContain("'pull_request_target'")
      expect(hint).toContain('never check out or run the pull request')
      expect(hint).toContain('if: github.event.pull_request.head.repo.full_name == github.repository')
    },
  )

  test('a deleted fork (head.repo null) is a fork too', () => {
    expect(forkHint({ eventName: 'pull_request', payload: prPayload(null) })).toContain(
      'from the fork (deleted fork) into acme/app',
    )
  })

  test('head.fork alone, or differing names alone, mark a fork', () => {
    expect(
      forkHint({
        eventName: 'pull_request',
        payload: {
          pull_request: { head: { repo: { full_name: BASE, fork: true } }, base: { repo: { full_name: BASE } } },
        },
      }),
    ).toBeDefined()
    expect(
      forkHint({
        eventName: 'pull_request',
        payload: { pull_request: { head: { repo: { full_name: 'x/y' } } }, repository: { full_name: BASE } },
      }),
    ).toBeDefined()
  })

  test('repository names from the payload are printed only as owner/name characters', () => {
    const hint = forkHint({ eventName: 'pull_request', payload: prPayload('evil/app\n::error::x <b>') })!
    expect(hint).toContain('from the fork evil/apperrorxb into')
    expect(hint).not.toMatch(/[\n<>:]{2}/)
  })

  test.each([
    ['a same-repository pull request', { eventName: 'pull_request', actor: 'octocat', payload: prPayload(BASE) }],
    ['a push', { eventName: 'push', actor: 'octocat', payload: { repository: { full_name: BASE } } }],
    [
      'pull_request_target (it has secrets)',
      { eventName: 'pull_request_target', actor: 'octocat', payload: prPayload('mallory/app') },
    ],
    ['a workflow_dispatch', { eventName: 'workflow_dispatch', payload: {} }],
  ])('%s gets no hint', (_what, ctx) => {
    expect(forkHint(ctx as EventContext)).toBeUndefined()
  })

  test('Dependabot runs are told about Dependabot secrets', () => {
    expect(forkHint({ eventName: 'pull_request', actor: 'dependabot[bot]', payload: prPayload(BASE) })).toMatch(
      /^This run was triggered by Dependabot \('pull_request' event\): such runs get Dependabot secrets, not Actions secrets/,
    )
  })
})

describe('end to end', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'inject-secrets-fork-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  function eventEnv(name: string, payload: unknown, actor = 'octocat'): Record<string, string> {
    const path = join(dir, `${name}-${Math.random().toString(36).slice(2)}.json`)
    writeFileSync(path, JSON.stringify(payload))
    return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: BASE, GITHUB_ACTOR: actor }
  }

  const EMPTY =
    "inject-secrets: Input 'access_token' is empty: it is required. If it comes from a secret, check the secret's name and that this workflow can read it."

  test('an empty access_token on a pull_request from a fork names the event and the way out', async () => {
    const run = await runAction(
      { access_token: '', secrets: 'X > Y' },
      { env: eventEnv('pull_request', prPayload('mallory/app')) },
    )
    expect(run.exitCode).toBe(1)
    expect(run.error).toBe(
      `${EMPTY} This run is a 'pull_request' event for a pull request from the fork mallory/app into acme/app: GitHub passes no repository or environment secrets to such runs (and only a read-only GITHUB_TOKEN). ` +
        "Skip this step for forks (if: github.event.pull_request.head.repo.full_name == github.repository), or use 'pull_request_target' with care: " +
        "it runs the base branch's workflow with secrets, so never check out or run the pull request's code in that job; " +
        'a deployment environment with required reviewers adds a human approval before secrets are used.',
    )
    expect(run.envFile).toBe('')
    expect(run.outputFile).toBe('')
    expect(run.summary).toBe('')
  })

  test('an empty client_secret (client_id from a variable) on a fork pull request is explained too', async () => {
    const run = await runAction(
      { access_token: '', client_id: 'id-from-vars', client_secret: '' },
      { env: eventEnv('pull_request', prPayload('mallory/app')) },
    )
    expect(run.error).toMatch(
      /^inject-secrets: Input 'client_secret' is empty: .* This run is a 'pull_request' event for a pull request from the fork mallory\/app/,
    )
  })

  test('a same-repository pull request and a push keep the plain message', async () => {
    const same = await runAction(
      { access_token: '', secrets: 'X > Y' },
      { env: eventEnv('pull_request', prPayload(BASE)) },
    )
    expect(same.error).toBe(EMPTY)
    const push = await runAction(
      { access_token: '', secrets: 'X > Y' },
      { env: eventEnv('push', { repository: { full_name: BASE } }) },
    )
    expect(push.error).toBe(EMPTY)
    const local = await runAction({ access_token: '', secrets: 'X > Y' })
    expect(local.error).toBe(EMPTY)
  })

  test('an unreadable event file never hides the original message', async () => {
    const env = eventEnv('pull_request', {})
    writeFileSync(env.GITHUB_EVENT_PATH!, '{ not json')
    const run = await runAction({ access_token: '', secrets: 'X > Y' }, { env })
    expect(run.error).toBe(EMPTY)
  })

  test('other input errors are unchanged on a fork pull request', async () => {
    const run = await runAction(
      { access_token: 'x', timeout: 'soon' },
      { env: eventEnv('pull_request', prPayload('mallory/app')) },
    )
    expect(run.error).toBe(
      "inject-secrets: Input 'timeout' must be a number of seconds between 1 and 3600, got 'soon'.",
    )
  })
})
