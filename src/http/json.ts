// Checking what servers send, shared by every provider: objects, string fields, and error text cut
// down to one printable, bounded line (a server's message goes into our error, never its body).
import { ServerError } from '../errors.js'
import type { HttpResponse } from './body.js'

export type Json = Record<string, unknown>

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A body parsed as a JSON object, or undefined (not JSON, or not an object): for reading error text. */
export function jsonObjectOf(text: string): Json | undefined {
  try {
    const body: unknown = JSON.parse(text)
    return isObject(body) ? body : undefined
  } catch {
    return undefined
  }
}

/** "<where>: unexpected response from the server (<problem>)." */
export function shapeError(where: string, problem: string): ServerError {
  return new ServerError(`${where}: unexpected response from the server (${problem}).`)
}

export function stringField(o: Json, name: string, where: string): string {
  const v = o[name]
  if (typeof v !== 'string') throw shapeError(where, `field '${name}' is missing or not a string`)
  return v
}

/** Server text as one line: control characters (newlines, escapes) become spaces; at most `max` characters. */
export function oneLine(text: string, max = 200): string {
  const line = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return line.length > max ? `${line.slice(0, max)}…` : line
}

/** Parses a JSON body; a non-JSON body is a ServerError that quotes nothing of it. */
export function parseJson(res: HttpResponse, where: string): unknown {
  try {
    return JSON.parse(res.text)
  } catch {
    const type = res.headers['content-type'] ?? 'no content type'
    throw new ServerError(
      `${where}: expected JSON, got ${res.text.length} bytes of ${String(type)} (HTTP ${res.status})`,
      res.status,
    )
  }
}
