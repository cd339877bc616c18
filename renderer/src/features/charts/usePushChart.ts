/** Pushes a .tgz to the repo's ChartMuseum API: reads it in the browser, asks before overwriting. */
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { toProblem, type Problem } from '../../components/problem';
import type { MethodOutput } from '../../../../electron/contract';
import type { SignChoice } from '../provenance/SignPushDialog';
import type { SigningKeyInfo } from '../provenance/types';

/** The contract's push limit (MAX_PUSH_BYTES in electron/contract/packages.ts); types only cross into the renderer. */
const MAX_PUSH_BYTES = 50 * 1024 * 1024;

type PushResult = MethodOutput<'pushChart'>;

/** Where a push stands. */
export type PushState =
  | { status: 'idle' }
  | { status: 'pushing'; fileName: string }
  | { status: 'conflict'; fileName: string; contentBase64: string; problem: Problem; sign?: SignChoice | undefined }
  /** Signing keys exist: "Sign with…" is asked first; `busy` while the signed push runs. */
  | { status: 'sign'; fileName: string; contentBase64: string; keys: SigningKeyInfo[]; busy: boolean; problem?: Problem }
  | { status: 'error'; fileName: string; problem: Problem };

/** True when the push waits on the user or failed, so PushDialogs has something to show (its code loads then). */
export function pushNeedsDialog(state: PushState): boolean {
  return state.status === 'sign' || state.status === 'conflict' || state.status === 'error';
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}

/** push(file) uploads; on a 409 the state becomes 'conflict' and overwrite() retries with force. */
export function usePushChart(repoId: string, onPushed: (result: PushResult) => void) {
  const [state, setState] = useState<PushState>({ status: 'idle' });

  const send = useCallback(
    async (fileName: string, contentBase64: string, force: boolean, sign?: SignChoice, keys?: SigningKeyInfo[]) => {
      setState(sign && keys ? { status: 'sign', fileName, contentBase64, keys, busy: true } : { status: 'pushing', fileName });
      try {
        const result = await api.pushChart({ repoId, fileName, contentBase64, force, ...(sign ?? {}) });
        setState({ status: 'idle' });
        onPushed(result);
      } catch (error) {
        const problem = toProblem(error);
        if (keys && sign && (problem.kind === 'passphrase-incorrect' || problem.kind === 'passphrase-required')) {
          setState({ status: 'sign', fileName, contentBase64, keys, busy: false, problem });
        } else {
          setState(problem.kind === 'conflict' && !force ? { status: 'conflict', fileName, contentBase64, problem, sign } : { status: 'error', fileName, problem });
        }
      }
    },
    [repoId, onPushed],
  );

  const push = useCallback(
    async (file: File) => {
      const fail = (message: string) => setState({ status: 'error', fileName: file.name, problem: { kind: 'bad-request', step: 'push', message } });
      if (!/\.(tgz|tar\.gz)$/i.test(file.name)) return fail(`${file.name} is not a chart package: push a .tgz made by "helm package".`);
      if (file.size === 0) return fail(`${file.name} is empty.`);
      if (file.size > MAX_PUSH_BYTES) return fail(`${file.name} is larger than ${MAX_PUSH_BYTES / (1024 * 1024)} MB, the most ChartDesk pushes.`);
      setState({ status: 'pushing', fileName: file.name });
      let content: string;
      try {
        content = await readBase64(file);
      } catch (error) {
        return fail(toProblem(error).message);
      }
      const keys = await api.listSigningKeys({}).catch(() => []);
      if (keys.length > 0) return setState({ status: 'sign', fileName: file.name, contentBase64: content, keys, busy: false });
      await send(file.name, content, false);
    },
    [send],
  );

  /** The choice made in "Sign with…": signed with a key, or unsigned. */
  const pushSigned = useCallback(
    (choice: SignChoice | undefined) => {
      if (state.status !== 'sign') return;
      void (choice ? send(state.fileName, state.contentBase64, false, choice, state.keys) : send(state.fileName, state.contentBase64, false));
    },
    [state, send],
  );

  const overwrite = useCallback(() => {
    if (state.status === 'conflict') void send(state.fileName, state.contentBase64, true, state.sign);
  }, [state, send]);
  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, push, pushSigned, overwrite, dismiss };
}
