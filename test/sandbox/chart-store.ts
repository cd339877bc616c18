/** ChartMuseum's local storage backend: one directory per namespace, packages and .prov files in it. */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readChartPackage, type ChartPackage } from './chart-package';

/** A stored package with what the index needs. */
export interface StoredChart extends ChartPackage {
  digest: string;
  created: Date;
}

/** Files of each namespace under one root directory. */
export class ChartStore {
  private readonly cache = new Map<string, { key: string; chart: StoredChart }>();

  constructor(readonly root: string) {}

  private pathOf(namespace: string, filename: string): string {
    if (filename === '' || filename !== path.basename(filename) || filename === '.' || filename === '..') {
      throw new Error(`unsafe file name ${JSON.stringify(filename)}`);
    }
    return path.join(this.root, ...namespace.split('/').filter(Boolean), filename);
  }

  /** The bytes of one object, or undefined when it does not exist. */
  async get(namespace: string, filename: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(this.pathOf(namespace, filename));
    } catch {
      return undefined;
    }
  }

  /** Whether an object exists. */
  async exists(namespace: string, filename: string): Promise<boolean> {
    return fs.stat(this.pathOf(namespace, filename)).then((s) => s.isFile(), () => false);
  }

  /** Writes an object (creating the namespace directory); `mtime` sets its LastModified. */
  async put(namespace: string, filename: string, content: Buffer, mtime?: Date): Promise<void> {
    const file = this.pathOf(namespace, filename);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
    if (mtime) await fs.utimes(file, mtime, mtime);
  }

  /** Deletes an object; false when it did not exist. */
  async delete(namespace: string, filename: string): Promise<boolean> {
    return fs.unlink(this.pathOf(namespace, filename)).then(() => true, () => false);
  }

  /** Every loadable package of a namespace (unloadable files are skipped, as ChartMuseum logs and skips them). */
  async list(namespace: string): Promise<StoredChart[]> {
    const dir = path.join(this.root, ...namespace.split('/').filter(Boolean));
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    const charts: StoredChart[] = [];
    for (const name of names.filter((n) => n.endsWith('.tgz')).sort()) {
      const file = path.join(dir, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat?.isFile()) continue;
      const key = `${stat.size}:${stat.mtimeMs}`;
      const cached = this.cache.get(file);
      if (cached?.key === key) { charts.push(cached.chart); continue; }
      try {
        const content = await fs.readFile(file);
        const chart: StoredChart = { ...readChartPackage(content), digest: createHash('sha256').update(content).digest('hex'), created: stat.mtime };
        this.cache.set(file, { key, chart });
        charts.push(chart);
      } catch {
        // not a chart: ChartMuseum leaves it out of the index
      }
    }
    return charts;
  }
}
