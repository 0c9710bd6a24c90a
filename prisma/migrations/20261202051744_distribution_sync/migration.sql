-- CreateTable
CREATE TABLE "DistributionSync" (
    "datasetId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "nextCheckAt" TIMESTAMPTZ(3) NOT NULL,
    "lastCheckedAt" TIMESTAMPTZ(3),
    "lastChangedAt" TIMESTAMPTZ(3),
    "lastErrorAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "DistributionSync_pkey" PRIMARY KEY ("datasetId","url")
);

-- CreateIndex
CREATE INDEX "DistributionSync_nextCheckAt_idx" ON "DistributionSync"("nextCheckAt");

-- AddForeignKey
ALTER TABLE "DistributionSync" ADD CONSTRAINT "DistributionSync_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
