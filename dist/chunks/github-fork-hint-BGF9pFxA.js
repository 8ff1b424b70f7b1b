import { I as InputError } from './startup-B0l7F2rJ.js';





const MISSING_CREDENTIAL = /^Input '(access_token|client_id|client_secret)' is empty\b/;
const PR_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);
function repoName(name) {
    return (name ?? '').replace(/[^\w.\-/]/g, '').slice(0, 200) || '(deleted fork)';
}
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
        return err;
    }
    return hint === undefined ? err : new InputError(`${err.message} ${hint}`, { cause: err });
}

export { forkHint, withForkHint };
