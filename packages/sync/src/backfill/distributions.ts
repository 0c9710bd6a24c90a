import { closestNames } from "@hkhealth/ingest";
import { datasetDefinition, datasetDefinitions, type Distribution } from "@hkhealth/plan";

/** A backfill that cannot start as asked (unknown dataset, no such file): says what was wrong. */
export class BackfillError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackfillError";
  }
}

/** Which of a dataset's files to backfill: all of them, or those of some resources, or some URLs. */
export interface DistributionChoice {
  readonly resources?: readonly string[] | undefined;
  readonly urls?: readonly string[] | undefined;
}

const quoted = (values: readonly string[]) => values.map((value) => JSON.stringify(value)).join(", ");

/** The dataset's official files to ask the archive about, or a BackfillError naming what was not found. */
export function chooseDistributions(datasetId: string, choice: DistributionChoice = {}): readonly Distribution[] {
  const definition = datasetDefinition(datasetId);
  if (definition === undefined) {
    const close = closestNames(datasetId, datasetDefinitions.map((known) => known.id));
    throw new BackfillError(`unknown dataset ${JSON.stringify(datasetId)}${close.length > 0 ? `; did you mean ${close.map((id) => JSON.stringify(id)).join(" or ")}?` : ""}`);
  }
  const { distributions } = definition;
  if (distributions.length === 0) {
    throw new BackfillError(`dataset ${JSON.stringify(datasetId)} has no known distribution (no official file URL), so the archive cannot be asked for it`);
  }
  let chosen = distributions;
  if (choice.resources?.length) {
    const missing = choice.resources.filter((resource) => !distributions.some((file) => file.resource === resource));
    if (missing.length > 0) throw new BackfillError(`dataset ${JSON.stringify(datasetId)} has no resource ${quoted(missing)}; its resources: ${quoted([...new Set(distributions.map((file) => file.resource))])}`);
    chosen = chosen.filter((file) => choice.resources!.includes(file.resource));
  }
  if (choice.urls?.length) {
    const missing = choice.urls.filter((url) => !distributions.some((file) => file.url === url));
    if (missing.length > 0) throw new BackfillError(`dataset ${JSON.stringify(datasetId)} has no distribution at ${quoted(missing)}; its files: ${quoted(distributions.map((file) => file.url))}`);
    chosen = chosen.filter((file) => choice.urls!.includes(file.url));
  }
  return chosen;
}
