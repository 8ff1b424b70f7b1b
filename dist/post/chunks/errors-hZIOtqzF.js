// Error classes whose messages are safe to print: they are built from names, ids, line numbers,
// HTTP statuses and paths, never from secret values, tokens or keys.
/** Base class: every error the action raises on purpose. */
class ActionError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
/** The workflow's inputs are wrong: the message names the input and, where there is one, the line. */
class InputError extends ActionError {
}
/** A server answered, but not with what the protocol promises (or with an error status). */
class ServerError extends ActionError {
    status;
    constructor(message, status, options) {
        super(message, options);
        this.status = status;
    }
}

export { InputError as I, ServerError as S };
