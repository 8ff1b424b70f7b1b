// Runs fn over items, at most `limit` at a time; after the first failure no new item starts (each
// read would spend a use of a token already known to fail), and that failure is thrown.

/** Parallel reads and LISTs (issue 4: a small bound of 8). */
export const CONCURRENCY = 8

export async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failed = false
  const errors: unknown[] = []
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++]!
      try {
        await fn(item)
      } catch (err) {
        failed = true
        errors.push(err)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (errors.length > 0) throw errors[0]
}
