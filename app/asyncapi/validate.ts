/**
 * Checks a document against the official AsyncAPI JSON Schema of its version (from @asyncapi/specs, with ajv), for
 * the tests: ajv compiles schemas with eval, which the app's Content-Security-Policy forbids.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The 3.x versions whose schema @asyncapi/specs 6.11.1 ships. */
export const SUPPORTED_VERSIONS = ['3.0.0', '3.1.0'] as const;
export type SupportedVersion = (typeof SUPPORTED_VERSIONS)[number];

const compiled = new Map<SupportedVersion, ValidateFunction>();

async function schemaFor(version: SupportedVersion): Promise<object> {
  // The import attribute lets Node (Playwright's specs) load the JSON as Vite (vitest) does.
  const m =
    version === '3.0.0'
      ? await import('@asyncapi/specs/schemas/3.0.0-without-$id.json', { with: { type: 'json' } })
      : await import('@asyncapi/specs/schemas/3.1.0-without-$id.json', { with: { type: 'json' } });
  return m.default as object;
}

async function validator(version: SupportedVersion): Promise<ValidateFunction> {
  let v = compiled.get(version);
  if (!v) {
    // The schema is draft-07 with its own keywords and examples; strict mode would refuse those, not the document.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    v = ajv.compile(await schemaFor(version));
    compiled.set(version, v);
  }
  return v;
}

export interface SchemaProblem {
  /** A JSON pointer into the document. */
  pointer: string;
  message: string;
}

/**
 * The branches of a `oneOf` that failed only add noise once the deepest error is known: keep the errors that sit
 * deepest in the document, and of those the ones that name a property, which say most.
 */
function mostTelling(errors: ErrorObject[]): ErrorObject[] {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const deep = errors.filter((e) => depth(e) === deepest && e.keyword !== 'oneOf' && e.keyword !== 'if');
  const named = deep.filter((e) => e.keyword === 'required' || e.keyword === 'additionalProperties' || e.keyword === 'enum' || e.keyword === 'type');
  return named.length > 0 ? named : deep.length > 0 ? deep : errors;
}

function say(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return `needs '${String(p['missingProperty'])}'`;
  if (e.keyword === 'additionalProperties') return `has '${String(p['additionalProperty'])}', which AsyncAPI does not define here`;
  if (e.keyword === 'enum') return `must be one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return e.message ?? `fails ${e.keyword}`;
}

/**
 * The document's problems against the AsyncAPI schema of `version` (none: it validates).
 *
 * @example await validateAsyncApi(doc, '3.1.0') => [{ pointer: '/info', message: "needs 'version'" }]
 */
export async function validateAsyncApi(doc: unknown, version: SupportedVersion): Promise<SchemaProblem[]> {
  const v = await validator(version);
  if (v(doc)) return [];
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const e of mostTelling(v.errors ?? [])) {
    const problem = { pointer: e.instancePath || '/', message: say(e) };
    const key = `${problem.pointer} ${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}
