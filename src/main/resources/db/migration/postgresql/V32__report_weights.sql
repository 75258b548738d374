-- Reports are weighed by reporter: a comment reaches the reported queue on the weight of its reports, not their
-- number, so fresh browser ids from one address cannot fill the queue. report_count stays the raw number.
ALTER TABLE reports ADD COLUMN ip_hash TEXT;
ALTER TABLE reports ADD COLUMN weight INTEGER NOT NULL DEFAULT 1;
ALTER TABLE comments ADD COLUMN report_weight INTEGER NOT NULL DEFAULT 0;
UPDATE comments SET report_weight = report_count;
CREATE INDEX reports_ip ON reports (ip_hash, created_at);
