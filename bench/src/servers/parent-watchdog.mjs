// Preloaded (node --import) into every server the harness starts. The server exits when the
// harness does, even if the harness is killed without a chance to stop it; and, asked by the
// harness, it records a CPU profile of the measured load only (not of its start).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";

if (process.send) {
  process.on("disconnect", () => process.exit(0));
  let session;
  process.on("message", (message) => {
    if (message?.type === "bench:profile-start" && !session) {
      session = new Session();
      session.connect();
      session.post("Profiler.enable", () => session.post("Profiler.start"));
    } else if (message?.type === "bench:profile-stop" && session) {
      const current = session;
      session = undefined;
      current.post("Profiler.stop", (error, result) => {
        if (!error) writeFileSync(message.path, JSON.stringify(result.profile));
        current.disconnect();
        process.send?.({ type: "bench:profile-written", path: message.path, error: error ? String(error) : undefined });
      });
    }
  });
}
