// How exported names are shaped (src/runner/shape.ts): parse_json, name_prefix, name_transformation.
import { InputError } from '../errors.js'
import type { InputReader } from '../input-readers.js'
import { NAME_TRANSFORMATIONS, type ShapeSettings } from '../runner/shape.js'

// The prefix starts every env name, so it must be a valid start of one.
const PREFIX = /^[A-Za-z_][A-Za-z0-9_]*$/

export function readShaping(read: InputReader): ShapeSettings {
  const namePrefix = read.text('name_prefix')
  if (namePrefix !== '' && !PREFIX.test(namePrefix))
    throw new InputError(
      `Input 'name_prefix' must be letters, digits and '_', not starting with a digit (e.g. TF_VAR_), got ${JSON.stringify(namePrefix.slice(0, 60))}.`,
    )
  return Object.freeze({
    parseJson: read.boolean('parse_json', false),
    namePrefix,
    nameTransformation: read.choice('name_transformation', NAME_TRANSFORMATIONS),
  })
}
