import { CopyButton } from '../../components/CopyButton';
import { authorizationHeader, curlCommand, exportLine } from './copy-formats';

/** The four copies of a token (raw, Authorization header, curl, export); each reveals the token at click time. */
export function TokenCopyButtons({ reveal, repoUrl, headerName }: { reveal: () => Promise<string>; repoUrl: string; headerName?: string | undefined }) {
  return (
    <div className="button-row copy-row" role="group" aria-label="Copy the token">
      <CopyButton label="Copy token" getText={reveal} testId="copy-token" />
      <CopyButton label={headerName ? `Copy ${headerName} header` : 'Copy Authorization header'} ariaLabel="Copy Authorization header" getText={async () => authorizationHeader(await reveal(), headerName)} testId="copy-header" />
      <CopyButton label="Copy curl command" getText={async () => curlCommand(repoUrl, await reveal(), headerName)} testId="copy-curl" />
      <CopyButton label="Copy export HELM_REPO_ACCESS_TOKEN" getText={async () => exportLine(await reveal())} testId="copy-export" />
    </div>
  );
}
