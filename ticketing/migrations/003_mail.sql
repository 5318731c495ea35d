-- Replies by e-mail. A mail is written with the note or resolution it
-- carries and sent by the outbox (action "mail", ref = mails.id). A ticket
-- gets an unguessable token for its status page with its first mail.
CREATE TABLE mails (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
	recipient   TEXT    NOT NULL,
	subject     TEXT    NOT NULL,
	body        TEXT    NOT NULL,
	message_id  TEXT    NOT NULL,
	created_at  INTEGER NOT NULL
);
ALTER TABLE outbox ADD COLUMN ref INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN status_token TEXT NOT NULL DEFAULT '';
CREATE INDEX tickets_status_token ON tickets (status_token);
