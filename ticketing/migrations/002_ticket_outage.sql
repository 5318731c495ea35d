-- Tickets linked to a known outage are counted per outage on every outage read.
CREATE INDEX tickets_outage ON tickets (outage_id);
