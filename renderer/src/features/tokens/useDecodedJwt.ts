import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { toProblem, type Problem } from '../../components/problem';
import type { DecodedJwt } from './types';

/** Decodes `jwt` with the core a moment after the user stops typing; empty input gives nothing. */
export function useDecodedJwt(jwt: string): { decoded?: DecodedJwt; problem?: Problem; busy: boolean } {
  const [result, setResult] = useState<{ jwt: string; decoded?: DecodedJwt; problem?: Problem }>();
  const text = jwt.trim();
  useEffect(() => {
    if (!text) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      api.decodeJwt({ jwt: text }).then(
        (decoded) => current && setResult({ jwt: text, decoded }),
        (error: unknown) => current && setResult({ jwt: text, problem: toProblem(error) }),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  if (!text) return { busy: false };
  if (result?.jwt !== text) return { busy: true };
  return { ...(result.decoded ? { decoded: result.decoded } : {}), ...(result.problem ? { problem: result.problem } : {}), busy: false };
}
