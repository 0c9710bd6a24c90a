import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Starts `server` listening (rejecting if the port cannot be taken) and returns its GraphQL
 * URL, with "localhost" for a server bound to every interface.
 */
export async function listenForGraphQL(server: Server, port: number, host: string | undefined): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return `http://${host && host !== "0.0.0.0" ? host : "localhost"}:${address.port}/graphql`;
}
