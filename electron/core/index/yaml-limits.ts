/** The full YAML parser's limits against hostile documents (apart from it, so they load without the `yaml` package). */

/** Limits against hostile documents. */
export interface YamlLimits {
  maxDepth: number;
  /** How many times aliases (including merge keys) may be followed in total. */
  maxAliasUses: number;
  /** How many nodes aliases may add to the result in total. */
  maxAliasNodes: number;
}

/** The limits used unless a caller gives others. */
export const DEFAULT_YAML_LIMITS: YamlLimits = { maxDepth: 64, maxAliasUses: 1000, maxAliasNodes: 100_000 };
