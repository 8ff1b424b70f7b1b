// Cleanups the main step records for the post step (runs.post): each is a kind plus string data,
// saved with the runner's state (core.saveState → GITHUB_STATE → STATE_<key> in the post step).
// No @actions/core here: main hands in saveState, post hands in the saved text and the handlers.
/** The state key holding the JSON list of cleanups. */
const CLEANUP_STATE_KEY = 'inject_secrets_cleanups';
const recorded = [];
/** Adds a cleanup and saves the whole list (the runner keeps the last value of a key). */
function recordCleanup(saveState, cleanup) {
    recorded.push({ kind: cleanup.kind, data: { ...cleanup.data } });
    saveState(CLEANUP_STATE_KEY, JSON.stringify(recorded));
}

export { recordCleanup as r };
