import type { z } from 'zod';

/** One contract method: a runtime schema for its argument and one for its result. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One-line description, shown in docs and errors. */
  doc: string;
}

/** Declares a method with its schemas, keeping the exact schema types. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string): MethodSpec<I, O> {
  return { input, output, doc };
}
