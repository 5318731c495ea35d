-- See ../004_instances.sql: outbox leases and the state that several
-- instances share.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;

CREATE TABLE web_sessions (
	token_hash      TEXT   PRIMARY KEY,
	conversation_id TEXT   NOT NULL,
	audience        TEXT   NOT NULL DEFAULT '',
	user_id         TEXT   NOT NULL DEFAULT '',
	data            BYTEA  NOT NULL,
	created_at      BIGINT NOT NULL,
	expires_at      BIGINT NOT NULL
);
CREATE INDEX web_sessions_conversation ON web_sessions (conversation_id);
CREATE INDEX web_sessions_expires ON web_sessions (expires_at);

CREATE TABLE web_events (
	conversation_id TEXT   NOT NULL,
	seq             BIGINT NOT NULL,
	payload         BYTEA  NOT NULL,
	at              BIGINT NOT NULL,
	PRIMARY KEY (conversation_id, seq)
);
CREATE INDEX web_events_at ON web_events (at);

CREATE TABLE desk_sessions (
	token_hash TEXT   PRIMARY KEY,
	username   TEXT   NOT NULL,
	csrf       TEXT   NOT NULL,
	created_at BIGINT NOT NULL,
	expires_at BIGINT NOT NULL
);
CREATE INDEX desk_sessions_user ON desk_sessions (username);
CREATE INDEX desk_sessions_expires ON desk_sessions (expires_at);

CREATE TABLE rate_buckets (
	key        TEXT             PRIMARY KEY,
	tokens     DOUBLE PRECISION NOT NULL,
	updated_at BIGINT           NOT NULL
);
CREATE INDEX rate_buckets_updated ON rate_buckets (updated_at);
