// Work a run needs later but not before its first request (loading node:crypto for decryption and
// @actions/core's file commands, the job summary's module): queued here and done once a request
// has been sent, while the answer is on its way (a round trip is tens of milliseconds on a real
// network), instead of before the request, where it would add to the wall time.

const queued: Array<() => void> = []

/** Queues `task` for the next moment a request is in flight. */
export function whileWaiting(task: () => void): void {
  queued.push(task)
}

/** Settles the next moment a request is in flight: work chained to it runs during the round trip. */
export function requestSent(): Promise<void> {
  return new Promise((sent) => whileWaiting(sent))
}

/**
 * Runs what is queued; the HTTP client calls this once a request's bytes have been sent (through a
 * proxy, whose client does not say when, once the exchange has settled).
 */
export function runQueuedWork(): void {
  for (const task of queued.splice(0)) {
    try {
      task()
    } catch {
      // Only preparation: whatever failed here fails again, with its own error, where it is needed.
    }
  }
}
