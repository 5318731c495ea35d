-- A conversation's revision: every save adds one, so that an instance that
-- keeps a conversation in memory between turns can tell with one small
-- query whether its copy is still the stored one (see
-- Store.ConversationRev).
ALTER TABLE conversations ADD COLUMN rev BIGINT NOT NULL DEFAULT 0;
