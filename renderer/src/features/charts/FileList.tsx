import { formatBytes } from './format';
import type { ChartVersionContent } from './types';

/** The files inside a chart package, with their sizes. */
export function FileList({ files }: { files: ChartVersionContent['files'] }) {
  if (files.length === 0) return <p className="muted">The package lists no files.</p>;
  return (
    <table className="file-table" data-testid="file-list">
      <thead>
        <tr>
          <th scope="col">Path</th>
          <th scope="col" className="num">
            Size
          </th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <tr key={file.path}>
            <td className="mono">{file.path}</td>
            <td className="num muted">{formatBytes(file.size)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
