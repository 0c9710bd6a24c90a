-- CreateTable
CREATE TABLE "CatalogueLoad" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "rowsHash" TEXT NOT NULL,
    "rowsVersion" TEXT NOT NULL,
    "loadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogueLoad_pkey" PRIMARY KEY ("id")
);
