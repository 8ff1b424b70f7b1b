// For property tests of parsers that must never repeat secret input in their error messages.
// Free-text parts end with '~', which none of those messages contains: a message that contains
// such a part echoed it, while a part that happens to spell a word of the message ("length") is
// not mistaken for an echo. Random hex and UUIDs cannot spell one and are checked as they are.
// A parser that echoed its input would echo every one of these parts just the same.
import fc from 'fast-check'

export const MARK = '~'

/** The generator's strings, each ending with MARK. */
export const marked = (g: fc.Arbitrary<string>): fc.Arbitrary<string> => g.map((s) => `${s}${MARK}`)

const RANDOM_ID = /^[0-9a-f-]{32,36}$/

/** Whether `message` repeats `part`: a marked part or a random id of 6+ characters (shorter ones occur by chance). */
export function echoes(message: string, part: string): boolean {
  return part.length >= 6 && (part.endsWith(MARK) || RANDOM_ID.test(part)) && message.includes(part)
}

/** What `fn` threw, or undefined when it returned. */
export function outcome(fn: () => unknown): Error | undefined {
  try {
    fn()
    return undefined
  } catch (e) {
    return e as Error
  }
}
