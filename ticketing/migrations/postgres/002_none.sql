-- Versions 2 and 3 are part of 001_init.sql on PostgreSQL (it came later).
SELECT 1;
