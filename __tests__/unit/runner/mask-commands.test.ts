// The runner's ::add-mask:: lines in bursts (src/runner/mask-commands.ts): a burst reaches the
// stream in one write, in order, at the next tick or at flush(), whichever comes first.
import { Writable } from 'node:stream'
import { maskCommands } from '../../../src/runner/mask-commands.js'

/** A stream that records each delivery it gets: one entry per write or writev call. */
function recordingStream(): { out: Writable; deliveries: string[][] } {
  const deliveries: string[][] = []
  const out = new Writable({
    decodeStrings: false,
    write(chunk: string, _enc, done) {
      deliveries.push([chunk])
      done()
    },
    writev(chunks, done) {
      deliveries.push(chunks.map((c) => String(c.chunk)))
      done()
    },
  })
  return { out, deliveries }
}

const tick = (): Promise<void> => new Promise((resolve) => process.nextTick(resolve))

test('a burst of masks reaches the stream in one delivery, in order, at the next tick', async () => {
  const { out, deliveries } = recordingStream()
  const lines = maskCommands(
    (form) => out.write(`::add-mask::${form}\n`),
    () => out,
  )
  for (const v of ['a1', 'b2', 'c3']) lines.add(v)
  expect(deliveries).toEqual([])
  await tick()
  expect(deliveries).toEqual([['::add-mask::a1\n', '::add-mask::b2\n', '::add-mask::c3\n']])
})

test('flush() delivers at once: what is exported next comes after the masks', () => {
  const { out, deliveries } = recordingStream()
  const lines = maskCommands(
    (form) => out.write(`::add-mask::${form}\n`),
    () => out,
  )
  lines.add('secret-1')
  lines.add('secret-2')
  lines.flush()
  expect(deliveries).toEqual([['::add-mask::secret-1\n', '::add-mask::secret-2\n']])
  // Nothing is held any more: a write after the flush goes out on its own, at once.
  out.write('after\n')
  expect(deliveries.at(-1)).toEqual(['after\n'])
})

test('each burst is its own delivery, and a flush with nothing pending does nothing', async () => {
  const { out, deliveries } = recordingStream()
  const lines = maskCommands(
    (form) => out.write(`${form}\n`),
    () => out,
  )
  lines.flush()
  lines.add('x')
  await tick()
  lines.add('y')
  lines.add('z')
  await tick()
  lines.flush()
  expect(deliveries).toEqual([['x\n'], ['y\n', 'z\n']])
})
