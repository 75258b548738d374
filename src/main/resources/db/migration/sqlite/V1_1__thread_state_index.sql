-- Counting published comments per thread is on every thread read: make it index-only.
CREATE INDEX comments_thread_state ON comments (thread_id, state);
