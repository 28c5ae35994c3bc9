import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { queryClient, TRPCProvider, trpcClient } from "../lib/trpc";
import { SessionKeeper } from "./session-keeper";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <SessionKeeper />
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
