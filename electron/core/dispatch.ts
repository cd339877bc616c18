import type { z } from 'zod';
import { isMethodName, methods, type Envelope, type MethodArgs, type MethodName, type MethodOutput } from '../contract';
import { ChartDeskError, serializeError } from './errors';

/** The core's implementation of every contract method. */
export type Handlers = {
  [K in MethodName]: (args: MethodArgs<K>) => Promise<MethodOutput<K>> | MethodOutput<K>;
};

/** Calls contract methods by name with untrusted arguments, as both transports do. */
export interface Dispatcher {
  call(name: string, rawArgs: unknown): Promise<Envelope<unknown>>;
}

/** Describes schema problems by path and code only: argument values may hold secrets. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(argument)'}: ${issue.code}`)
    .join('; ');
}

/**
 * Builds the dispatcher: unknown names are refused, arguments are validated against the
 * contract before a handler sees them, and results are parsed so nothing beyond the schema leaves.
 */
export function createDispatcher(handlers: Handlers, onInternalError: (name: string, error: unknown) => void = () => {}): Dispatcher {
  return {
    async call(name, rawArgs) {
      try {
        if (!isMethodName(name)) throw new ChartDeskError('bad-request', 'dispatch', `There is no method called "${name.slice(0, 64)}".`);
        const spec = methods[name];
        const parsed = spec.input.safeParse(rawArgs ?? {});
        if (!parsed.success) {
          throw new ChartDeskError('bad-request', 'dispatch', `Invalid arguments for ${name}: ${describeIssues(parsed.error)}.`);
        }
        const handler = handlers[name] as (args: unknown) => unknown;
        const result = await handler(parsed.data);
        const checked = spec.output.safeParse(result);
        if (!checked.success) {
          throw new ChartDeskError('internal', 'dispatch', `${name} produced a result that does not match the contract: ${describeIssues(checked.error)}.`);
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        if (!(error instanceof ChartDeskError) || error.kind === 'internal') onInternalError(name, error);
        return { ok: false, error: serializeError(error) };
      }
    },
  };
}
