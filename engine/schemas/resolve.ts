/**
 * The schemas' part of reading a topology: every `%% @schema` directive checked as Avro (its problems at its line
 * and column), the registry drawn (`SR[Schema Registry]`, `compatibility=` in its `@config`), and each service's
 * `schema=Name:vN` (what it writes, or reads when it publishes nothing) and `reader.schema=Name:vN`.
 */
import type { FamilyResolver, ResolveContext } from '../model/resolveContext.ts';
import { rawSettings, readLayered } from '../model/settings.ts';
import { avroType, schemaSupportLoaded } from './avro.ts';
import type { Mode } from './compat.ts';
import type { SchemasSpec } from './spec.ts';

export function resolveSchemas(ctx: ResolveContext): FamilyResolver {
  const { t, d, spec } = ctx;
  const out: SchemasSpec = (spec.schemas = { defs: [], registry: null, writers: {}, readers: {}, upgrades: [] });
  return {
    connect() {
      const declared = t.schemas ?? [];
      const registries = t.nodes.filter((n) => n.kind === 'schema-registry');
      if (registries.length > 1) d.add(registries[1]!.span, `one schema registry runs; ${registries[1]!.id} is drawn only (${registries[0]!.id} is the registry)`);
      const reg = registries[0];
      if (reg) {
        const v = readLayered([{ target: reg.id, raw: rawSettings(t, reg.id) }], ['registry']);
        out.registry = { node: reg.id, mode: v['compatibility'] as Mode };
      }
      if (declared.length === 0) return;
      if (!schemaSupportLoaded()) {
        d.add(declared[0]!.span, 'schemas need the Avro library, which is not loaded: await loadSchemaSupport() first', 'error');
        return;
      }
      for (const s of declared) {
        if (s.json === undefined) continue; // its JSON did not parse: the parser said where
        const type = avroType(s.json);
        if (typeof type === 'string') d.add(s.span, `schema '${s.name}' v${s.version} is not a valid Avro schema: ${type}`, 'error');
        else out.defs.push({ name: s.name, version: s.version, json: s.json, span: s.span });
      }
      const find = (value: string, node: string, key: string, span: Parameters<typeof d.add>[0]): number => {
        const m = /^([A-Za-z_][A-Za-z0-9_.]*)(?::v?(\d+))?$/.exec(value);
        const versions = m ? out.defs.filter((x) => x.name === m[1]) : [];
        const pick = m?.[2] ? versions.find((x) => x.version === Number(m[2])) : versions.sort((a, b) => b.version - a.version)[0];
        if (!pick) {
          d.add(span, `${node} ${key}=${value}: no schema declared by that name and version (write '%% @schema ${m?.[1] ?? 'Name'} v${m?.[2] ?? '1'} avro { ... }')`);
          return -1;
        }
        return out.defs.indexOf(pick);
      };
      for (const s of spec.services) {
        const raw = rawSettings(t, s.node);
        const span = t.directives.find((x) => x.target === s.node && x.entries.some((e) => e.key === 'schema' || e.key === 'reader.schema' || e.key === 'upgrade.to'))?.span;
        if (raw['schema']) {
          const def = find(raw['schema'], s.node, 'schema', span);
          if (def >= 0 && s.publishes.length > 0) out.writers[s.node] = def;
          if (def >= 0 && !raw['reader.schema'] && (s.publishes.length === 0 || s.consumes.length > 0)) out.readers[s.node] = def;
        }
        if (raw['reader.schema']) {
          const def = find(raw['reader.schema'], s.node, 'reader.schema', span);
          if (def >= 0) out.readers[s.node] = def;
        }
        if (raw['upgrade.to']) {
          const def = find(raw['upgrade.to'], s.node, 'upgrade.to', span);
          const v = readLayered([{ target: s.node, raw }], ['service']);
          if (def >= 0) out.upgrades.push({ node: s.node, def, atUs: Math.round((v['upgrade.at'] as number) * 1000) });
        }
      }
    },
  };
}
