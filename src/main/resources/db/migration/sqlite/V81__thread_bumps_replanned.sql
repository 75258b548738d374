-- PostgreSQL replans its statement trigger's query on every update from V81 on; SQLite's row triggers (V45) are
-- unchanged. This file keeps the two trees' versions aligned.
SELECT 1;
