import { describe, expect, it } from "vitest";
import { findCluster, resolveCluster } from "../src/clusters.js";

describe("resolveCluster", () => {
  it.each(["Kowloon Central", "Kowloon Central Cluster", "KC", "kc", "九龍中醫院聯網", "九龍中", "  kowloon   CENTRAL ", "Kowloon-Central"])(
    "reads %j as Kowloon Central",
    (text) => {
      expect(resolveCluster(text).code).toBe("KC");
    },
  );

  it("tells the clusters apart", () => {
    expect(resolveCluster("Kowloon East").code).toBe("KE");
    expect(resolveCluster("NTW").code).toBe("NTW");
    expect(resolveCluster("港島西").code).toBe("HKW");
  });

  it("reads the names HA's other files write: the code with C, Simplified Chinese", () => {
    expect(["KCC", "HKEC", "九龙中医院联网", "新界西"].map((text) => findCluster(text)?.code)).toEqual(["KC", "HKE", "KC", "NTW"]);
    expect(findCluster("Atlantis")).toBeUndefined();
    expect(findCluster("")).toBeUndefined();
  });

  it("answers an unknown cluster with the clusters there are", () => {
    expect(() => resolveCluster("Kowloon")).toThrow(/No hospital cluster "Kowloon"; the clusters are: HKE \(Hong Kong East Cluster, 港島東醫院聯網\)/);
  });
});
