/**
 * AsyncAPI files: the topology written as YAML or JSON, and a picked file read back into topology text. Loaded by a
 * dynamic import when a learner picks an AsyncAPI entry of the File menu, with yaml, so neither is in the first load.
 * The official JSON Schema checks EventLab's documents in the tests (validate.ts), not here: ajv compiles a schema
 * with eval, which the app's Content-Security-Policy forbids; an imported document is judged by what maps.
 */
import { LineCounter, parseDocument, stringify } from 'yaml';
import { fromAsyncApi, toAsyncApi, type Topology } from '../../engine/index.ts';

export type AsyncApiFormat = 'yaml' | 'json';

/** The document of `topology`, as file text. */
export function asyncApiText(topology: Topology, title: string, format: AsyncApiFormat): string {
  const { doc } = toAsyncApi(topology, { title });
  return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc, { lineWidth: 0 });
}

export type AsyncApiImport = { ok: true; text: string; name: string; notes: string[] } | { ok: false; reason: string };

/** Where a JSON pointer sits in the file: `line 12, column 7`, or the pointer alone when the file does not say. */
function place(pointer: string, doc: ReturnType<typeof parseDocument>, lines: LineCounter): string {
  const path = pointer === '/' ? [] : pointer.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  // The deepest node the file has on the way (a missing property is reported on the object that lacks it).
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return `line ${line}, column ${col} (${pointer})`;
    }
  }
  return pointer;
}

/**
 * Reads an AsyncAPI 3.x file (YAML or JSON). A file that does not parse or is not AsyncAPI 3.x is refused with
 * where; one that maps comes back as topology text and notes (line, column, pointer) on what it left out.
 */
export async function importAsyncApi(fileName: string, source: string): Promise<AsyncApiImport> {
  const lines = new LineCounter();
  // Plain messages: the place is said once, in EventLab's words, without yaml's excerpt of the source.
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const bad = doc.errors[0];
  if (bad) {
    const at = lines.linePos(bad.pos[0]);
    return { ok: false, reason: `${fileName} is not YAML or JSON: line ${at.line}, column ${at.col}: ${(bad.message.split('\n')[0] ?? '').replace(/\.?$/, '.')}` };
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  const r = fromAsyncApi(value);
  if (!r.ok) return { ok: false, reason: `${fileName}: at ${place(r.problem.pointer, doc, lines)}, ${r.problem.message}.` };
  return { ok: true, text: r.text, name: r.title, notes: r.notes.map((n) => `at ${place(n.pointer, doc, lines)}: ${n.message}`) };
}

/** What a picked file opens as: topology text and a workspace name, and a notice when parts were left out. */
export type PickedFile = { ok: true; text: string; name: string; notice: string | null } | { ok: false; reason: string };

/**
 * Reads a picked file as AsyncAPI; a refusal's reason ends by saying nothing was imported. The caller passes the size
 * limit of imports (importFile.ts, in the first load), so that module is not shared with this one as a chunk.
 */
export async function readAsyncApiFile(file: File, bytesMax: number): Promise<PickedFile> {
  const refuse = (why: string): PickedFile => ({ ok: false, reason: `${why} Nothing was imported.` });
  if (file.size > bytesMax) return refuse(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB; an AsyncAPI file is at most ${bytesMax / 1e6} MB here.`);
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return refuse(`${file.name} is not a text file (it is not valid UTF-8).`);
  }
  let r: AsyncApiImport;
  try {
    r = await importAsyncApi(file.name, source);
  } catch (e) {
    // The mapping is tested never to throw; should it, the learner still hears why and loses nothing.
    return refuse(`${file.name} could not be read as AsyncAPI: ${(e as Error).message}.`);
  }
  if (!r.ok) return refuse(r.reason);
  const more = r.notes.length > 1 ? ` (${r.notes.length - 1} more left out, each noted the same way)` : '';
  return { ok: true, text: r.text, name: r.name, notice: r.notes.length > 0 ? `Imported from AsyncAPI, except: ${r.notes[0]}${more}.` : null };
}
