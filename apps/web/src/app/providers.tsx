import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { createAppQueryClient, createAppTRPCClient, TRPCProvider } from "../lib/trpc";
import { SessionKeeper } from "./session-keeper";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createAppQueryClient);
  const [trpcClient] = useState(createAppTRPCClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <SessionKeeper />
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
