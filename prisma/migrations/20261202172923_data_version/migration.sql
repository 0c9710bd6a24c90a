-- CreateTable
CREATE TABLE "DataVersion" (
    "change" TEXT NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("change")
);
