import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A change of a VM's manual lists (tags, manual IPs, custom fields, delete, restore): on success
 * every VM query refreshes (detail, lists, dashboard), so the page shows what the API holds.
 */
export function useManualChange<A>(change: (arg: A) => Promise<unknown>, onSuccess?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['vm'] });
      onSuccess?.();
    },
  });
}
