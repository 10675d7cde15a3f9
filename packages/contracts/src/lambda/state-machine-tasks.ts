import { z } from 'zod';

/** What the catalog state machine hands the warehouse-loader's load function. */
export const LoadWarehouseInput = z.object({
  bucket: z.string().min(3),
  objectKeys: z.array(z.string().min(1)).min(1),
});
export type LoadWarehouseInput = z.infer<typeof LoadWarehouseInput>;
