-- See 002_none.sql.
SELECT 1;
