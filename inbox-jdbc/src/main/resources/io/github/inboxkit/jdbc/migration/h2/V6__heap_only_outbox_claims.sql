-- Intentionally empty on H2. The PostgreSQL dialect's V6 replaces the outbox indexes that held the
-- status so that a claim is a heap-only update there; H2 has no heap-only updates to gain and keeps
-- V2's indexes. This file exists so that one version number means the same change on both
-- dialects: from V6 on, every migration has the same number in both folders.
SELECT 1;
