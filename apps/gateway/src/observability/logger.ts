import { pino, type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "@hkhealth/config";

export type { Logger };

/** JSON lines (on stdout unless told), one object per event, with the service that wrote it. */
export function createLogger(level: LogLevel, service: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** For callers that give no logger (tests, embedding). */
export const silentLogger: Logger = pino({ level: "silent" });
