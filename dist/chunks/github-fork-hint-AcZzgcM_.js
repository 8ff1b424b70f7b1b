import { I as InputError } from './startup-BC6kiPgg.js';





// Why a credential input is empty, when the event says why: GitHub passes no repository or
// environment secrets to a `pull_request` run from a fork, and Dependabot's runs get Dependabot's
// secrets only. Loaded with import() only when reading the inputs failed, and @actions/github (about
// a megabyte with Octokit) only when the failure is an empty credential.
/** The inputs that normally come from `${{ secrets.\u2026 }}`. */
const MISSING_CREDENTIAL = /^Input '(access_token|client_id|client_secret)' is empty\b/;
const PR_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);
/** A repository name from the event payload, safe to print (owner/name characters only, bounded). */
function repoName(name) {
    return (name ?? '').replace(/[^\w.\-/]/g, '').slice(0, 200) || '(deleted fork)';
}
/** The hint for this event, or undefined when the event gives no reason for missing secrets. */
function forkHint(ctx) {
    const event = ctx.eventName ?? '';
    const pr = ctx.payload.pull_request;
    if (PR_EVENTS.has(event) && pr) {
        const head = pr.head?.repo;
        const base = pr.base?.repo?.full_name ?? ctx.payload.repository?.full_name;
        const fromFork = head === null ||
            head === undefined ||
            head.fork === true ||
            (head.full_name !== undefined && base !== undefined && head.full_name !== base);
        if (fromFork) {
            return (`This run is a '${event}' event for a pull request from the fork ${repoName(head?.full_name)} into ${repoName(base)}: ` +
                'GitHub passes no repository or environment secrets to such runs (and only a read-only GITHUB_TOKEN). ' +
                "Skip this step for forks (if: github.event.pull_request.head.repo.full_name == github.repository), or use 'pull_request_target' " +
                "with care: it runs the base branch's workflow with secrets, so never check out or run the pull request's code in that job; " +
                'a deployment environment with required reviewers adds a human approval before secrets are used.');
        }
    }
    if (ctx.actor === 'dependabot[bot]') {
        return (`This run was triggered by Dependabot ('${event}' event): such runs get Dependabot secrets, not Actions secrets. ` +
            'Add the secret under Settings \u2192 Secrets and variables \u2192 Dependabot as well.');
    }
    return undefined;
}
/**
 * Returns the error to report: an empty-credential InputError gets the event's explanation appended
 * (it keeps its class and start, so the README's troubleshooting row still matches); anything else
 * comes back unchanged.
 */
async function withForkHint(err) {
    if (!(err instanceof InputError) || !MISSING_CREDENTIAL.test(err.message))
        return err;
    if (!process.env.GITHUB_EVENT_NAME)
        return err;
    let hint;
    try {
        const { context } = await import('./github-Bc5gRv8m.js');
        hint = forkHint(context);
    }
    catch {
        return err; // an unreadable event file must not hide the original error
    }
    return hint === undefined ? err : new InputError(`${err.message} ${hint}`, { cause: err });
}

export { forkHint, withForkHint };
