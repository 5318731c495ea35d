-- Tickets, notes and the outbox. Times are Unix nanoseconds (UTC); 0 means unset.
CREATE TABLE tickets (
	id              INTEGER PRIMARY KEY AUTOINCREMENT,
	key             TEXT    NOT NULL UNIQUE,
	external_key    TEXT    NOT NULL DEFAULT '',
	kind            TEXT    NOT NULL,
	priority        TEXT    NOT NULL,
	status          TEXT    NOT NULL,
	audience        TEXT    NOT NULL DEFAULT '',
	channel         TEXT    NOT NULL DEFAULT '',
	lang            TEXT    NOT NULL DEFAULT '',
	summary         TEXT    NOT NULL,
	description     TEXT    NOT NULL DEFAULT '',
	transcript      TEXT    NOT NULL DEFAULT '[]',
	sources         TEXT    NOT NULL DEFAULT '[]',
	slots           TEXT    NOT NULL DEFAULT '{}',
	service         TEXT    NOT NULL DEFAULT '',
	impact          INTEGER NOT NULL DEFAULT 0,
	urgency         INTEGER NOT NULL DEFAULT 0,
	contact         TEXT    NOT NULL DEFAULT '',
	reporter_id     TEXT    NOT NULL DEFAULT '',
	conversation_id TEXT    NOT NULL DEFAULT '',
	intent          TEXT    NOT NULL DEFAULT '',
	confidence      REAL    NOT NULL DEFAULT 0,
	outage_id       INTEGER NOT NULL DEFAULT 0,
	assignee        TEXT    NOT NULL DEFAULT '',
	created_at      INTEGER NOT NULL,
	updated_at      INTEGER NOT NULL,
	resolved_at     INTEGER NOT NULL DEFAULT 0,
	resolution      TEXT    NOT NULL DEFAULT '',
	ext_synced_at   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tickets_status ON tickets (status, priority, created_at);
CREATE INDEX tickets_conversation ON tickets (conversation_id);
CREATE INDEX tickets_reporter ON tickets (reporter_id);

CREATE TABLE notes (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
	author    TEXT    NOT NULL,
	text      TEXT    NOT NULL,
	internal  INTEGER NOT NULL DEFAULT 0,
	at        INTEGER NOT NULL
);
CREATE INDEX notes_ticket ON notes (ticket_id, at);

-- One row per pending side effect of a ticket: 'deliver' (external system)
-- or 'notify' (P1 webhook). delivered_at > 0 marks a finished row.
CREATE TABLE outbox (
	id              INTEGER PRIMARY KEY AUTOINCREMENT,
	ticket_id       INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
	action          TEXT    NOT NULL,
	attempts        INTEGER NOT NULL DEFAULT 0,
	last_error      TEXT    NOT NULL DEFAULT '',
	next_attempt_at INTEGER NOT NULL,
	created_at      INTEGER NOT NULL,
	delivered_at    INTEGER NOT NULL DEFAULT 0,
	failed          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_due ON outbox (delivered_at, failed, next_attempt_at);

CREATE TABLE outages (
	id             INTEGER PRIMARY KEY AUTOINCREMENT,
	service        TEXT    NOT NULL,
	title          TEXT    NOT NULL,
	public_message TEXT    NOT NULL DEFAULT '',
	start_at       INTEGER NOT NULL,
	eta            INTEGER NOT NULL DEFAULT 0,
	end_at         INTEGER NOT NULL DEFAULT 0,
	affected       INTEGER NOT NULL DEFAULT 0,
	active         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX outages_active ON outages (active, service);

CREATE TABLE outage_affected (
	outage_id       INTEGER NOT NULL REFERENCES outages (id) ON DELETE CASCADE,
	reporter        TEXT    NOT NULL, -- conversation ID or user ID
	user_id         TEXT    NOT NULL DEFAULT '',
	ticket_id       INTEGER NOT NULL DEFAULT 0,
	at              INTEGER NOT NULL,
	PRIMARY KEY (outage_id, reporter)
);

-- Conversations are opaque JSON for ticketing; assistant owns the format.
CREATE TABLE conversations (
	id            TEXT    PRIMARY KEY,
	audience      TEXT    NOT NULL DEFAULT '',
	channel       TEXT    NOT NULL DEFAULT '',
	user_id       TEXT    NOT NULL DEFAULT '',
	data          BLOB    NOT NULL,
	created_at    INTEGER NOT NULL,
	updated_at    INTEGER NOT NULL,
	linked_ticket TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX conversations_updated ON conversations (updated_at);
CREATE INDEX conversations_user ON conversations (user_id);

CREATE TABLE audit_log (
	id     INTEGER PRIMARY KEY AUTOINCREMENT,
	who    TEXT    NOT NULL,
	action TEXT    NOT NULL,
	target TEXT    NOT NULL DEFAULT '',
	detail TEXT    NOT NULL DEFAULT '',
	at     INTEGER NOT NULL
);
CREATE INDEX audit_at ON audit_log (at);

CREATE TABLE users (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	username      TEXT    NOT NULL UNIQUE,
	password_hash TEXT    NOT NULL,
	role          TEXT    NOT NULL,
	disabled      INTEGER NOT NULL DEFAULT 0,
	failed_logins INTEGER NOT NULL DEFAULT 0,
	locked_until  INTEGER NOT NULL DEFAULT 0,
	created_at    INTEGER NOT NULL
);
