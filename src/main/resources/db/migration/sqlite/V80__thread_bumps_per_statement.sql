-- PostgreSQL bumps a thread's version and published count once per insert statement from V80 on; SQLite has no
-- statement triggers with the rows of the statement, and its row triggers (V45) cost little in its process, so its
-- schema does not change. This file keeps the two trees' versions aligned.
SELECT 1;
