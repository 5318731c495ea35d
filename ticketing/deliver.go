// Package ticketing owns tickets: the ticket model, the built-in SQLite store
// (which also keeps conversations), the outbox that delivers tickets to an
// external system exactly once, the IT service catalog, ITIL triage, the
// incident intake dialog and the known-outage registry.
//
// ticketing imports the SQLite driver and the standard library only; the
// Jira delivery lives in ticketing/jira. It must not import assistant or
// channels.
package ticketing
