import type { UseMutationOptions } from '@tanstack/react-query'

type AsyncFn = (...args: any[]) => Promise<unknown>

/** Options a caller may add to a feature's mutation hook (onSuccess, onError...); the fetcher is fixed. */
export type MutationConfig<Fn extends AsyncFn> = Omit<
  UseMutationOptions<Awaited<ReturnType<Fn>>, Error, Parameters<Fn>[0]>,
  'mutationFn'
>
