/**
 * The methods the first screen waits for, called with no arguments before anything else: the
 * renderer starts them from its small entry, and the core answers them once at start-up, so the
 * first window's calls find the repo list, settings and keychain status already read.
 * Plain data, no zod: the renderer imports it at run time.
 */
export const FIRST_SCREEN_CALLS = ['appInfo', 'listRepos', 'getSettings'] as const;

/** One of the first screen's methods. */
export type FirstScreenCall = (typeof FIRST_SCREEN_CALLS)[number];
