-- The language the reader's widget was in when they asked for reply emails: the emails are written in it.
-- NULL (subscriptions made before this column): English.
ALTER TABLE reply_subscriptions ADD COLUMN lang TEXT;
