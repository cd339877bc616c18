/** The offline copy of a registry namespace: what discovery found, as JSON in the offline store, shown when the registry is unreachable. */
import { z } from 'zod';
import type { ChartVersion } from '../index/query-types';
import type { Discovery } from './registry-discovery';
import type { RegistryChart } from './registry-namespace';
import { sortTags } from './registry-tags';

const SnapshotSchema = z.object({
  version: z.literal(1),
  mode: z.enum(['catalog', 'named']),
  note: z.string(),
  charts: z.array(
    z.object({
      name: z.string(),
      repository: z.string(),
      tags: z.array(z.string()),
      read: z.array(z.tuple([z.string(), z.looseObject({ name: z.string(), version: z.string() })])),
      problem: z.object({ kind: z.enum(['not-a-chart', 'unreadable', 'no-versions']), message: z.string() }).optional(),
    }),
  ),
});

/** The snapshot bytes of a discovery. */
export function snapshotBytes(discovery: Discovery): Buffer {
  const charts = discovery.charts.map((c) => ({
    name: c.name,
    repository: c.repository,
    tags: [...c.tags.versions.map((v) => v.tag), ...c.tags.others],
    read: [...c.read.entries()],
    ...(c.problem ? { problem: c.problem } : {}),
  }));
  return Buffer.from(JSON.stringify({ version: 1, mode: discovery.mode, note: discovery.note, charts }));
}

/** The discovery a snapshot holds, or undefined when the bytes are not a snapshot. */
export function discoveryOfSnapshot(bytes: Buffer): Discovery | undefined {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = SnapshotSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const charts: RegistryChart[] = parsed.data.charts.map((c) => ({
    name: c.name,
    repository: c.repository,
    tags: sortTags(c.tags),
    read: new Map(c.read.map(([tag, version]) => [tag, version as unknown as ChartVersion])),
    ...(c.problem ? { problem: c.problem } : {}),
  }));
  return { charts, mode: parsed.data.mode, note: parsed.data.note };
}
